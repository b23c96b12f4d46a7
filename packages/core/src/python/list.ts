/**
 * Python's built-in `list`, as far as `_Threads` needs it. Its methods stand for C code
 * in CPython, so they are not traced.
 */
import { defineClass, PyObject, type Ctor, type PyClass } from '../pyclass/pyclass.js';

const body = <B extends Ctor<PyObject>>(Base: B) =>
  class list extends Base {
    /** The items (CPython keeps them in C). */
    items: unknown[] = [];

    append(item: unknown): unknown {
      this.items.push(item);
      return undefined;
    }

    get length(): number {
      return this.items.length;
    }
  };

/** An instance of `list`. */
export type list = InstanceType<ReturnType<typeof body<Ctor<PyObject>>>>;

/** Python's `list` (only what socketserver uses). */
export const list: PyClass<list> = defineClass<list>('list', [], { module: import.meta.url, body, builtin: true });
