/**
 * What the browser suites put into the page before the app loads (`page.addInitScript`):
 * a requestAnimationFrame counter, and a tap on the page's WebSocket that sees each
 * socket.io `events` batch as it arrives (before the app handles it) and notes its arrival
 * time, its gap, its events' `t_ns` and the time of the next animation frame. Nothing of
 * the app is changed; the tap parses each frame a second time, which costs the page a little.
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
  const Native = window.WebSocket;
  class Tapped extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (m) => {
        if (!probe.on || typeof m.data !== 'string' || !m.data.startsWith('42')) return;
        const arrive = now();
        let msg;
        try { msg = JSON.parse(m.data.slice(2).replace(/^\\d+/, '')); } catch { return; }
        if (!Array.isArray(msg) || msg[0] !== 'events') return;
        const batch = msg[1];
        const d = probe.data;
        d.batches++;
        d.gap += batch.gap;
        d.events += batch.events.length;
        const seen = { arrive, shown: null, tns: batch.events.map((e) => e.t_ns) };
        d.seen.push(seen);
        requestAnimationFrame(() => { seen.shown = now(); });
      });
    }
  }
  window.WebSocket = Tapped;
})();`;
