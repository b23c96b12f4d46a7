import { describe, expect, it } from 'vitest';
import type { LabDescription } from '@sockscope/core/trace';
import { cursorState } from '../../model/cursor-state.js';
import { exampleFile, exampleModel } from '../../model/examples.fixture.js';
import sources from '../source/core-sources.json';
import {
  c3,
  classGraph,
  classMarks,
  definers,
  directBases,
  explain,
  HANDLER_CLASSES,
  layoutGraph,
  MODULE_METHODS,
  resolutionRows,
  SERVER_CLASSES,
  sideOfActive,
} from './mro.js';

const EXAMPLES = ['ThreadingTCPServer', 'TCPServer', 'bad-base-order', 'ForkingTCPServer', 'UDPServer', 'crash-handler'];
const header = (name: string): LabDescription => exampleFile(name).header;
const basesOf = (g: ReturnType<typeof classGraph>) => Object.fromEntries(g.nodes.map((n) => [n.name, n.bases]));

describe('PANE-MRO-1 the class graph: socketserver\'s fixed DAG plus the lab\'s own classes', () => {
  it('the module graph reproduces every public class\'s MRO by C3', () => {
    const g = classGraph(null, 'server');
    expect(g.nodes).toHaveLength(15);
    expect(c3('ThreadingTCPServer', basesOf(g))).toEqual(['ThreadingTCPServer', 'ThreadingMixIn', 'TCPServer', 'BaseServer']);
    expect(c3('ForkingUnixDatagramServer', basesOf(g))).toEqual([
      'ForkingUnixDatagramServer', 'ForkingMixIn', 'UnixDatagramServer', 'UDPServer', 'TCPServer', 'BaseServer',
    ]);
    expect(g.edges).toContainEqual({ sub: 'UnixStreamServer', base: 'TCPServer' });
  });

  it.each(EXAMPLES)('%s: the graph\'s C3 gives the header\'s MRO, for the server and the handler', (name) => {
    const d = header(name);
    for (const side of ['server', 'handler'] as const) {
      const g = classGraph(d, side);
      const mro = side === 'server' ? d.mro : d.handler_mro;
      expect(c3(mro[0] ?? '', basesOf(g))).toEqual(mro.filter((c) => c !== 'object'));
    }
  });

  it('class Bad(TCPServer, ThreadingMixIn) is added with its bases in order, below them', () => {
    const g = classGraph(header('bad-base-order'), 'server');
    const bad = g.nodes.find((n) => n.name === 'Bad');
    expect(bad).toMatchObject({ module: false, bases: ['TCPServer', 'ThreadingMixIn'] });
    expect(bad?.row).toBe(2);
  });

  it('a mixin of the lab\'s own stays a root; the leaf gets both bases', () => {
    const mro = ['RejectAllThreadingTCPServer', 'RejectAll', 'ThreadingTCPServer', 'ThreadingMixIn', 'TCPServer', 'BaseServer', 'object'];
    const known = Object.fromEntries(Object.entries(SERVER_CLASSES).map(([n, c]) => [n, c.bases]));
    expect(directBases(mro, known)).toEqual(['RejectAll', 'ThreadingTCPServer']);
    const d = { ...header('ThreadingTCPServer'), server_class: mro[0] ?? '', mro };
    const g = classGraph(d, 'server');
    expect(g.nodes.find((n) => n.name === 'RejectAll')?.bases).toEqual([]);
    expect(c3(mro[0] ?? '', basesOf(g))).toEqual(mro.slice(0, -1));
  });

  it('scope "mro": only the MRO\'s classes, still giving the MRO by C3 (for a narrow pane)', () => {
    for (const name of EXAMPLES) {
      const d = header(name);
      const g = classGraph(d, 'server', 'mro');
      expect(g.nodes.map((n) => n.name).sort()).toEqual(d.mro.filter((c) => c !== 'object').sort());
      expect(c3(d.mro[0] ?? '', basesOf(g))).toEqual(d.mro.filter((c) => c !== 'object'));
      expect(layoutGraph(g).width).toBeLessThan(300);
    }
  });

  it('the handler graph: BaseRequestHandler, its two subclasses and the lab\'s handler', () => {
    const g = classGraph(header('UDPServer'), 'handler');
    expect(g.nodes.map((n) => n.name).sort()).toEqual([...Object.keys(HANDLER_CLASSES), 'DgramEchoHandler'].sort());
    expect(g.edges).toContainEqual({ sub: 'DgramEchoHandler', base: 'DatagramRequestHandler' });
  });
});

describe('PANE-MRO-2 the layout: bases above subclasses, no two classes overlap, edges avoid classes', () => {
  const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;

  const rejectAll = (): LabDescription => {
    const mro = ['RejectAllThreadingTCPServer', 'RejectAll', 'ThreadingTCPServer', 'ThreadingMixIn', 'TCPServer', 'BaseServer', 'object'];
    return { ...header('ThreadingTCPServer'), server_class: mro[0] ?? '', mro };
  };

  it.each([null, 'RejectAll', ...EXAMPLES])('%s', (name) => {
    const d = name === null ? null : name === 'RejectAll' ? rejectAll() : header(name);
    for (const [side, scope] of [['server', 'module'], ['handler', 'module'], ['server', 'mro']] as const) {
      const layout = layoutGraph(classGraph(d, side, scope));
      const at = new Map(layout.nodes.map((n) => [n.name, n]));
      for (const [i, a] of layout.nodes.entries()) {
        for (const b of layout.nodes.slice(i + 1)) expect(overlaps(a, b), `${a.name} / ${b.name}`).toBe(false);
      }
      for (const e of layout.edges) {
        expect((at.get(e.sub)?.y ?? 0) > (at.get(e.base)?.y ?? 0)).toBe(true);
        // The points between the ends never fall inside a class's box.
        for (const [x, y] of e.points.slice(1, -1)) {
          for (const n of layout.nodes) {
            expect(Math.abs(x - n.x) * 2 < n.width && Math.abs(y - n.y) * 2 < n.height, `${e.sub}→${e.base} through ${n.name}`).toBe(false);
          }
        }
      }
    }
  });
});

describe('PANE-MRO-3 which class provides the running method, and what it shadows', () => {
  it('the module\'s method table matches the port\'s source, class by class', () => {
    const keys = Object.keys(sources).filter((k) => k.includes('.'));
    for (const cls of Object.keys(MODULE_METHODS).filter((c) => c !== 'object')) {
      const inSource = keys.filter((k) => k.startsWith(`${cls}.`)).map((k) => k.slice(cls.length + 1));
      expect(inSource.sort(), cls).toEqual([...(MODULE_METHODS[cls] ?? [])].sort());
    }
  });

  it('every resolution table agrees with the first definer in the MRO', () => {
    for (const name of EXAMPLES) {
      const d = header(name);
      for (const [method, cls] of Object.entries(d.resolution)) expect(definers(d.mro, method, d.resolution)[0]).toBe(cls);
      for (const [method, cls] of Object.entries(d.handler_resolution)) {
        expect(definers(d.handler_mro, method, d.handler_resolution)[0]).toBe(cls);
      }
    }
  });

  it('ThreadingTCPServer at process_request: found in ThreadingMixIn, before BaseServer', () => {
    const model = exampleModel('ThreadingTCPServer');
    const state = cursorState(model, model.events.findIndex((e) => e.kind === 'call' && e.method === 'process_request'));
    const d = header('ThreadingTCPServer');
    const ex = explain(d, state.active ?? { cls: '', method: '', selfCls: '', lane: '' });
    expect(ex).toEqual({
      kind: 'found', side: 'server', method: 'process_request', cls: 'ThreadingMixIn',
      searched: ['ThreadingTCPServer'], shadowed: ['BaseServer'],
    });
    expect(Object.fromEntries(classMarks(ex))).toEqual({ ThreadingTCPServer: 'searched', ThreadingMixIn: 'provider', BaseServer: 'shadowed' });
  });

  it('class Bad(TCPServer, ThreadingMixIn): process_request is found in BaseServer, before ThreadingMixIn', () => {
    const d = header('bad-base-order');
    const ex = explain(d, { cls: 'BaseServer', method: 'process_request', selfCls: 'Bad', lane: '1:2' });
    expect(ex).toMatchObject({ kind: 'found', cls: 'BaseServer', searched: ['Bad', 'TCPServer'], shadowed: ['ThreadingMixIn'] });
  });

  it('a handler method is explained with the handler\'s MRO', () => {
    const d = header('UDPServer');
    const active = { cls: 'DatagramRequestHandler', method: 'setup', selfCls: 'DgramEchoHandler', lane: '1:2' };
    expect(sideOfActive(d, active)).toBe('handler');
    expect(explain(d, active)).toEqual({
      kind: 'found', side: 'handler', method: 'setup', cls: 'DatagramRequestHandler',
      searched: ['DgramEchoHandler'], shadowed: ['BaseRequestHandler'],
    });
    expect(explain(d, { ...active, cls: 'DgramEchoHandler', method: 'handle' })).toMatchObject({
      cls: 'DgramEchoHandler', searched: [], shadowed: ['BaseRequestHandler'],
    });
  });

  it('a super() call: TCPServer.server_close reached from ThreadingMixIn.server_close', () => {
    const model = exampleModel('crash-handler');
    const index = model.events.findIndex((e) => e.kind === 'call' && e.method === 'server_close' && e.cls === 'TCPServer');
    const ex = explain(header('crash-handler'), cursorState(model, index).active ?? { cls: '', method: '', selfCls: '', lane: '' });
    expect(ex).toEqual({ kind: 'super', side: 'server', method: 'server_close', cls: 'TCPServer', resolved: 'ThreadingMixIn', shadowed: ['BaseServer'] });
    expect(classMarks(ex).get('ThreadingMixIn')).toBe('caller');
  });

  it('a helper outside both MROs (_Threads.append) is "other"', () => {
    const model = exampleModel('ThreadingTCPServer');
    const index = model.events.findIndex((e) => e.kind === 'call' && e.method === 'append');
    const ex = explain(header('ThreadingTCPServer'), cursorState(model, index).active ?? { cls: '', method: '', selfCls: '', lane: '' });
    expect(ex).toEqual({ kind: 'other', method: 'append', cls: '_Threads' });
    expect(classMarks(ex).size).toBe(0);
  });

  it('the resolution table rows come in dir() order', () => {
    const rows = resolutionRows(header('ThreadingTCPServer').resolution);
    expect(rows[0]).toEqual({ method: '__enter__', cls: 'BaseServer' });
    expect(rows.map((r) => r.method)).toContain('process_request_thread');
  });
});
