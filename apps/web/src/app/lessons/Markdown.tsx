/**
 * A lesson note on screen: the subset of markdown.ts as React elements. Every piece of text
 * goes through React as text, so a note can never inject markup.
 */
import { useMemo, type ReactNode } from 'react';
import { parseInline, parseMarkdown, type Block, type Inline } from './markdown.js';

/** Inline runs as elements. */
function inlines(runs: readonly Inline[]): ReactNode[] {
  return runs.map((run, i) => {
    switch (run.kind) {
      case 'text':
        return run.text;
      case 'code':
        return (
          <code key={i} className="md-code">
            {run.text}
          </code>
        );
      case 'strong':
        return <strong key={i}>{inlines(run.children)}</strong>;
      case 'em':
        return <em key={i}>{inlines(run.children)}</em>;
    }
  });
}

function block(b: Block, i: number): ReactNode {
  if (b.kind === 'paragraph') return <p key={i}>{inlines(b.children)}</p>;
  const items = b.items.map((item, j) => <li key={j}>{inlines(item)}</li>);
  return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
}

/** A note: paragraphs and lists, in a `div` with `className`. */
export function Markdown({ source, className }: { readonly source: string; readonly className?: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return <div className={className ?? 'md'}>{blocks.map(block)}</div>;
}

/** One line of inline markdown (a title, a summary, a choice), in a `span`. */
export function InlineMarkdown({ source, className }: { readonly source: string; readonly className?: string }) {
  const runs = useMemo(() => parseInline(source), [source]);
  return <span className={className}>{inlines(runs)}</span>;
}
