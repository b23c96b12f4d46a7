/**
 * Python classes in TypeScript. A class is declared with its Python bases and a body
 * written as a mixin (`(Base) => class extends Base { ... }`). Its MRO is the C3
 * linearization of the bases, and its JavaScript prototype chain is built in MRO order,
 * instantiating each body over the class that follows it in that MRO. So `super.m()`
 * inside a body reaches the next class in the MRO of the instance's class, exactly as
 * Python's `super().m()` does, and `class Bad(TCPServer, ThreadingMixIn)` really
 * resolves `process_request` in BaseServer.
 */
import { c3Merge } from './c3.js';
import { traceMethod } from './trace-method.js';

/**
 * A constructor that can serve as a mixin base. TypeScript only accepts `any[]` as the
 * argument list of a mixin base; Python constructors take no JavaScript arguments here
 * (Python's `__init__` is the async method `create` calls).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Ctor<T extends object = object> = new (...args: any[]) => T;

/** A class body: given the class that follows it in an MRO, returns the class itself. */
export type ClassBody = (Base: never) => Ctor;

/** What `defineClass` is told about a class. */
export interface ClassOptions {
  /** The methods, as a mixin over the next class in the MRO. */
  readonly body?: ClassBody;
  /** Class attributes, set on the prototype as Python sets them on the class. */
  readonly attrs?: Readonly<Record<string, unknown>>;
  /** A class that stands for a C type in Python (e.g. `list`): its methods are not traced. */
  readonly builtin?: boolean;
  /** The module that exports the class (`import.meta.url`): where a forked child imports it from. */
  readonly module?: string;
}

/**
 * A class built by `defineClass` (or a plain JavaScript subclass of one). `A` is what its
 * `__init__` takes, so what `create` takes.
 */
export interface PyClass<I extends object = object, A extends unknown[] = never[]> {
  new (): I;
  /** Python's `cls(*args)`: makes an instance and awaits its `__init__(*args)`. */
  create(...args: A): Promise<I>;
  readonly prototype: I;
  /** Python's `__name__`. */
  readonly __name__: string;
  /** Python's `__mro__`: this class, then the rest of its linearization, ending with `object`. */
  readonly __mro__: readonly PyClass[];
  /** Python's `__bases__`. */
  readonly __bases__: readonly PyClass[];
}

interface ClassSpec extends ClassOptions {
  readonly name: string;
  readonly bases: readonly PyClass[];
}

/** On each link of a built chain: the canonical class it is an instantiation of. */
const CANONICAL = Symbol('sockscope.pyclass.canonical');
const specs = new WeakMap<object, ClassSpec>();
const instrumented = new WeakSet<object>();

/** Python's `object`: the root of every class here. */
export class PyObject {
  constructor() {
    instrument(new.target);
  }

  /** Python's `cls(*args)`: makes an instance and awaits its `__init__(*args)`. */
  static async create(this: new () => object, ...args: unknown[]): Promise<object> {
    const self = new this() as { __init__?: (...a: unknown[]) => unknown };
    if (typeof self.__init__ === 'function') await self.__init__(...args);
    return self;
  }

  /** Python's `isinstance`: true when the class is anywhere in the MRO of the value's class. */
  static [Symbol.hasInstance](this: object, value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    return mroOf(value.constructor).includes(canonicalOf(this));
  }

  static get __name__(): string {
    return nameOf(this);
  }

  static get __mro__(): readonly PyClass[] {
    return mroOf(this) as unknown as PyClass[];
  }

  static get __bases__(): readonly PyClass[] {
    const spec = specs.get(canonicalOf(this));
    if (spec) return spec.bases;
    const parent: unknown = Object.getPrototypeOf(this);
    return this === PyObject ? [] : [canonicalOf(parent as object) as PyClass];
  }
}
Object.defineProperty(PyObject, 'name', { value: 'object' });
instrumented.add(PyObject);

/**
 * The prototype of class `cls` as it is linked into the MRO of `self`'s class: what
 * Python's explicit `BaseServer.__init__(self, ...)` calls into.
 */
export function protoOf<I extends object>(self: object, cls: PyClass<I>): I {
  let link = (self as { constructor: object }).constructor as object | null;
  while (link !== null) {
    if (canonicalOf(link) === cls) return (link as { prototype: I }).prototype;
    link = Object.getPrototypeOf(link) as object | null;
  }
  throw new TypeError(`${nameOf(cls)} is not in the MRO of ${nameOf(self.constructor)}`);
}

/** The canonical class of a chain link (a link is an instantiation of a body for one MRO). */
function canonicalOf(cls: object): object {
  return Object.hasOwn(cls, CANONICAL) ? (cls as Record<symbol, object>)[CANONICAL] as object : cls;
}

/** A class's Python name. */
export function nameOf(cls: object): string {
  const canonical = canonicalOf(cls);
  return specs.get(canonical)?.name ?? (canonical as { name: string }).name;
}

/** The MRO of a class, as class objects, from the class itself to `object`. */
function mroOf(cls: object): object[] {
  const out: object[] = [];
  let link: object | null = cls;
  while (link !== null && link !== Function.prototype) {
    out.push(canonicalOf(link));
    if (link === PyObject) return out;
    link = Object.getPrototypeOf(link) as object | null;
  }
  throw new TypeError(`${nameOf(cls)} does not derive from object (PyObject)`);
}

/** The MRO of a class as Python names, e.g. `['ThreadingTCPServer', 'ThreadingMixIn', ...]`. */
export function mro(cls: PyClass | object): string[] {
  return mroOf(cls).map(nameOf);
}

/**
 * Declares a Python class `class name(*bases)`. The result is a real JavaScript class
 * whose prototype chain follows the MRO. Throws `MroError` (Python's TypeError) when the
 * bases cannot be ordered.
 */
export function defineClass<I extends object, A extends unknown[] = never[]>(
  name: string,
  bases: readonly PyClass[],
  options: ClassOptions = {},
): PyClass<I, A> {
  const baseList: readonly object[] = bases.length > 0 ? bases : [PyObject];
  const tail = c3Merge(baseList, mroOf, nameOf);
  let chain: object = PyObject;
  for (let i = tail.length - 2; i >= 0; i--) {
    const cls = tail[i] as object;
    // A class whose own chain already is the rest of this MRO is used as it is.
    chain = sameList(mroOf(cls), tail.slice(i)) ? cls : relink(cls, chain);
  }
  const spec: ClassSpec = { ...options, name, bases };
  const cls = instantiate(spec, chain, undefined);
  specs.set(cls, spec);
  if (options.module !== undefined) Object.defineProperty(cls, '__module__', { value: options.module });
  return cls as PyClass<I, A>;
}

/** Builds `cls` again over `base`: needed when the MRO puts a different class after it. */
function relink(cls: object, base: object): object {
  const spec = specs.get(cls);
  if (!spec) {
    throw new TypeError(
      `${nameOf(cls)} is a plain JavaScript class, so it cannot be placed at a new point of an MRO; declare it with defineClass()`,
    );
  }
  return instantiate(spec, base, cls);
}

function instantiate(spec: ClassSpec, base: object, canonical: object | undefined): object {
  const Base = base as Ctor;
  const built = spec.body ? (spec.body as (b: Ctor) => Ctor)(Base) : class extends Base {};
  if (Object.getPrototypeOf(built) !== base) {
    throw new TypeError(`the body of ${spec.name} must extend the base it is given`);
  }
  Object.defineProperty(built, 'name', { value: spec.name });
  if (canonical) Object.defineProperty(built, CANONICAL, { value: canonical });
  for (const [key, value] of Object.entries(spec.attrs ?? {})) {
    Object.defineProperty(built.prototype, key, { value, writable: true, configurable: true, enumerable: true });
  }
  if (spec.builtin) instrumented.add(built);
  else instrumentLink(built);
  return built;
}

/** Wraps the methods of every not yet instrumented class in a chain (plain subclasses, lazily). */
function instrument(cls: object): void {
  let link: object | null = cls;
  while (link !== null && !instrumented.has(link)) {
    instrumentLink(link);
    link = Object.getPrototypeOf(link) as object | null;
  }
}

function instrumentLink(link: object): void {
  instrumented.add(link);
  const proto = (link as { prototype: object }).prototype;
  const clsName = nameOf(link);
  for (const key of Object.getOwnPropertyNames(proto)) {
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    if (key === 'constructor' || !desc || typeof desc.value !== 'function') continue;
    if (Object.hasOwn(spec(link)?.attrs ?? {}, key)) continue;
    Object.defineProperty(proto, key, { ...desc, value: traceMethod(desc.value as AnyMethod, clsName, key) });
  }
}

function spec(link: object): ClassSpec | undefined {
  return specs.get(canonicalOf(link));
}

type AnyMethod = (this: object, ...args: unknown[]) => unknown;

function sameList(a: readonly object[], b: readonly object[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The method resolution table: for every method the class has, the class whose
 * implementation runs (the first class in the MRO that defines it).
 */
export function resolutionTable(cls: PyClass | object): Record<string, string> {
  const table: Record<string, string> = {};
  let link = cls as object | null;
  while (link !== null && link !== PyObject) {
    if (!spec(link)?.builtin) {
      const proto = (link as { prototype: object }).prototype;
      for (const key of Object.getOwnPropertyNames(proto)) {
        const value = Object.getOwnPropertyDescriptor(proto, key)?.value as unknown;
        if (key !== 'constructor' && typeof value === 'function' && !(key in table)) {
          table[key] = nameOf(link);
        }
      }
    }
    link = Object.getPrototypeOf(link) as object | null;
  }
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The class attributes each class of the MRO defines itself, like Python's `vars(cls)`. */
export function classAttributes(cls: PyClass | object): Array<{ cls: string; attrs: Record<string, unknown> }> {
  const out: Array<{ cls: string; attrs: Record<string, unknown> }> = [];
  let link = cls as object | null;
  while (link !== null && link !== PyObject) {
    out.push({ cls: nameOf(link), attrs: { ...(spec(link)?.attrs ?? {}) } });
    link = Object.getPrototypeOf(link) as object | null;
  }
  return out;
}
