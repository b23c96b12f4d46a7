/** `_SocketWriter`: StreamRequestHandler's unbuffered `wfile`, every write sent at once. */
import { defineClass, PyObject, type Ctor, type PyClass } from '../pyclass/pyclass.js';
import { ValueError } from '../python/exceptions.js';
import type { Socket } from '../socket/socket.js';

const ioBody = <B extends Ctor<PyObject>>(Base: B) =>
  class BufferedIOBase extends Base {
    closed = false;

    flush(): void {
      if (this.closed) throw new ValueError('I/O operation on closed file.');
    }

    close(): void {
      this.closed = true;
    }
  };

/** An instance of `io.BufferedIOBase`. */
export type BufferedIOBase = InstanceType<ReturnType<typeof ioBody<Ctor<PyObject>>>>;

/** Python's `io.BufferedIOBase` (C code in CPython, so not traced). */
export const BufferedIOBase: PyClass<BufferedIOBase> = defineClass<BufferedIOBase>('BufferedIOBase', [], { module: import.meta.url,
  body: ioBody,
  builtin: true,
});

const body = <B extends Ctor<BufferedIOBase>>(Base: B) =>
  class _SocketWriter extends Base {
    declare _sock: Socket;

    async __init__(sock: Socket): Promise<void> {
      this._sock = sock;
    }

    writable(): boolean {
      return true;
    }

    /** Sends all of `b`; returns its length. */
    async write(b: Uint8Array): Promise<number> {
      await this._sock.sendall(b);
      return b.length;
    }

    fileno(): number {
      return this._sock.fileno();
    }
  };

/** An instance of `_SocketWriter`. */
export type _SocketWriter = InstanceType<ReturnType<typeof body<Ctor<BufferedIOBase>>>>;

/** Python's `socketserver._SocketWriter`. */
export const _SocketWriter: PyClass<_SocketWriter, [sock: Socket]> = defineClass<_SocketWriter, [sock: Socket]>('_SocketWriter', [BufferedIOBase], { module: import.meta.url,
  body,
});
