/**
 * @sockscope/core — a faithful, instrumented TypeScript port of CPython's `socketserver`.
 *
 * - `socketserver`: every class under its Python name (`TCPServer`, `ThreadingMixIn`, ...).
 * - `pyclass`: Python classes (C3 MRO, `super` along the MRO) to compose new server classes.
 * - `socket`, `threading`: the Python-like sockets and logical threads the port runs on.
 * - `trace`: the typed event schema, sessions and tracers.
 */
export * from './socketserver/index.js';
export { classAttributes, defineClass, mro, nameOf, protoOf, PyObject, resolutionTable } from './pyclass/pyclass.js';
export type { ClassBody, ClassOptions, Ctor, PyClass } from './pyclass/pyclass.js';
export { MroError } from './pyclass/c3.js';
export { classRef, composeClass, resolveClassRef, type ClassRef } from './forking/class-ref.js';
export * as socket from './socket/constants.js';
export { Socket, type SocketRole } from './socket/socket.js';
export { SocketReader, SocketWriter } from './socket/socketio.js';
export { Thread, current_thread, sleep, type ThreadOptions } from './threading/thread.js';
export { Event } from './threading/event.js';
export * from './python/exceptions.js';
export { BytesIO } from './python/bytesio.js';
export { setStderr, sys, type TextStream } from './python/sys.js';
export { formatException } from './python/traceback.js';
export { reprAddress, reprBytes } from './python/repr.js';
export * from './trace/index.js';
export { TraceSession, type SessionOptions, type Tracer } from './trace/session.js';
export { MemoryTracer } from './trace/memory-tracer.js';
export { traced } from './trace/traced.js';
export { isForkedChild } from './forking/is-child.js';
