/** Call spans: one per method call, from its `call` event to its `return` or `exception`. */

/** One method call. */
export interface Span {
  readonly id: number;
  readonly lane: string;
  readonly cls: string;
  readonly method: string;
  readonly selfCls: string;
  /** Nesting depth within its lane (0 = outermost). */
  readonly depth: number;
  /** The span that called it (possibly in another process: a forked child continues its parent's call). */
  readonly parent: number | null;
  readonly startIndex: number;
  readonly startNs: number;
  endIndex: number | null;
  endNs: number | null;
  /** `Type: message` when the call ended by raising. */
  exception: string | null;
}

/** `Class.method`. */
export function qualified(span: Pick<Span, 'cls' | 'method'>): string {
  return `${span.cls}.${span.method}`;
}
