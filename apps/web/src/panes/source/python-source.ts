/**
 * CPython's side of the source pane, all pure: finding `Cls.method` in a Python module's
 * text (`class Cls` … `def method`, by indentation, skipping strings and comments), the
 * lines of a function that call another method, the line to light at the cursor, and a
 * small Python highlighter. The text is the runtime's python3's own file, read at run
 * time; nothing of CPython is bundled.
 */
import type { CPythonSources, PythonSource, TraceEvent } from '@sockscope/core/trace';
import type { Token } from './sources.js';

/** One physical line of Python, as the finder sees it. */
export interface PyLine {
  readonly text: string;
  /** The line without its strings (blanked) and its comment: what the code says. */
  readonly code: string;
  /** Leading spaces (a tab counts to the next multiple of 8, as Python's tokenizer does). */
  readonly indent: number;
  /** Only whitespace or a comment. */
  readonly blank: boolean;
  /**
   * Starts a logical line: not inside a triple-quoted string, a bracket or after a
   * backslash. Only these lines open or close blocks.
   */
  readonly structural: boolean;
}

function indentOf(text: string): number {
  let n = 0;
  for (const c of text) {
    if (c === ' ') n++;
    else if (c === '\t') n = n + 8 - (n % 8);
    else if (c === '\f') n = 0;
    else break;
  }
  return n;
}

/** Splits Python source into lines, knowing which are inside strings or brackets. */
export function scanPython(text: string): PyLine[] {
  const out: PyLine[] = [];
  let triple: string | null = null;
  let depth = 0;
  let continued = false;
  for (const line of text.split(/\r?\n/)) {
    const structural = triple === null && depth === 0 && !continued;
    let code = '';
    let i = 0;
    continued = false;
    while (i < line.length) {
      const c = line[i] ?? '';
      if (triple !== null) {
        if (c === '\\') {
          code += '  ';
          i += 2;
          continue;
        }
        if (line.startsWith(triple, i)) {
          code += '   ';
          i += 3;
          triple = null;
          continue;
        }
        code += ' ';
        i++;
        continue;
      }
      if (c === '#') break;
      if (c === '"' || c === "'") {
        const three = c.repeat(3);
        if (line.startsWith(three, i)) {
          triple = three;
          code += '   ';
          i += 3;
          continue;
        }
        let j = i + 1;
        while (j < line.length && line[j] !== c) j += line[j] === '\\' ? 2 : 1;
        code += c + ' '.repeat(Math.max(0, Math.min(j, line.length) - i - 1)) + (j < line.length ? c : '');
        i = j + 1;
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
      else if (c === '\\' && i === line.length - 1) continued = true;
      code += c;
      i++;
    }
    out.push({ text: line, code, indent: indentOf(line), blank: structural && code.trim() === '', structural });
  }
  return out;
}

/** A function found in a module: 1-based line numbers, and its text. */
export interface PythonFunction {
  /** The module it is in (`socketserver`); empty when found in bare text. */
  readonly module: string;
  /** Where the module's file is on the runtime's machine; empty when found in bare text. */
  readonly path: string;
  /** The first line: the first decorator, else the `def`. */
  readonly startLine: number;
  readonly defLine: number;
  readonly endLine: number;
  /** Lines `startLine`…`endLine`. */
  readonly code: string;
  /** The scanned lines of `code` (for call lines and highlighting). */
  readonly lines: readonly PyLine[];
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The index of the first structural, non-blank line after `from` whose indent is at most `indent`; `lines.length` if none. */
function blockEnd(lines: readonly PyLine[], from: number, indent: number): number {
  for (let i = from + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l?.structural && !l.blank && l.indent <= indent) return i;
  }
  return lines.length;
}

/**
 * Finds `def method` in `class cls` (at any nesting, e.g. under `if hasattr(os, "fork"):`) in
 * Python source text. Text in strings (a docstring that shows a `class` line) and comments
 * never counts. Null when the class or the method is not there.
 */
export function findPythonFunction(text: string, cls: string, method: string): PythonFunction | null {
  const lines = scanPython(text);
  const classRe = new RegExp(`^\\s*class\\s+${escapeRe(cls)}\\s*[(:]`);
  const defRe = new RegExp(`^\\s*(?:async\\s+)?def\\s+${escapeRe(method)}\\s*\\(`);
  for (let c = 0; c < lines.length; c++) {
    const head = lines[c];
    if (!head?.structural || !classRe.test(head.code)) continue;
    const end = blockEnd(lines, c, head.indent);
    // The class body's own methods first (the shallowest `def` of that name).
    let best: number | null = null;
    for (let i = c + 1; i < end; i++) {
      const l = lines[i];
      if (!l?.structural || l.indent <= head.indent || !defRe.test(l.code)) continue;
      if (best === null || l.indent < (lines[best]?.indent ?? Infinity)) best = i;
    }
    if (best === null) continue;
    const def = lines[best];
    if (!def) continue;
    let start = best;
    while (start - 1 > c) {
      const prev = lines[start - 1];
      if (!prev?.structural || prev.indent !== def.indent || !prev.code.trimStart().startsWith('@')) break;
      start--;
    }
    let last = blockEnd(lines, best, def.indent) - 1;
    // Blank lines and comments after the body belong to what follows.
    while (last > best) {
      const l = lines[last];
      if (!l || !(l.blank && (l.text.trim() === '' || l.indent <= def.indent))) break;
      last--;
    }
    const body = lines.slice(start, last + 1);
    return {
      module: '',
      path: '',
      startLine: start + 1,
      defLine: best + 1,
      endLine: last + 1,
      code: body.map((l) => l.text).join('\n'),
      lines: body,
    };
  }
  return null;
}

/**
 * Finds `cls.method` in CPython's sources: in `module` first (a call event's `src_file`), then
 * in `socketserver`, then anywhere.
 */
export function findInSources(sources: CPythonSources, cls: string, method: string, module?: string): PythonFunction | null {
  const order: PythonSource[] = [];
  const add = (m: PythonSource | undefined): void => {
    if (m && !order.includes(m)) order.push(m);
  };
  add(sources.modules.find((m) => m.module === module));
  add(sources.modules.find((m) => m.module === 'socketserver'));
  for (const m of sources.modules) add(m);
  for (const m of order) {
    const found = findPythonFunction(m.text, cls, method);
    if (found) return { ...found, module: m.module, path: m.path };
  }
  return null;
}

/**
 * The lines of `fn` (1-based, in the module) that call `method`: `self.method(`, `method(`,
 * `super().method(`; for `__init__`, also a class called like a function
 * (`self.RequestHandlerClass(…)`, `SelfCls(…)`). Strings, comments and the `def` line never count.
 */
export function pythonCallLines(fn: PythonFunction, method: string, selfCls?: string): number[] {
  const names = [escapeRe(method)];
  if (method === '__init__') {
    names.push('RequestHandlerClass');
    if (selfCls) names.push(escapeRe(selfCls));
  }
  const call = new RegExp(`(?:^|[^\\w])(?:${names.join('|')})\\s*\\(`);
  const out: number[] = [];
  fn.lines.forEach((l, i) => {
    const n = fn.startLine + i;
    if (n <= fn.defLine) return;
    if (call.test(l.code)) out.push(n);
  });
  return out;
}

/** A line of the function to light, and why. */
export interface LineChoice {
  readonly line: number;
  /** `running`: the line the frame is on; `calling`: the line calling the next frame in; `def`: no better line known. */
  readonly kind: 'running' | 'calling' | 'def';
}

/** The frame whose source is shown, and the one it is calling (if the cursor is deeper). */
export interface LineQuery {
  /** Whether the trace came from the CPython backend (only its events carry `src_line`). */
  readonly cpython: boolean;
  readonly events: readonly TraceEvent[];
  /** The index of the event at the cursor. */
  readonly cursor: number;
  /** The shown frame's span id and the index of its `call` event. */
  readonly frame: { readonly span: number; readonly startIndex: number } | null;
  /** The frame one further in, when the shown one is not the innermost. */
  readonly callee: { readonly method: string; readonly selfCls: string; readonly startIndex: number } | null;
}

/** The `src_line` of the last event of `span` in `[from, to]` that lies inside `fn`, if any. */
function lastLineIn(q: LineQuery, fn: PythonFunction, span: number, from: number, to: number): number | null {
  for (let i = Math.min(to, q.events.length - 1); i >= Math.max(0, from); i--) {
    const e = q.events[i];
    if (e?.span !== span || e.src_line === undefined) continue;
    if (e.src_line >= fn.startLine && e.src_line <= fn.endLine) return e.src_line;
  }
  return null;
}

/**
 * The line to light in `fn` at the cursor. For a CPython trace: the `src_line` of the latest
 * event of the shown frame up to the cursor (the event at the cursor itself when it is in
 * that frame; a `call` event gives the `def` line); when the cursor is deeper, in a call the
 * frame made, the line in the frame that makes that call — the frame's lines that call the
 * callee's method, the first at or after the last line the frame was seen on. A trace of the
 * port has no CPython lines: the `def` line.
 */
export function chooseLine(q: LineQuery, fn: PythonFunction): LineChoice {
  const def: LineChoice = { line: fn.defLine, kind: 'def' };
  if (!q.cpython || q.frame === null) return def;
  const { span, startIndex } = q.frame;
  if (q.callee === null) {
    const line = lastLineIn(q, fn, span, startIndex, q.cursor);
    return line === null ? def : { line, kind: 'running' };
  }
  const calls = pythonCallLines(fn, q.callee.method, q.callee.selfCls);
  if (calls.length === 0) return def;
  const before = lastLineIn(q, fn, span, startIndex, q.callee.startIndex - 1);
  const line = (before === null ? undefined : calls.find((n) => n >= before)) ?? calls[0] ?? fn.defLine;
  return { line, kind: 'calling' };
}

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'self',
]);

/**
 * Splits Python code into highlighted lines: comments, strings (triple-quoted ones across
 * lines), keywords, numbers; `mark` marks the whole word `word` on line `line` (0-based),
 * e.g. the method's name on its `def` line.
 */
export function highlightPython(code: string, mark?: { readonly word: string; readonly line: number }): Token[][] {
  let triple: string | null = null;
  return code.split('\n').map((line, lineIndex) => {
    const tokens: Token[] = [];
    const push = (text: string, kind: Token['kind']): void => {
      if (text === '') return;
      const last = tokens.at(-1);
      if (last?.kind === kind && kind !== 'name') tokens[tokens.length - 1] = { text: last.text + text, kind };
      else tokens.push({ text, kind });
    };
    const plain = (text: string): void => {
      for (const part of text.split(/(\b[A-Za-z_]\w*\b|\b\d[\d_.]*\b)/)) {
        if (part === '') continue;
        if (mark?.line === lineIndex && part === mark.word) push(part, 'name');
        else if (KEYWORDS.has(part)) push(part, 'keyword');
        else if (/^\d/.test(part)) push(part, 'number');
        else push(part, 'plain');
      }
    };
    let i = 0;
    let buffer = '';
    const flush = (): void => {
      plain(buffer);
      buffer = '';
    };
    while (i < line.length) {
      if (triple !== null) {
        let j = i;
        while (j < line.length && !line.startsWith(triple, j)) j += line[j] === '\\' ? 2 : 1;
        const stop = Math.min(line.length, j < line.length ? j + 3 : line.length);
        push(line.slice(i, stop), 'string');
        if (j < line.length) triple = null;
        i = stop;
        continue;
      }
      const c = line[i] ?? '';
      if (c === '#') {
        flush();
        push(line.slice(i), 'comment');
        break;
      }
      if (c === '"' || c === "'") {
        // A string prefix (r, b, f, rb…) goes with its string.
        const pre = /(?:^|\W)([rRbBfFuU]{1,2})$/.exec(buffer)?.[1] ?? '';
        buffer = buffer.slice(0, buffer.length - pre.length);
        flush();
        const three = c.repeat(3);
        if (line.startsWith(three, i)) {
          triple = three;
          push(pre + three, 'string');
          i += 3;
          continue;
        }
        let j = i + 1;
        while (j < line.length && line[j] !== c) j += line[j] === '\\' ? 2 : 1;
        push(pre + line.slice(i, j + 1), 'string');
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
