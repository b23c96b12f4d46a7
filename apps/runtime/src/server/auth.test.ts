import { describe, expect, it } from 'vitest';
import { newPresenterToken, roleFor } from './auth.js';

describe('RT-AUTH-1 only the presenter token makes a presenter', () => {
  it('right token → presenter; wrong, missing or malformed → viewer', () => {
    const token = newPresenterToken();
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(roleFor(token, token)).toBe('presenter');
    expect(roleFor(token, newPresenterToken())).toBe('viewer');
    expect(roleFor(token, undefined)).toBe('viewer');
    expect(roleFor(token, 42)).toBe('viewer');
    expect(roleFor(token, token.slice(1))).toBe('viewer');
  });
});
