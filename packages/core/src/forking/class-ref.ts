/**
 * How a forked child finds the classes of the server and handler it continues: by the
 * module that exports them (`__module__`, an `import.meta.url`) and their name, or, for a
 * class composed at run time from bases, by its bases.
 */
import { defineClass, nameOf, type PyClass } from '../pyclass/pyclass.js';

/** A serializable reference to a class. */
export type ClassRef =
  | { readonly module: string; readonly name: string }
  | { readonly name: string; readonly bases: readonly ClassRef[] };

/** How a class was composed from bases at run time (no body of its own). */
const composed = new WeakMap<object, readonly PyClass[]>();

/** Declares a class from bases only (as `class Name(*bases): pass`), so a forked child can rebuild it. */
export function composeClass<I extends object>(name: string, bases: readonly PyClass[]): PyClass<I> {
  const cls = defineClass<I>(name, bases);
  composed.set(cls, bases);
  return cls;
}

/** The reference a child uses to find `cls`. */
export function classRef(cls: object): ClassRef {
  const name = nameOf(cls);
  if (Object.hasOwn(cls, '__module__')) {
    return { module: String((cls as { __module__: unknown }).__module__), name };
  }
  const bases = composed.get(cls);
  if (bases) return { name, bases: bases.map(classRef) };
  throw new TypeError(
    `ForkingMixIn cannot hand ${name} to a child process: give it \`static __module__ = import.meta.url\` ` +
      'and export it from that module (see SPEC NODE-FORK)',
  );
}

/** Finds (imports or rebuilds) the class a reference names. */
export async function resolveClassRef(ref: ClassRef): Promise<PyClass> {
  if ('bases' in ref) return composeClass(ref.name, await Promise.all(ref.bases.map(resolveClassRef)));
  const mod = (await import(ref.module)) as Record<string, unknown>;
  const cls = mod[ref.name];
  if (typeof cls !== 'function') throw new TypeError(`${ref.module} does not export ${ref.name}`);
  return cls as unknown as PyClass;
}

/** Sets `__module__` on each exported class that has none of its own. */
export function registerModule(moduleUrl: string, exports: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(exports)) {
    if (typeof value === 'function' && key === nameOf(value) && !Object.hasOwn(value, '__module__')) {
      Object.defineProperty(value, '__module__', { value: moduleUrl });
    }
  }
}
