/**
 * Stream loads: persistent connections (round trips of a line on each) and a new
 * connection per request. Callbacks rather than promises on the hot path, so that the
 * generator stays cheaper than the servers it measures.
 */
import net from 'node:net';
import { now, Recorder, requestLine } from './recorder.js';
import type { ConnectLoad, PersistentLoad, Target } from './spec.js';

/** A connect that took this long had its SYN dropped once (the retry comes after 1 s). */
const SLOW_CONNECT_MS = 900;
/** A request with no answer after this long is an error. */
const REQUEST_TIMEOUT_MS = 10_000;

function connectOptions(target: Target): net.NetConnectOpts {
  if (target.kind === 'unix') return { path: target.path };
  if (target.kind === 'tcp') return { host: target.host, port: target.port };
  throw new Error('a stream load needs a tcp or unix target');
}

/** Opens one connection, retrying a failed connect up to 3 times. */
function connect(target: Target, rec: Recorder, attempt = 1): Promise<net.Socket | null> {
  return new Promise((resolve) => {
    const t0 = now();
    const sock = net.connect(connectOptions(target));
    sock.once('connect', () => {
      if (now() - t0 >= SLOW_CONNECT_MS) rec.slowConnects++;
      sock.removeAllListeners('error');
      if (target.kind === 'tcp') sock.setNoDelay(true);
      resolve(sock);
    });
    sock.once('error', (err) => {
      rec.error(`connect: ${err.message}`);
      sock.destroy();
      if (attempt < 3) setTimeout(() => void connect(target, rec, attempt + 1).then(resolve), 50);
      else resolve(null);
    });
  });
}

/** Persistent connections: all connect first, then the round trips are timed. */
export async function runPersistent(spec: PersistentLoad): Promise<Recorder> {
  const line = requestLine(spec.payload);
  const setup = new Recorder(60);
  const socks = await Promise.all(Array.from({ length: spec.clients }, () => connect(spec.target, setup)));
  const rec = new Recorder(spec.maxSeconds);
  rec.errors = setup.errors;
  rec.slowConnects = setup.slowConnects;
  rec.errorSamples.push(...setup.errorSamples);
  await Promise.all(socks.map((sock) => (sock ? roundTrips(sock, line, spec.roundTrips, rec, spec.perSecond) : Promise.resolve())));
  for (const sock of socks) sock?.destroy();
  return rec;
}

function roundTrips(sock: net.Socket, line: Buffer, count: number, rec: Recorder, perSecond?: number): Promise<void> {
  return new Promise((resolve) => {
    let left = count;
    let got = 0;
    let sent = 0;
    let finished = false;
    // Paced: the k-th round trip is due k / perSecond seconds after the first.
    const interval = perSecond === undefined ? 0 : 1000 / perSecond;
    const first = now();
    let trips = 0;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      sock.removeAllListeners('data');
      resolve();
    };
    const send = (): void => {
      if (left === 0 || !rec.open()) return finish();
      const early = first + trips * interval - now();
      if (early >= 1) {
        setTimeout(send, early);
        return;
      }
      trips++;
      left--;
      got = 0;
      sent = now();
      sock.write(line);
    };
    sock.on('data', (chunk: Buffer) => {
      got += chunk.length;
      if (got < line.length) return;
      rec.answered(now() - sent);
      send();
    });
    sock.on('error', (err) => {
      rec.error(`round trip: ${err.message}`);
      finish();
    });
    sock.on('close', () => {
      if (!finished) rec.error('the server closed the connection');
      finish();
    });
    send();
  });
}

/** A new connection per request, `concurrency` at a time. */
export async function runConnect(spec: ConnectLoad): Promise<Recorder> {
  const line = requestLine(spec.payload);
  const rec = new Recorder(spec.maxSeconds);
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < spec.requests && rec.open()) {
      started++;
      await oneRequest(spec.target, line, rec);
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, worker));
  return rec;
}

/** How long a request still in flight when the run's time is up may take to finish. */
const GRACE_MS = 250;

function oneRequest(target: Target, line: Buffer, rec: Recorder): Promise<void> {
  return new Promise((resolve) => {
    const t0 = now();
    let got = 0;
    let done = false;
    let connected = false;
    const sock = net.connect(connectOptions(target));
    const finish = (error?: string): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error !== undefined) {
        rec.error(error);
        sock.destroy();
      }
      resolve();
    };
    const giveUp = (): void => {
      if (rec.remainingMs() > 0) return finish(`no echo within ${REQUEST_TIMEOUT_MS} ms`);
      // The run is over: a request still waiting is left unanswered, not an error — but a
      // connect still pending after 0.9 s is a SYN the kernel dropped.
      if (!connected && now() - t0 >= SLOW_CONNECT_MS) rec.slowConnects++;
      sock.destroy();
      done = true;
      resolve();
    };
    const timer = setTimeout(giveUp, Math.max(0, Math.min(REQUEST_TIMEOUT_MS, rec.remainingMs() + GRACE_MS)));
    sock.once('connect', () => {
      connected = true;
      if (now() - t0 >= SLOW_CONNECT_MS) rec.slowConnects++;
      if (target.kind === 'tcp') sock.setNoDelay(true);
      sock.write(line);
    });
    sock.on('data', (chunk: Buffer) => {
      got += chunk.length;
      if (got < line.length || done) return;
      rec.answered(now() - t0);
      // Close our side; the server's handler sees EOF and closes the connection.
      sock.end();
      finish();
    });
    sock.on('error', (err) => finish(err.message));
    sock.on('close', () => finish('closed before the echo'));
  });
}
