/** Python's `repr` for the few values a trace or traceback shows: bytes and addresses. */
import type { SockAddr } from '../trace/schema.js';

/** How many bytes a preview shows before `...`. */
export const PREVIEW_BYTES = 48;

/** Python's `repr(bytes)`, cut after `max` bytes: `b'hello\n'`. */
export function reprBytes(data: Uint8Array, max = PREVIEW_BYTES): string {
  const shown = data.subarray(0, max);
  const quote = shown.includes(0x27) && !shown.includes(0x22) ? '"' : "'";
  let body = '';
  for (const byte of shown) body += escapeByte(byte, quote);
  return `b${quote}${body}${quote}${data.length > max ? '...' : ''}`;
}

function escapeByte(byte: number, quote: string): string {
  if (byte === 0x5c) return '\\\\';
  if (byte === 0x0a) return '\\n';
  if (byte === 0x0d) return '\\r';
  if (byte === 0x09) return '\\t';
  if (String.fromCharCode(byte) === quote) return `\\${quote}`;
  if (byte >= 0x20 && byte < 0x7f) return String.fromCharCode(byte);
  return `\\x${byte.toString(16).padStart(2, '0')}`;
}

/** Python's `repr` of a socket address: `('127.0.0.1', 8000)`, `'/tmp/s'`, `None`. */
export function reprAddress(addr: SockAddr): string {
  if (addr === null) return 'None';
  if (typeof addr === 'string') return `'${addr}'`;
  return `(${addr.map((part) => (typeof part === 'string' ? `'${part}'` : String(part))).join(', ')})`;
}
