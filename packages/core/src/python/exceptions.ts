/**
 * Python's built-in exception classes that socketserver code raises or catches, as
 * JavaScript errors whose `name` is the Python class name (so tracebacks and trace
 * events read `ValueError: ...`).
 */

/** Python's `BaseException`: the root; `SystemExit` and `KeyboardInterrupt` derive from it directly. */
export class BaseException extends Error {
  /** A Python name that differs from the JavaScript class name, if any. */
  static readonly pythonName: string | undefined = undefined;

  constructor(message?: string) {
    super(message);
    this.name = new.target.pythonName ?? new.target.name;
  }
}

/** Python's `Exception`: what `except Exception:` catches. */
export class Exception extends BaseException {}

/** Python's `SystemExit`: not an `Exception`, so handlers' `except Exception` lets it through. */
export class SystemExit extends BaseException {
  constructor(readonly code: number = 0) {
    super(String(code));
  }
}

/** Python's `KeyboardInterrupt`. */
export class KeyboardInterrupt extends BaseException {}

/** Python's `ValueError`. */
export class ValueError extends Exception {}

/** Python's `OverflowError` (e.g. a port outside 0–65535). */
export class OverflowError extends Exception {}

/** Python's `TypeError` (named so; JavaScript's own TypeError is a different class). */
export class PyTypeError extends Exception {
  static override readonly pythonName = 'TypeError';
}

/** Python's `OSError`, with `errno` and `strerror` as in Python. */
export class OSError extends Exception {
  constructor(
    readonly errno: number | null,
    readonly strerror: string,
  ) {
    super(errno === null ? strerror : `[Errno ${errno}] ${strerror}`);
  }
}

/** Python's `TimeoutError` (`socket.timeout` since 3.10): a socket operation timed out. */
export class TimeoutError extends OSError {
  constructor(errno: number | null = null, strerror = 'timed out') {
    super(errno, strerror);
  }
}

/** Python's `BlockingIOError`: a non-blocking socket had nothing to give. */
export class BlockingIOError extends OSError {}
/** Python's `ConnectionError`. */
export class ConnectionError extends OSError {}
/** Python's `ConnectionResetError`. */
export class ConnectionResetError extends ConnectionError {}
/** Python's `ConnectionRefusedError`. */
export class ConnectionRefusedError extends ConnectionError {}
/** Python's `BrokenPipeError`. */
export class BrokenPipeError extends ConnectionError {}
/** Python's `ChildProcessError`: `waitpid` found no such child. */
export class ChildProcessError extends OSError {}

/** Linux errno numbers and Python's strerror texts for the codes Node reports. */
const ERRNO: Record<string, readonly [number, string, typeof OSError]> = {
  EPERM: [1, 'Operation not permitted', OSError],
  ENOENT: [2, 'No such file or directory', OSError],
  ECHILD: [10, 'No child processes', ChildProcessError],
  EAGAIN: [11, 'Resource temporarily unavailable', BlockingIOError],
  EACCES: [13, 'Permission denied', OSError],
  EINVAL: [22, 'Invalid argument', OSError],
  EPIPE: [32, 'Broken pipe', BrokenPipeError],
  EADDRINUSE: [98, 'Address already in use', OSError],
  EADDRNOTAVAIL: [99, 'Cannot assign requested address', OSError],
  ENETUNREACH: [101, 'Network is unreachable', OSError],
  ECONNABORTED: [103, 'Software caused connection abort', ConnectionError],
  ECONNRESET: [104, 'Connection reset by peer', ConnectionResetError],
  ENOTCONN: [107, 'Transport endpoint is not connected', OSError],
  ETIMEDOUT: [110, 'Connection timed out', TimeoutError],
  ECONNREFUSED: [111, 'Connection refused', ConnectionRefusedError],
  EBADF: [9, 'Bad file descriptor', OSError],
};

/** Turns an error from Node (with a `code` such as `EADDRINUSE`) into the OSError Python would raise. */
export function fromNodeError(err: unknown): BaseException {
  if (err instanceof BaseException) return err;
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  const known = ERRNO[code];
  if (known) {
    const [errno, text, Cls] = known;
    return new Cls(errno, text);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new OSError(null, message);
}

/** True for what `except Exception:` catches: everything but SystemExit and KeyboardInterrupt. */
export function isException(err: unknown): boolean {
  return !(err instanceof BaseException) || err instanceof Exception;
}
