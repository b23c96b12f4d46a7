/**
 * The MRO playground's C3 linearization, in the browser, over socketserver's class graph
 * and the lab's server mixins. Pure: the result is what Python would compute for
 * `class CustomServer(<bases>): pass`, or the TypeError text Python would raise.
 *
 * (apps/web may not import core's own C3; this is the same algorithm on class names.)
 */

/** Each known class's direct bases, as socketserver declares them. */
export const CLASS_BASES: Readonly<Record<string, readonly string[]>> = {
  object: [],
  BaseServer: ['object'],
  TCPServer: ['BaseServer'],
  UDPServer: ['TCPServer'],
  UnixStreamServer: ['TCPServer'],
  UnixDatagramServer: ['UDPServer'],
  ThreadingMixIn: ['object'],
  ForkingMixIn: ['object'],
  ThreadingTCPServer: ['ThreadingMixIn', 'TCPServer'],
  ThreadingUDPServer: ['ThreadingMixIn', 'UDPServer'],
  ThreadingUnixStreamServer: ['ThreadingMixIn', 'UnixStreamServer'],
  ThreadingUnixDatagramServer: ['ThreadingMixIn', 'UnixDatagramServer'],
  ForkingTCPServer: ['ForkingMixIn', 'TCPServer'],
  ForkingUDPServer: ['ForkingMixIn', 'UDPServer'],
  ForkingUnixStreamServer: ['ForkingMixIn', 'UnixStreamServer'],
  ForkingUnixDatagramServer: ['ForkingMixIn', 'UnixDatagramServer'],
  // The lab's server mixin: refuses every request (its verify_request returns False).
  RejectAll: ['object'],
};

/** The twelve public server classes, in the order a lecture meets them. */
export const PUBLIC_SERVER_CLASSES: readonly string[] = [
  'TCPServer',
  'UDPServer',
  'UnixStreamServer',
  'UnixDatagramServer',
  'ThreadingTCPServer',
  'ThreadingUDPServer',
  'ThreadingUnixStreamServer',
  'ThreadingUnixDatagramServer',
  'ForkingTCPServer',
  'ForkingUDPServer',
  'ForkingUnixStreamServer',
  'ForkingUnixDatagramServer',
];

/** The names the runtime accepts as bases (its server classes and server mixins). */
export const BASE_NAMES: readonly string[] = Object.keys(CLASS_BASES).filter((name) => name !== 'object');

/**
 * Which of the known classes define each method the playground explains (from CPython's
 * socketserver): enough to show which implementation a composed class runs.
 */
export const DEFINED_IN: Readonly<Record<string, readonly string[]>> = {
  process_request: ['BaseServer', 'ThreadingMixIn', 'ForkingMixIn'],
  get_request: ['TCPServer', 'UDPServer'],
  verify_request: ['BaseServer', 'RejectAll'],
  service_actions: ['BaseServer', 'ForkingMixIn'],
  server_close: ['BaseServer', 'TCPServer', 'ThreadingMixIn', 'ForkingMixIn'],
  finish_request: ['BaseServer'],
  shutdown_request: ['BaseServer', 'TCPServer', 'UDPServer'],
};

/** The MRO of a known class (itself first), or null for an unknown name. */
export function mroOf(name: string): string[] | null {
  const bases = CLASS_BASES[name];
  if (bases === undefined) return null;
  if (bases.length === 0) return [name];
  const merged = merge(bases);
  return merged.ok ? [name, ...merged.mro] : null;
}

/** What Python says for `class NAME(BASES): pass`. */
export type Linearization =
  | {
      readonly ok: true;
      /** The new class first, `object` last. */
      readonly mro: readonly string[];
      /** Method → the class whose implementation runs, for the methods of DEFINED_IN. */
      readonly resolution: Readonly<Record<string, string>>;
      /** How it serves, or null when no TCPServer / UDPServer is in its MRO (it cannot serve). */
      readonly transport: 'stream' | 'datagram' | null;
    }
  | { readonly ok: false; readonly error: string };

/** Linearizes a class built from `bases` (names), as Python would, or says why not. */
export function linearize(name: string, bases: readonly string[]): Linearization {
  const unknown = bases.find((b) => CLASS_BASES[b] === undefined);
  if (unknown !== undefined) return { ok: false, error: `NameError: name '${unknown}' is not defined` };
  const merged = merge(bases.length === 0 ? ['object'] : bases);
  if (!merged.ok) return { ok: false, error: `TypeError: ${merged.error}` };
  const mro = [name, ...merged.mro];
  const resolution: Record<string, string> = {};
  for (const [method, owners] of Object.entries(DEFINED_IN)) {
    const owner = mro.find((cls) => owners.includes(cls));
    if (owner !== undefined) resolution[method] = owner;
  }
  const transport = mro.includes('UDPServer') ? 'datagram' : mro.includes('TCPServer') ? 'stream' : null;
  return { ok: true, mro, resolution, transport };
}

/** Whether the class would use Unix sockets (its MRO has a Unix server). */
export function isUnix(mro: readonly string[]): boolean {
  return mro.includes('UnixStreamServer') || mro.includes('UnixDatagramServer');
}

/** Splits what the user typed (`TCPServer, ThreadingMixIn`) into base names. */
export function parseBases(text: string): string[] {
  return text
    .split(/[\s,()]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

type Merge = { readonly ok: true; readonly mro: string[] } | { readonly ok: false; readonly error: string };

/** C3: merges the bases' MROs with the list of bases; the MRO of a new class without itself. */
function merge(bases: readonly string[]): Merge {
  const seen = new Set<string>();
  for (const base of bases) {
    if (seen.has(base)) return { ok: false, error: `duplicate base class ${base}` };
    seen.add(base);
  }
  const sequences: string[][] = [];
  for (const base of bases) {
    const mro = mroOf(base);
    if (mro === null) return { ok: false, error: `unknown base class ${base}` };
    sequences.push(mro);
  }
  sequences.push([...bases]);
  const result: string[] = [];
  for (;;) {
    const nonEmpty = sequences.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return { ok: true, mro: result };
    const head = nonEmpty.map((s) => s[0] as string).find((candidate) => !nonEmpty.some((s) => s.indexOf(candidate) > 0));
    if (head === undefined) {
      // Python names the heads that are left (in base order, each once).
      const heads = [...new Set(nonEmpty.map((s) => s[0] as string))];
      return { ok: false, error: `Cannot create a consistent method resolution order (MRO) for bases ${heads.join(', ')}` };
    }
    result.push(head);
    for (const s of nonEmpty) if (s[0] === head) s.shift();
  }
}
