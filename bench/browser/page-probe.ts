/**
 * What the browser suites put into the page before the app loads (`page.addInitScript`):
 * a requestAnimationFrame counter, and a tap on the page's WebSocket that sees each
 * socket.io `events` batch as it arrives (before the app handles it) and notes its arrival
 * time, its gap, its events' `t_ns` and the time of the next animation frame. Nothing of
 * the app is changed; the tap reads `t_ns` and `gap` with regular expressions rather than a
 * second JSON.parse, to cost the page as little as it can.
 * Times are wall-clock ms (`performance.timeOrigin + performance.now()`).
 */

/** What the probe has gathered since `start`. */
export interface ProbeData {
  readonly started: number;
  readonly stopped: number;
  readonly frames: number[];
  readonly batches: number;
  readonly events: number;
  readonly gap: number;
  readonly seen: Array<{ arrive: number; shown: number | null; tns: number[] }>;
}

/**
 * The probe, as a script for `page.addInitScript` (plain JavaScript: the bench is compiled
 * without the DOM's types). `window.__benchProbe.start()` begins a window, `.stop()` ends it
 * and returns its ProbeData.
 */
export const PROBE_SCRIPT = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const fresh = () => ({ started: now(), stopped: 0, frames: [], batches: 0, events: 0, gap: 0, seen: [] });
  const probe = { on: false, data: fresh(),
    start() { probe.data = fresh(); probe.on = true; },
    stop() { probe.on = false; probe.data.stopped = now(); return probe.data; } };
  window.__benchProbe = probe;
  const tick = () => { if (probe.on) probe.data.frames.push(now()); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const head = /^42\\d*\\["events",/;
  const tnsRe = /"t_ns":(\\d+)/g;
  const gapRe = /"gap":(\\d+)\\}\\]$/;
  const Native = window.WebSocket;
  class Tapped extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (m) => {
        if (!probe.on || typeof m.data !== 'string' || !head.test(m.data.slice(0, 24))) return;
        const arrive = now();
        const tns = [];
        for (const x of m.data.matchAll(tnsRe)) tns.push(Number(x[1]));
        const g = gapRe.exec(m.data);
        const d = probe.data;
        d.batches++;
        d.gap += g ? Number(g[1]) : 0;
        d.events += tns.length;
        const seen = { arrive, shown: null, tns };
        d.seen.push(seen);
        requestAnimationFrame(() => { seen.shown = now(); });
      });
    }
  }
  window.WebSocket = Tapped;
})();`;
