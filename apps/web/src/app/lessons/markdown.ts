/**
 * The small markdown subset of lesson notes: paragraphs, bulleted and numbered lists,
 * `**bold**`, `*emphasis*` and `` `code` ``. It parses to a tree of plain strings; the
 * component (Markdown.tsx) turns the tree into React elements, so any HTML in a note is
 * shown as the text it is and never reaches the page as markup. Anything outside the subset
 * (links, headings, `_underscores_`, which Python names are full of) stays as written.
 */

/** A run of inline text. */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: readonly Inline[] }
  | { readonly kind: 'em'; readonly children: readonly Inline[] };

/** A block: a paragraph, or a list whose items are inline runs. */
export type Block =
  | { readonly kind: 'paragraph'; readonly children: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: ReadonlyArray<readonly Inline[]> };

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;

/** Parses a note into blocks. Blank lines separate paragraphs; a list is a run of item lines. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flushParagraph = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const flushList = (): void => {
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    list = null;
  };

  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      flushParagraph();
      flushList();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const ordered = numbered !== null;
      flushParagraph();
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push(item[1] ?? '');
      continue;
    }
    if (list && /^\s+/.test(raw) && list.items.length > 0) {
      // An indented line continues the list's last item.
      const last = list.items.length - 1;
      list.items[last] = `${list.items[last] ?? ''} ${line.trim()}`;
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** Parses inline text: code spans first (nothing inside them is markup), then bold and emphasis. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const pushText = (): void => {
    if (plain !== '') out.push({ kind: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length && /[\\`*_]/.test(text[i + 1] as string)) {
      plain += text[i + 1] as string;
      i += 2;
      continue;
    }
    if (ch === '`') {
      const ticks = /^`+/.exec(text.slice(i))?.[0] ?? '`';
      const close = text.indexOf(ticks, i + ticks.length);
      if (close > i) {
        pushText();
        const inner = text.slice(i + ticks.length, close);
        // `` ` `` pads a code span that starts or ends with a backtick; the padding is not code.
        out.push({ kind: 'code', text: inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') ? inner.slice(1, -1) : inner });
        i = close + ticks.length;
        continue;
      }
      plain += ticks;
      i += ticks.length;
      continue;
    }
    if (ch === '*') {
      const strong = text.startsWith('**', i);
      const marker = strong ? '**' : '*';
      const close = closingMarker(text, i + marker.length, marker);
      if (close !== -1) {
        pushText();
        const children = parseInline(text.slice(i + marker.length, close));
        out.push(strong ? { kind: 'strong', children } : { kind: 'em', children });
        i = close + marker.length;
        continue;
      }
      plain += marker;
      i += marker.length;
      continue;
    }
    plain += ch;
    i++;
  }
  pushText();
  return out;
}

/**
 * Where the run opened at `from` closes: the next `marker` not inside a code span, with no
 * space just inside either end (`2 * 3 * 4` is not emphasis). -1 when it never closes.
 */
function closingMarker(text: string, from: number, marker: string): number {
  const first = text[from];
  if (first === undefined || /\s/.test(first)) return -1;
  let i = from;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '`') {
      const ticks = /^`+/.exec(text.slice(i))?.[0] ?? '`';
      const close = text.indexOf(ticks, i + ticks.length);
      i = close === -1 ? i + ticks.length : close + ticks.length;
      continue;
    }
    if (text.startsWith(marker, i) && i > from) {
      // A single `*` must not be half of a `**`.
      const single = marker === '*' && (text[i + 1] === '*' || text[i - 1] === '*');
      if (!single && !/\s/.test(text[i - 1] as string)) return i;
      if (single && text.startsWith('**', i)) {
        const inner = closingMarker(text, i + 2, '**');
        if (inner !== -1) {
          i = inner + 2;
          continue;
        }
      }
    }
    i++;
  }
  return -1;
}

/** The note as one line of plain text (for a step's label in the list of notes). */
export function plainText(source: string): string {
  const inline = (runs: readonly Inline[]): string =>
    runs.map((r) => (r.kind === 'text' || r.kind === 'code' ? r.text : inline(r.children))).join('');
  return parseMarkdown(source)
    .map((b) => (b.kind === 'paragraph' ? inline(b.children) : b.items.map(inline).join(' · ')))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
