/** Fills a catalog message's `{slots}` with React nodes (identifiers set in code type, say). */
import { Fragment, type ReactNode } from 'react';

/**
 * Splits `template` (a message with its `{name}` slots unfilled, as `t(key)` returns it
 * without values) and puts `parts[name]` in each slot; unknown slots stay as written.
 */
export function fill(template: string, parts: Readonly<Record<string, ReactNode>>): ReactNode {
  const pieces = template.split(/\{(\w+)\}/);
  return pieces.map((piece, i) =>
    i % 2 === 1 ? <Fragment key={i}>{piece in parts ? parts[piece] : `{${piece}}`}</Fragment> : piece,
  );
}

/** Identifiers joined with `sep`, each in code type. */
export function codeList(names: readonly string[], sep: string): ReactNode {
  return names.map((n, i) => (
    <Fragment key={n}>
      {i > 0 && sep}
      <code className="ss-code">{n}</code>
    </Fragment>
  ));
}
