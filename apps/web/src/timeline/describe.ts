/**
 * Words for what the timeline shows: the tooltip of a span or a marker, and the canvas's
 * accessible summary. Pure functions of the model and a translator, so they are tested
 * without a DOM.
 */
import type { SockAddr, TraceEvent } from '@sockscope/core/trace';
import type { Translate } from '../i18n/i18n.js';
import type { LaneRole } from '../model/lanes.js';
import { qualified } from '../model/spans.js';
import type { TraceModel } from '../model/trace-model.js';
import { formatDuration } from './axis.js';
import type { DrawLabels } from './draw.js';
import type { Hit } from './hit-test.js';
import type { MarkerKind, TimelineKey } from './timeline-catalog.js';

/** A tooltip: a title and label/value rows. */
export interface Tooltip {
  readonly title: string;
  readonly rows: ReadonlyArray<readonly [label: string, value: string]>;
  /** Exceptions and Node differences are shown as warnings. */
  readonly warning: boolean;
}

/** A socket address as Python prints it: `('127.0.0.1', 8000)`, `'/tmp/s'`, `None`. */
export function pyAddress(addr: SockAddr | undefined): string {
  if (addr === undefined || addr === null) return 'None';
  if (typeof addr === 'string') return `'${addr}'`;
  return `(${addr.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ')})`;
}

const MARKER_KINDS = new Set<string>([
  'accept', 'connect', 'recv', 'send', 'close', 'socket_shutdown', 'thread_spawn', 'thread_exit',
  'thread_join', 'fork', 'child_exit', 'reap', 'bind', 'listen', 'stderr', 'node_difference',
]);

function isMarkerKind(kind: string): kind is MarkerKind {
  return MARKER_KINDS.has(kind);
}

/** The short name of an event kind ("recv 8 bytes", "fork a child process"). */
export function markerTitle(event: TraceEvent, t: Translate<TimelineKey>): string {
  if (!isMarkerKind(event.kind)) return event.kind;
  const n = event.kind === 'recv' || event.kind === 'send' ? event.nbytes : 0;
  return t(`kind.${event.kind}`, { n });
}

/** The tooltip of what the mouse is over. */
export function describeHit(hit: Hit, model: TraceModel, t: Translate<TimelineKey>): Tooltip {
  const lane = hit.row.lane.name;
  if (hit.kind === 'span') {
    const { span } = hit;
    const rows: Array<readonly [string, string]> = [[t('tip.self'), span.selfCls]];
    if (span.endNs === null) {
      rows.push([t('tip.duration'), t('tip.running', { duration: formatDuration(model.timeRange()[1] - span.startNs) })]);
    } else {
      rows.push([t('tip.duration'), formatDuration(span.endNs - span.startNs)]);
    }
    rows.push([t('tip.lane'), lane]);
    if (span.exception !== null) rows.push([t('tip.raised'), span.exception]);
    return { title: `${span.exception === null ? '' : '⚠ '}${qualified(span)}`, rows, warning: span.exception !== null };
  }
  const event = model.events[hit.marker.index];
  if (!event) return { title: hit.marker.kind, rows: [[t('tip.lane'), lane]], warning: false };
  const rows: Array<readonly [string, string]> = [[t('tip.at'), formatDuration(event.t_ns)], ...markerDetails(event, t)];
  rows.push([t('tip.lane'), lane]);
  return { title: markerTitle(event, t), rows, warning: event.kind === 'node_difference' || event.kind === 'stderr' };
}

/** The fields of a marker's event worth showing, by kind. */
function markerDetails(e: TraceEvent, t: Translate<TimelineKey>): Array<readonly [string, string]> {
  switch (e.kind) {
    case 'accept':
      return [[t('tip.client'), pyAddress(e.client_address)], [t('tip.conn'), String(e.conn_fd)]];
    case 'connect':
      return [[t('tip.address'), pyAddress(e.address)], [t('tip.fd'), String(e.fd)]];
    case 'recv':
    case 'send': {
      const rows: Array<readonly [string, string]> = [[t('tip.data'), e.preview], [t('tip.fd'), String(e.fd)]];
      if (e.peer !== undefined) rows.push([t('tip.peer'), pyAddress(e.peer)]);
      return rows;
    }
    case 'close':
      return [[t('tip.role'), e.role], [t('tip.fd'), String(e.fd)]];
    case 'socket_shutdown':
      return [[t('tip.how'), e.how], [t('tip.fd'), String(e.fd)]];
    case 'thread_spawn':
      return [[t('tip.thread'), e.child_name]];
    case 'thread_join':
      return [[t('tip.thread'), e.joined_name]];
    case 'fork':
      return [[t('tip.pid'), String(e.child_pid)]];
    case 'child_exit':
      return [[t('tip.status'), String(e.status)]];
    case 'reap':
      return [[t('tip.pid'), String(e.child_pid)], [t('tip.status'), String(e.status)]];
    case 'bind':
      return [[t('tip.address'), pyAddress(e.address)], [t('tip.fd'), String(e.fd)]];
    case 'listen':
      return [[t('tip.backlog'), String(e.backlog)], [t('tip.fd'), String(e.fd)]];
    case 'stderr':
      return [[t('tip.text'), firstLines(e.text)]];
    case 'node_difference':
      return [[t('tip.rule'), e.rule], [t('tip.text'), e.text]];
    default:
      return [];
  }
}

/** At most a few lines of a long text (a traceback). */
function firstLines(text: string, max = 4): string {
  const lines = text.trimEnd().split('\n');
  return lines.length <= max ? lines.join('\n') : `${lines.slice(0, max).join('\n')}\n…`;
}

/** The canvas's aria-label: how many lanes of each role, how many calls, how long. */
export function summarize(model: TraceModel, t: Translate<TimelineKey>): string {
  if (model.length === 0) return t('summaryEmpty');
  const counts = new Map<LaneRole, number>();
  for (const lane of model.lanes.values()) counts.set(lane.role, (counts.get(lane.role) ?? 0) + 1);
  const order: readonly LaneRole[] = ['main', 'loop', 'worker', 'child', 'client'];
  const roles = order
    .filter((role) => counts.has(role))
    .map((role) => t('roleCount', { role: t(`role.${role}`), n: counts.get(role) ?? 0 }))
    .join(t('listSep'));
  const [start, end] = model.timeRange();
  return t('summary', { lanes: model.lanes.size, roles, calls: model.spans.length, duration: formatDuration(end - start) });
}

/** The words the canvas draws (role tags, lost-event labels), in the translator's language. */
export function canvasLabels(t: Translate<TimelineKey>): DrawLabels {
  return { role: (role) => t(`role.${role}`), lost: (n) => t('lost', { n }) };
}
