import { describe, expect, it } from 'vitest';
import { c3Merge, MroError } from './c3.js';

// A tiny class table: name -> bases, linearized on demand.
function linearize(table: Record<string, string[]>, name: string): string[] {
  const bases = table[name] ?? [];
  return [name, ...c3Merge(bases, (b) => linearize(table, b), (b) => b)];
}

describe('PY-MRO-1 C3 linearization', () => {
  it('orders the classic diamond as Python does', () => {
    const t = { O: [], A: ['O'], B: ['O'], C: ['A', 'B'] };
    expect(linearize(t, 'C')).toEqual(['C', 'A', 'B', 'O']);
  });

  it('orders the textbook example from the Python 2.3 MRO paper', () => {
    const t = {
      O: [], F: ['O'], E: ['O'], D: ['O'], C: ['D', 'F'], B: ['D', 'E'], A: ['B', 'C'],
    };
    expect(linearize(t, 'A')).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'O']);
  });

  it('PY-MRO-2 rejects an inconsistent order with the names of the classes', () => {
    const t = { O: [], X: ['O'], Y: ['X'], Z: ['X', 'Y'] };
    expect(() => linearize(t, 'Z')).toThrow(MroError);
    expect(() => linearize(t, 'Z')).toThrow(
      'Cannot create a consistent method resolution order (MRO) for bases X, Y',
    );
  });

  it('PY-MRO-2 rejects a duplicate base', () => {
    const t = { O: [], X: ['O'], D: ['X', 'X'] };
    expect(() => linearize(t, 'D')).toThrow('duplicate base class X');
  });
});
