/**
 * The MRO pane's logic: socketserver's class hierarchy as a small fixed DAG (plus the lab's
 * own classes, recovered from their MROs), its layout, C3 linearization to check it, and
 * what to say about the method running at the cursor — which class provides it, which
 * classes were looked at first, and which later ones it shadows.
 */
import type { LabDescription } from '@sockscope/core/trace';
import type { ActiveMethod } from '../../model/cursor-state.js';

/** Which hierarchy a class or method belongs to. */
export type Side = 'server' | 'handler';

/** A public class of the module: its bases, and where it sits in the drawing. */
interface ModuleClass {
  readonly bases: readonly string[];
  /** Row in the drawing (0 = top). */
  readonly row: number;
  /** Left-to-right preference within the row: 0 threading, 1 core, 2 forking. */
  readonly order: number;
}

/** socketserver's public server classes (CPython 3.12+, as the port defines them). */
export const SERVER_CLASSES: Readonly<Record<string, ModuleClass>> = {
  ThreadingMixIn: { bases: [], row: 0, order: 0 },
  BaseServer: { bases: [], row: 0, order: 1 },
  ForkingMixIn: { bases: [], row: 0, order: 2 },
  TCPServer: { bases: ['BaseServer'], row: 1, order: 1 },
  ThreadingTCPServer: { bases: ['ThreadingMixIn', 'TCPServer'], row: 2, order: 0 },
  UDPServer: { bases: ['TCPServer'], row: 2, order: 1 },
  UnixStreamServer: { bases: ['TCPServer'], row: 2, order: 1.5 },
  ForkingTCPServer: { bases: ['ForkingMixIn', 'TCPServer'], row: 2, order: 2 },
  ThreadingUDPServer: { bases: ['ThreadingMixIn', 'UDPServer'], row: 3, order: 0 },
  UnixDatagramServer: { bases: ['UDPServer'], row: 3, order: 1 },
  ForkingUDPServer: { bases: ['ForkingMixIn', 'UDPServer'], row: 3, order: 2 },
  ThreadingUnixStreamServer: { bases: ['ThreadingMixIn', 'UnixStreamServer'], row: 4, order: 0 },
  ForkingUnixStreamServer: { bases: ['ForkingMixIn', 'UnixStreamServer'], row: 4, order: 2 },
  ThreadingUnixDatagramServer: { bases: ['ThreadingMixIn', 'UnixDatagramServer'], row: 5, order: 0 },
  ForkingUnixDatagramServer: { bases: ['ForkingMixIn', 'UnixDatagramServer'], row: 5, order: 2 },
};

/** socketserver's public request handler classes. */
export const HANDLER_CLASSES: Readonly<Record<string, ModuleClass>> = {
  BaseRequestHandler: { bases: [], row: 0, order: 1 },
  StreamRequestHandler: { bases: ['BaseRequestHandler'], row: 1, order: 0 },
  DatagramRequestHandler: { bases: ['BaseRequestHandler'], row: 1, order: 2 },
};

/**
 * The methods each module class defines in its own body (CPython's socketserver, which
 * the port follows; checked against the port's source in the tests). `object` is listed
 * for `__init__` only, the one of its methods socketserver overrides.
 */
export const MODULE_METHODS: Readonly<Record<string, readonly string[]>> = {
  object: ['__init__'],
  BaseServer: [
    '__init__', 'server_activate', 'serve_forever', 'shutdown', 'service_actions', 'handle_request',
    '_handle_request_noblock', 'handle_timeout', 'verify_request', 'process_request', 'server_close',
    'finish_request', 'shutdown_request', 'close_request', 'handle_error', '__enter__', '__exit__',
  ],
  TCPServer: ['__init__', 'server_bind', 'server_activate', 'server_close', 'fileno', 'get_request', 'shutdown_request', 'close_request'],
  UDPServer: ['get_request', 'server_activate', 'shutdown_request', 'close_request'],
  ForkingMixIn: ['collect_children', 'handle_timeout', 'service_actions', 'process_request', 'server_close'],
  ThreadingMixIn: ['process_request_thread', 'process_request', 'server_close'],
  BaseRequestHandler: ['__init__', 'setup', 'handle', 'finish'],
  StreamRequestHandler: ['setup', 'finish'],
  DatagramRequestHandler: ['setup', 'finish'],
};

/** A class in the drawing. */
export interface GraphNode {
  readonly name: string;
  readonly bases: readonly string[];
  /** False for a lab's own class (not defined by socketserver). */
  readonly module: boolean;
  readonly row: number;
  readonly order: number;
}

/** An inheritance edge: `sub` derives from `base`. */
export interface GraphEdge {
  readonly sub: string;
  readonly base: string;
}

/** The class hierarchy drawn for one side. */
export interface ClassGraph {
  readonly side: Side;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** Every ancestor of `name` (not itself) given each class's bases. */
export function ancestors(name: string, bases: Readonly<Record<string, readonly string[]>>): Set<string> {
  const seen = new Set<string>();
  const stack = [...(bases[name] ?? [])];
  for (let c = stack.pop(); c !== undefined; c = stack.pop()) {
    if (seen.has(c)) continue;
    seen.add(c);
    stack.push(...(bases[c] ?? []));
  }
  return seen;
}

/**
 * The direct bases of `mro[0]`, recovered from its MRO: the classes after it (but `object`)
 * that are not an ancestor of another of them, in MRO order (C3 keeps the order of the
 * bases). A class the module does not know counts as having no bases.
 */
export function directBases(mro: readonly string[], bases: Readonly<Record<string, readonly string[]>>): string[] {
  const rest = mro.slice(1).filter((c) => c !== 'object');
  const covered = new Set<string>();
  for (const c of rest) for (const a of ancestors(c, bases)) covered.add(a);
  return rest.filter((c) => !covered.has(c));
}

/** C3 linearization of `name` (without `object`), or null when the bases cannot be ordered. */
export function c3(name: string, bases: Readonly<Record<string, readonly string[]>>): string[] | null {
  const own = bases[name] ?? [];
  const lins: string[][] = [];
  for (const b of own) {
    const lin = c3(b, bases);
    if (lin === null) return null;
    lins.push(lin);
  }
  const seqs = [...lins, [...own]].filter((s) => s.length > 0);
  const result = [name];
  while (seqs.some((s) => s.length > 0)) {
    const live = seqs.filter((s) => s.length > 0);
    const head = live.map((s) => s[0] as string).find((h) => !live.some((s) => s.indexOf(h) > 0));
    if (head === undefined) return null;
    result.push(head);
    for (const s of live) if (s[0] === head) s.shift();
  }
  return result;
}

/** The MRO, resolution table and class of one side of a description. */
export function sideOf(description: LabDescription, side: Side) {
  return side === 'server'
    ? { cls: description.server_class, mro: description.mro, resolution: description.resolution }
    : { cls: description.handler_class, mro: description.handler_mro, resolution: description.handler_resolution };
}

/**
 * The hierarchy to draw: the module's public classes of that side, plus the classes of the
 * lab's MRO the module does not define (its own class, e.g. `Bad`, and any mixin of its own).
 * With `scope` 'mro', only the classes of the lab's MRO (for a narrow pane).
 */
export function classGraph(description: LabDescription | null, side: Side, scope: 'module' | 'mro' = 'module'): ClassGraph {
  const table = side === 'server' ? SERVER_CLASSES : HANDLER_CLASSES;
  const nodes = new Map<string, GraphNode>(
    Object.entries(table).map(([name, c]) => [name, { name, bases: c.bases, module: true, row: c.row, order: c.order }]),
  );
  if (description) {
    const { mro } = sideOf(description, side);
    const bases: Record<string, readonly string[]> = Object.fromEntries([...nodes].map(([n, c]) => [n, c.bases]));
    // From the most basic class to the lab's own, so each one's bases are placed first.
    const unknown = mro.filter((c) => c !== 'object' && !nodes.has(c)).reverse();
    for (const name of unknown) {
      const own = name === mro[0] ? directBases(mro, bases) : [];
      bases[name] = own;
      const parents = own.map((b) => nodes.get(b)).filter((n): n is GraphNode => n !== undefined);
      const row = parents.length > 0 ? Math.max(...parents.map((p) => p.row)) + 1 : 0;
      const order = parents.length > 0 ? parents.reduce((s, p) => s + p.order, 0) / parents.length : 1;
      nodes.set(name, { name, bases: own, module: false, row, order });
    }
  }
  if (scope === 'mro' && description) {
    const keep = new Set(sideOf(description, side).mro);
    for (const name of [...nodes.keys()]) if (!keep.has(name)) nodes.delete(name);
  }
  const edges = [...nodes.values()].flatMap((n) => n.bases.filter((b) => nodes.has(b)).map((base) => ({ sub: n.name, base })));
  return { side, nodes: [...nodes.values()], edges };
}

// --- Layout ------------------------------------------------------------------------------------

/** Sizes of the drawing, in SVG units (the class names are set in a 12-unit monospace face). */
export interface LayoutOptions {
  readonly charWidth: number;
  readonly padX: number;
  readonly nodeHeight: number;
  readonly rowGap: number;
  readonly colGap: number;
  /** A row wider than this moves its last classes to a new row below. */
  readonly maxRowWidth: number;
}

/** The defaults: 12-unit monospace names. */
export const LAYOUT: LayoutOptions = { charWidth: 7.25, padX: 11, nodeHeight: 26, rowGap: 30, colGap: 16, maxRowWidth: 600 };

/** A class placed in the drawing (x, y: its centre). */
export interface PlacedNode extends GraphNode {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The row it was finally drawn in (rows that overflow move down). */
  readonly line: number;
}

/**
 * An edge as points from the subclass to the base: a curve from the subclass's top to the
 * base's bottom, around any class in between; or, from a mixin to the classes of its column,
 * a square "comb" along the outer margin, side to side.
 */
export interface PlacedEdge extends GraphEdge {
  readonly points: ReadonlyArray<readonly [number, number]>;
  readonly shape: 'curve' | 'comb';
}

/** The laid-out drawing. */
export interface GraphLayout {
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  /** The bounding box of everything drawn (may start left of 0 when edges detour). */
  readonly minX: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Places the classes in rows (bases above subclasses), each row sorted by `order` and spread
 * over the width (threading classes left, core in the middle, forking right), and routes each
 * edge that crosses a row around the classes in it.
 */
export function layoutGraph(graph: ClassGraph, opts: LayoutOptions = LAYOUT): GraphLayout {
  const widthOf = (n: GraphNode) => n.name.length * opts.charWidth + 2 * opts.padX;
  // Rows, pushed down so that a subclass is always below its bases and no row is too wide.
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  const line = new Map<string, number>();
  const lines: GraphNode[][] = [];
  const sorted = [...graph.nodes].sort((a, b) => a.row - b.row || a.order - b.order || a.name.localeCompare(b.name));
  const rowWidth = (ns: readonly GraphNode[]) => ns.reduce((s, n) => s + widthOf(n), 0) + opts.colGap * Math.max(0, ns.length - 1);
  for (const n of sorted) {
    const baseLines = n.bases.map((b) => line.get(b)).filter((l): l is number => l !== undefined);
    let l = Math.max(n.row, ...baseLines.map((b) => b + 1));
    // The module's own rows come first; a lab class goes where there is room.
    while (!n.module && lines[l] && rowWidth([...(lines[l] ?? []), n]) > opts.maxRowWidth) l++;
    line.set(n.name, l);
    (lines[l] ??= []).push(n);
  }
  const rows = lines.filter((r) => r.length > 0).map((r) => [...r].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name)));
  const width = Math.max(...rows.map(rowWidth));
  const placed = new Map<string, PlacedNode>();
  rows.forEach((row, i) => {
    const y = opts.nodeHeight / 2 + i * (opts.nodeHeight + opts.rowGap);
    const total = rowWidth(row);
    // One class: centred. More: spread from edge to edge, so that the threading and forking
    // columns line up; a nearly full row is packed instead.
    const spread = row.length > 1 ? (width - total) / (row.length - 1) : 0;
    let x = row.length === 1 ? (width - total) / 2 : 0;
    for (const n of row) {
      const w = widthOf(n);
      placed.set(n.name, { ...n, x: x + w / 2, y, width: w, height: opts.nodeHeight, line: i });
      x += w + opts.colGap + spread;
    }
  });
  const boxes = [...placed.values()];
  const left = Math.min(...boxes.map((n) => n.x - n.width / 2)) - opts.colGap;
  const right = Math.max(...boxes.map((n) => n.x + n.width / 2)) + opts.colGap;
  const edges = graph.edges.flatMap((e): PlacedEdge[] => {
    const sub = placed.get(e.sub);
    const base = placed.get(e.base);
    if (!sub || !base || !byName.has(e.sub)) return [];
    const comb = combSide(sub, base, rows);
    if (comb === 'left') {
      const points: Array<readonly [number, number]> = [[sub.x - sub.width / 2, sub.y], [left, sub.y], [left, base.y], [base.x - base.width / 2, base.y]];
      return [{ ...e, shape: 'comb', points }];
    }
    if (comb === 'right') {
      const points: Array<readonly [number, number]> = [[sub.x + sub.width / 2, sub.y], [right, sub.y], [right, base.y], [base.x + base.width / 2, base.y]];
      return [{ ...e, shape: 'comb', points }];
    }
    return [{ ...e, shape: 'curve', points: route(sub, base, rows, placed, opts) }];
  });
  const xs = [...placed.values()].flatMap((n) => [n.x - n.width / 2, n.x + n.width / 2]).concat(edges.flatMap((e) => e.points.map((p) => p[0])));
  const minX = Math.min(0, ...xs);
  const maxX = Math.max(width, ...xs);
  const height = rows.length * (opts.nodeHeight + opts.rowGap) - opts.rowGap;
  return { nodes: [...placed.values()], edges, minX, width: maxX - minX, height };
}

/**
 * Whether an edge is drawn as a comb along the outer margin: from a root at the end of its
 * row (a mixin: ThreadingMixIn on the left, ForkingMixIn on the right) to a class at the same
 * end of a lower row.
 */
function combSide(sub: PlacedNode, base: PlacedNode, rows: readonly GraphNode[][]): 'left' | 'right' | null {
  if (base.bases.length > 0 || sub.line - base.line < 2) return null;
  const baseRow = rows[base.line] ?? [];
  const subRow = rows[sub.line] ?? [];
  if (baseRow.length < 2 || subRow.length < 2) return null;
  if (baseRow[0]?.name === base.name && subRow[0]?.name === sub.name) return 'left';
  if (baseRow.at(-1)?.name === base.name && subRow.at(-1)?.name === sub.name) return 'right';
  return null;
}

/** The points of one edge: straight between adjacent rows, around the boxes of rows it crosses. */
function route(
  sub: PlacedNode,
  base: PlacedNode,
  rows: readonly GraphNode[][],
  placed: ReadonlyMap<string, PlacedNode>,
  opts: LayoutOptions,
): Array<readonly [number, number]> {
  const from: [number, number] = [sub.x, sub.y - sub.height / 2];
  const to: [number, number] = [base.x, base.y + base.height / 2];
  const points: Array<readonly [number, number]> = [from];
  const margin = opts.colGap / 2 + 2;
  for (let l = sub.line - 1; l > base.line; l--) {
    const y = (placed.get(rows[l]?.[0]?.name ?? '')?.y ?? 0);
    const t = (from[1] - y) / (from[1] - to[1]);
    let x = from[0] + (to[0] - from[0]) * t;
    for (const n of rows[l] ?? []) {
      const p = placed.get(n.name);
      if (!p) continue;
      const left = p.x - p.width / 2 - margin;
      const right = p.x + p.width / 2 + margin;
      if (x > left && x < right) x = x - left < right - x ? left : right;
    }
    points.push([x, y]);
  }
  points.push(to);
  return points;
}

// --- What runs at the cursor ---------------------------------------------------------------

/** The classes of `mro` that define `method` themselves (as far as the module and the table tell). */
export function definers(mro: readonly string[], method: string, resolution: Readonly<Record<string, string>>): string[] {
  return mro.filter((c) => (MODULE_METHODS[c]?.includes(method) ?? false) || resolution[method] === c);
}

/** Which side the active method belongs to: the server's classes, the handler's, or neither (a helper like `_Threads`). */
export function sideOfActive(description: LabDescription, active: ActiveMethod): Side | 'other' {
  if (active.selfCls === description.server_class) return 'server';
  if (active.selfCls === description.handler_class) return 'handler';
  if (description.mro.includes(active.cls) && description.mro.includes(active.selfCls)) return 'server';
  if (description.handler_mro.includes(active.cls) && description.handler_mro.includes(active.selfCls)) return 'handler';
  return 'other';
}

/** What the MRO pane says about the method running at the cursor. */
export type Explanation =
  | {
      readonly kind: 'found';
      readonly side: Side;
      readonly method: string;
      /** The class whose code runs. */
      readonly cls: string;
      /** Classes earlier in the MRO, looked at first, without the method. */
      readonly searched: readonly string[];
      /** Classes later in the MRO that define it too: the ones it shadows. */
      readonly shadowed: readonly string[];
    }
  | {
      /** The code of a class later than the one `self.method` finds: called with super() or by name. */
      readonly kind: 'super';
      readonly side: Side;
      readonly method: string;
      readonly cls: string;
      /** The class `self.method` resolves to, whose override called this one. */
      readonly resolved: string;
      readonly shadowed: readonly string[];
    }
  | {
      /** A method of a class outside both MROs (`_Threads.append`). */
      readonly kind: 'other';
      readonly method: string;
      readonly cls: string;
    };

/** Explains where the active method comes from. */
export function explain(description: LabDescription, active: ActiveMethod): Explanation {
  const side = sideOfActive(description, active);
  if (side === 'other') return { kind: 'other', method: active.method, cls: active.cls };
  const { mro, resolution } = sideOf(description, side);
  const at = mro.indexOf(active.cls);
  const defs = definers(mro, active.method, resolution);
  const shadowed = defs.filter((c) => mro.indexOf(c) > at);
  const resolved = resolution[active.method] ?? defs[0];
  if (resolved !== undefined && resolved !== active.cls && mro.indexOf(resolved) < at) {
    return { kind: 'super', side, method: active.method, cls: active.cls, resolved, shadowed };
  }
  return { kind: 'found', side, method: active.method, cls: active.cls, searched: mro.slice(0, Math.max(0, at)), shadowed };
}

/** How a class of the MRO relates to the active method, for lighting it in the chain and graph. */
export type ClassMark = 'provider' | 'searched' | 'shadowed' | 'caller' | 'none';

/** The mark of each class for an explanation (classes not listed: 'none'). */
export function classMarks(explanation: Explanation | null): ReadonlyMap<string, ClassMark> {
  const marks = new Map<string, ClassMark>();
  if (!explanation || explanation.kind === 'other') return marks;
  if (explanation.kind === 'found') for (const c of explanation.searched) marks.set(c, 'searched');
  if (explanation.kind === 'super') marks.set(explanation.resolved, 'caller');
  for (const c of explanation.shadowed) marks.set(c, 'shadowed');
  marks.set(explanation.cls, 'provider');
  return marks;
}

/** The resolution table as rows, in Python's `dir()` order (dunders and underscores first, as ASCII sorts). */
export function resolutionRows(resolution: Readonly<Record<string, string>>): Array<{ method: string; cls: string }> {
  return Object.entries(resolution)
    .map(([method, cls]) => ({ method, cls }))
    .sort((a, b) => (a.method < b.method ? -1 : a.method > b.method ? 1 : 0));
}
