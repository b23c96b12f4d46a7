/**
 * The source pane's logic: the port's method sources (extracted at build time into
 * core-sources.json by scripts/extract-sources.mjs, since the web app may not import core
 * code), finding the lines that call a given method, and a small TypeScript highlighter.
 */
import raw from './core-sources.json';

/** One method's source. */
export interface SourceEntry {
  /** The file, relative to the repository root. */
  readonly file: string;
  /** The line number of the first line of `code` (its doc comment, when it has one). */
  readonly startLine: number;
  /** The line number of the method's name. */
  readonly defLine: number;
  readonly code: string;
}

function isEntry(v: unknown): v is SourceEntry {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o['file'] === 'string' && typeof o['startLine'] === 'number' && typeof o['defLine'] === 'number' && typeof o['code'] === 'string';
}

/** The entries of a core-sources.json value, by `Class.method` (the header comment skipped). */
export function sourceTable(data: unknown): ReadonlyMap<string, SourceEntry> {
  const out = new Map<string, SourceEntry>();
  if (typeof data !== 'object' || data === null) return out;
  for (const [key, value] of Object.entries(data)) if (isEntry(value)) out.set(key, value);
  return out;
}

/** Every method of the port, by `Class.method`. */
export const SOURCES: ReadonlyMap<string, SourceEntry> = sourceTable(raw);

/** The source of `cls.method`, if the port has it. */
export function sourceFor(cls: string, method: string, table: ReadonlyMap<string, SourceEntry> = SOURCES): SourceEntry | null {
  return table.get(`${cls}.${method}`) ?? null;
}

/**
 * The line numbers in `entry` that call `method` (`this.method(`, `.method.call(`,
 * `super.method(`, or a `method:`-named callback), skipping comments.
 */
export function callLines(entry: SourceEntry, method: string): number[] {
  const escaped = method.replace(/[$]/g, '\\$&');
  // `Cls.create(...)` is Python's `Cls(...)`: it runs `__init__`.
  const extra = method === '__init__' ? '|\\.create\\s*\\(' : '';
  const call = new RegExp(`\\.${escaped}\\b(\\.call)?\\s*\\(|\\b${escaped}\\s*\\(${extra}`);
  const lines = entry.code.split('\n');
  const out: number[] = [];
  lines.forEach((line, i) => {
    const lineNo = entry.startLine + i;
    const code = line.replace(/\/\/.*$/, '');
    if (lineNo === entry.defLine) return;
    if (/^\s*(\/\*\*|\*)/.test(line)) return;
    if (call.test(code)) out.push(lineNo);
  });
  return out;
}

/** A highlighted piece of a line. */
export interface Token {
  readonly text: string;
  readonly kind: 'plain' | 'comment' | 'string' | 'keyword' | 'number' | 'name';
}

const KEYWORDS = new Set([
  'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'declare', 'default', 'else', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'let', 'new', 'null',
  'of', 'override', 'readonly', 'return', 'static', 'super', 'this', 'throw', 'true', 'try', 'typeof', 'undefined',
  'void', 'while', 'as', 'type', 'interface',
]);

/**
 * Splits code into highlighted lines: comments (also `/* … *\/` across lines), string and
 * template literals (one line at a time), keywords, numbers; `name` marks each whole-word
 * occurrence of `mark` on line `markLine` (0-based), e.g. the method's name where it is defined.
 */
export function highlight(code: string, mark?: { readonly word: string; readonly line: number }): Token[][] {
  let inBlock = false;
  return code.split('\n').map((line, lineIndex) => {
    const tokens: Token[] = [];
    const push = (text: string, kind: Token['kind']) => {
      if (text === '') return;
      const last = tokens.at(-1);
      if (last?.kind === kind && kind !== 'name') tokens[tokens.length - 1] = { text: last.text + text, kind };
      else tokens.push({ text, kind });
    };
    const plain = (text: string) => {
      for (const part of text.split(/(\b[A-Za-z_$][\w$]*\b|\b\d[\d_.]*\b)/)) {
        if (part === '') continue;
        if (mark?.line === lineIndex && part === mark.word) push(part, 'name');
        else if (KEYWORDS.has(part)) push(part, 'keyword');
        else if (/^\d/.test(part)) push(part, 'number');
        else push(part, 'plain');
      }
    };
    let i = 0;
    let buffer = '';
    const flush = () => {
      plain(buffer);
      buffer = '';
    };
    while (i < line.length) {
      if (inBlock) {
        const end = line.indexOf('*/', i);
        const stop = end < 0 ? line.length : end + 2;
        push(line.slice(i, stop), 'comment');
        i = stop;
        if (end >= 0) inBlock = false;
        continue;
      }
      const two = line.slice(i, i + 2);
      const c = line[i] ?? '';
      if (two === '//') {
        flush();
        push(line.slice(i), 'comment');
        break;
      }
      if (two === '/*') {
        flush();
        inBlock = true;
        continue;
      }
      if (c === "'" || c === '"' || c === '`') {
        flush();
        let j = i + 1;
        while (j < line.length && line[j] !== c) j += line[j] === '\\' ? 2 : 1;
        push(line.slice(i, j + 1), 'string');
        i = j + 1;
        continue;
      }
      buffer += c;
      i++;
    }
    flush();
    return tokens;
  });
}
