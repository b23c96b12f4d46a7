/**
 * Presenter and viewers. Whoever holds the presenter token (printed at start, part of the
 * presenter URL) controls the labs; everybody else watches. This is what makes
 * `--host 0.0.0.0` in a classroom safe: students can follow live but not drive.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '@sockscope/core';

/** A fresh, unguessable presenter token. */
export function newPresenterToken(): string {
  return randomBytes(16).toString('hex');
}

/** The role of a connection that offers `offered` (from the handshake's auth or query). */
export function roleFor(token: string, offered: unknown): Role {
  if (typeof offered !== 'string' || offered.length !== token.length) return 'viewer';
  return timingSafeEqual(Buffer.from(offered), Buffer.from(token)) ? 'presenter' : 'viewer';
}
