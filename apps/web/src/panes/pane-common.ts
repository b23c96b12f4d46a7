/**
 * What the panes share besides PaneProps: the presenter flag, the Okabe–Ito colours and a
 * few formatters. Pure, so the panes' logic can be tested without a DOM.
 */
import { OKABE_ITO } from '../timeline/theme.js';
import type { SockAddr } from '@sockscope/core/trace';
import type { LaneRole } from '../model/lanes.js';

/** Props every pane takes besides PaneProps. */
export interface PresenterProps {
  /** Projected in a lecture hall: larger type, higher contrast, thicker lines. */
  readonly presenter?: boolean;
}

/**
 * The Okabe–Ito palette: eight colours told apart with every common colour-vision
 * deficiency. The panes never rely on colour alone: a lit item also changes its border,
 * weight or marker.
 */
export { OKABE_ITO };

/** A socket address as Python prints it: `('127.0.0.1', 8000)`, `'/tmp/s'`, `None`. */
export function formatAddress(addr: SockAddr | undefined): string {
  if (addr === undefined || addr === null) return 'None';
  if (typeof addr === 'string') return `'${addr}'`;
  return `(${addr.map((part) => (typeof part === 'string' ? `'${part}'` : String(part))).join(', ')})`;
}

/** A stable key for an address (for grouping datagrams by peer). */
export function addressKey(addr: SockAddr | undefined): string {
  return addr === undefined ? 'undefined' : JSON.stringify(addr);
}

/** The CSS class suffix for a lane role (its colour in every pane). */
export function roleClass(role: LaneRole): string {
  return `ss-role-${role}`;
}

/** Joins class names, skipping falsy ones. */
export function cx(...names: ReadonlyArray<string | false | null | undefined>): string {
  return names.filter((n): n is string => typeof n === 'string' && n !== '').join(' ');
}
