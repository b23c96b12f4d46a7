/**
 * C3 linearization: the algorithm Python uses to order a class's bases into its
 * method resolution order (MRO).
 */

/** Raised when bases cannot be ordered consistently; Python raises `TypeError` with this text. */
export class MroError extends TypeError {
  override readonly name = 'TypeError';
  /** The names of the bases that could not be ordered, in the order they were given. */
  readonly bases: readonly string[];

  constructor(message: string, bases: readonly string[]) {
    super(message);
    this.bases = bases;
  }
}

/**
 * Merges the MROs of `bases` (each already linearized) with the list of bases itself,
 * as C3 does. Returns the MRO of a new class without the class itself.
 *
 * @param bases - the direct bases, in declaration order
 * @param mroOf - the MRO of one base, starting with the base itself
 * @param nameOf - a display name, for error messages
 */
export function c3Merge<T>(
  bases: readonly T[],
  mroOf: (base: T) => readonly T[],
  nameOf: (base: T) => string,
): T[] {
  const seen = new Set<T>();
  for (const base of bases) {
    if (seen.has(base)) {
      throw new MroError(`duplicate base class ${nameOf(base)}`, bases.map(nameOf));
    }
    seen.add(base);
  }
  const sequences = [...bases.map((b) => [...mroOf(b)]), [...bases]];
  const result: T[] = [];
  for (;;) {
    const nonEmpty = sequences.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return result;
    const head = pickHead(nonEmpty);
    if (head === undefined) {
      // Python names the remaining heads of the merge (in base order), not only the given bases.
      const heads = [...new Set(nonEmpty.map((s) => s[0] as T))].map(nameOf);
      throw new MroError(
        `Cannot create a consistent method resolution order (MRO) for bases ${heads.join(', ')}`,
        bases.map(nameOf),
      );
    }
    result.push(head);
    for (const s of nonEmpty) if (s[0] === head) s.shift();
  }
}

/** The first head that appears in no sequence's tail, if any. */
function pickHead<T>(sequences: readonly T[][]): T | undefined {
  for (const s of sequences) {
    const candidate = s[0] as T;
    if (!sequences.some((other) => other.indexOf(candidate) > 0)) return candidate;
  }
  return undefined;
}
