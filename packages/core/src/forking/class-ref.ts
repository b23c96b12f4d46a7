/**
 * How a forked child finds the classes of the server and handler it continues: by the
 * module that exports them (`__module__`, an `import.meta.url`) and their name, or, for a
 * class composed at run time from bases, by its bases.
 */
import { defineClass, nameOf, type PyClass } from '../pyclass/pyclass.js';

/** A serializable reference to a class. */
export type ClassRef =
  | { readonly module: string; readonly name: string }
  | { readonly name: string; readonly bases: readonly ClassRef[]; readonly attrs: Readonly<Record<string, ClassAttr>> };

/** A class attribute a composed class may set: plain data only. */
export type ClassAttr = null | boolean | number | string;

interface Composition {
  readonly bases: readonly PyClass[];
  readonly attrs: Readonly<Record<string, ClassAttr>>;
}

/** How a class was composed from bases at run time (no methods of its own). */
const composed = new WeakMap<object, Composition>();

/**
 * Declares a class from bases and plain class attributes only — `class Name(*bases):
 * attr = value` — so that a forked child can rebuild it.
 */
export function composeClass<I extends object, A extends unknown[] = never[]>(
  name: string,
  bases: readonly PyClass[],
  attrs: Readonly<Record<string, ClassAttr>> = {},
): PyClass<I, A> {
  const cls = defineClass<I, A>(name, bases, { attrs });
  composed.set(cls, { bases, attrs });
  return cls;
}

/** The reference a child uses to find `cls`. */
export function classRef(cls: object): ClassRef {
  const name = nameOf(cls);
  if (Object.hasOwn(cls, '__module__')) {
    return { module: String((cls as { __module__: unknown }).__module__), name };
  }
  const composition = composed.get(cls);
  if (composition) return { name, bases: composition.bases.map(classRef), attrs: composition.attrs };
  throw new TypeError(
    `ForkingMixIn cannot hand ${name} to a child process: give it \`static __module__ = import.meta.url\` ` +
      'and export it from that module (see SPEC NODE-FORK)',
  );
}

/** Modules a forked child already holds (its image), by URL. */
const preloaded = new Map<string, Record<string, unknown>>();

/** Registers a module that is already loaded, so that `resolveClassRef` takes it from here. */
export function preloadModule(url: string, mod: Record<string, unknown>): void {
  preloaded.set(url, mod);
}

/** Finds (imports or rebuilds) the class a reference names. */
export async function resolveClassRef(ref: ClassRef): Promise<PyClass> {
  if ('bases' in ref) return composeClass(ref.name, await Promise.all(ref.bases.map(resolveClassRef)), ref.attrs);
  const mod = preloaded.get(ref.module) ?? ((await import(ref.module)) as Record<string, unknown>);
  const cls = mod[ref.name];
  if (typeof cls !== 'function') throw new TypeError(`${ref.module} does not export ${ref.name}`);
  return cls as unknown as PyClass;
}
