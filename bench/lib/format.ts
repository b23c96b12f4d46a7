/** Formatting the benchmark's figures and tables, for the terminal and for Markdown. */

/** A table: a title, column headers, and rows of already formatted cells. */
export interface Table {
  readonly title: string;
  readonly columns: readonly string[];
  /** Which columns hold numbers (right-aligned); by default every column but the first three. */
  readonly numeric?: readonly boolean[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** The placeholder for a figure that was not measured. */
export const NONE = '–';

/**
 * A figure for a table: rounded to an integer from 100 up, else to 3 significant digits
 * (at most 3 decimals); thousands separated by a thin space. `–` when missing.
 */
export function fmtNum(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return NONE;
  const abs = Math.abs(value);
  const text = abs >= 100 ? Math.round(value).toString() : abs === 0 ? '0' : trimZeros(value.toFixed(Math.min(3, Math.max(0, 2 - Math.floor(Math.log10(abs))))));
  return groupThousands(text);
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

function groupThousands(text: string): string {
  const [int = '', frac] = text.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.length > 4 ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : digits;
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** A ratio as `1.23×`; `–` when missing. */
export function fmtRatio(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return NONE;
  return `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}×`;
}

/** Seconds as `3 m 12 s` or `42.1 s`. */
export function fmtDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} m ${Math.round(seconds - m * 60)} s`;
}

function isNumeric(table: Table, col: number): boolean {
  return table.numeric?.[col] ?? col >= 3;
}

/** The table as aligned plain text, for the terminal. */
export function renderText(table: Table): string {
  const widths = table.columns.map((c, i) => Math.max(c.length, ...table.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (isNumeric(table, i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [table.title, line(table.columns), rule, ...table.rows.map(line)].join('\n');
}

/** The table in GitHub Markdown (numeric columns right-aligned). */
export function renderMarkdown(table: Table): string {
  const esc = (cell: string): string => cell.replace(/\|/g, '\\|');
  const head = `| ${table.columns.map(esc).join(' | ')} |`;
  const align = `|${table.columns.map((_, i) => (isNumeric(table, i) ? '---:' : '---')).join('|')}|`;
  const body = table.rows.map((r) => `| ${table.columns.map((_, i) => esc(r[i] ?? '')).join(' | ')} |`);
  return [head, align, ...body].join('\n');
}
