import { describe, expect, it } from 'vitest';
import * as ss from '../socketserver/index.js';
import { MroError } from './c3.js';
import { CPYTHON_MRO, CPYTHON_RESOLUTION } from './cpython-reference.fixture.js';
import { classAttributes, defineClass, mro, PyObject, resolutionTable, type Ctor, type PyClass } from './pyclass.js';

const PUBLIC = Object.keys(CPYTHON_MRO).filter((n) => n !== 'Bad');
const classes = ss as unknown as Record<string, PyClass>;
const Bad = defineClass('Bad', [ss.TCPServer, ss.ThreadingMixIn]);

describe('PY-MRO-3 the MRO of every public class equals CPython\'s __mro__', () => {
  it.each(PUBLIC)('%s', (name) => {
    const cls = classes[name];
    expect(cls, `${name} is exported`).toBeDefined();
    expect(mro(cls as PyClass)).toEqual(CPYTHON_MRO[name]);
  });
});

describe('PY-MRO-4 the method resolution table of every class equals CPython\'s', () => {
  it.each(PUBLIC)('%s', (name) => {
    expect(resolutionTable(classes[name] as PyClass)).toEqual(CPYTHON_RESOLUTION[name]);
  });

  it('Bad(TCPServer, ThreadingMixIn) finds process_request in BaseServer, as CPython does', () => {
    expect(mro(Bad)).toEqual(CPYTHON_MRO['Bad']);
    expect(resolutionTable(Bad)).toEqual(CPYTHON_RESOLUTION['Bad']);
    expect(resolutionTable(Bad)['process_request']).toBe('BaseServer');
  });
});

describe('PY-MRO-2 an impossible base order is rejected', () => {
  it('names the classes as Python\'s TypeError does', () => {
    expect(() => defineClass('X', [ss.BaseServer, ss.TCPServer])).toThrow(MroError);
    expect(() => defineClass('X', [ss.BaseServer, ss.TCPServer])).toThrow(
      'Cannot create a consistent method resolution order (MRO) for bases BaseServer, TCPServer',
    );
  });
});

describe('PY-MRO-5 super follows the MRO of the instance\'s class', () => {
  // Each class records its name and then calls super, like a cooperative Python method.
  const trail = <B extends Ctor<PyObject & { who(): string[] }>>(name: string) => (Base: B) =>
    class extends Base {
      override who(): string[] {
        return [name, ...super.who()];
      }
    };
  const Root = defineClass<{ who(): string[] }>('Root', [], {
    body: (Base: Ctor<PyObject>) =>
      class extends Base {
        who(): string[] {
          return ['Root'];
        }
      },
  });
  const A = defineClass('A', [Root], { body: trail('A') });
  const B = defineClass('B', [Root], { body: trail('B') });
  const C = defineClass<{ who(): string[] }>('C', [A, B], { body: trail('C') });

  it('a diamond calls every class once, in MRO order', () => {
    expect(mro(C)).toEqual(['C', 'A', 'B', 'Root', 'object']);
    expect(new C().who()).toEqual(['C', 'A', 'B', 'Root']);
  });

  it('the same class body reaches a different next class in another MRO', () => {
    const D = defineClass<{ who(): string[] }>('D', [B, A]);
    expect(new D().who()).toEqual(['B', 'A', 'Root']);
  });

  it('isinstance holds for every class in the MRO, also for re-linked ones', () => {
    const bad = new Bad();
    for (const cls of [Bad, ss.TCPServer, ss.BaseServer, ss.ThreadingMixIn, PyObject]) {
      expect(bad instanceof cls).toBe(true);
    }
    expect(bad instanceof ss.UDPServer).toBe(false);
  });
});

describe('PY-MRO-6 classes can be composed at run time from any bases', () => {
  it('a plain TypeScript subclass has the MRO Python would give it', () => {
    class EchoHandler extends ss.StreamRequestHandler {}
    expect(mro(EchoHandler)).toEqual(['EchoHandler', 'StreamRequestHandler', 'BaseRequestHandler', 'object']);
  });

  it('a mixin defined at run time goes first in the MRO', () => {
    const RejectAll = defineClass('RejectAll', []);
    const Lab = defineClass('Lab', [RejectAll, ss.ThreadingTCPServer]);
    expect(mro(Lab)).toEqual(['Lab', 'RejectAll', 'ThreadingTCPServer', 'ThreadingMixIn', 'TCPServer', 'BaseServer', 'object']);
  });
});

describe('PY-ATTR-1 class attributes and their defaults are CPython\'s', () => {
  const defaults: Record<string, Record<string, unknown>> = {
    BaseServer: { timeout: null },
    TCPServer: { address_family: 2, socket_type: 1, request_queue_size: 5, allow_reuse_address: false, allow_reuse_port: false, timeout: null },
    UDPServer: { socket_type: 2, max_packet_size: 8192, allow_reuse_address: false, allow_reuse_port: false },
    UnixStreamServer: { address_family: 1, socket_type: 1 },
    UnixDatagramServer: { address_family: 1, socket_type: 2, max_packet_size: 8192 },
    ThreadingTCPServer: { daemon_threads: false, block_on_close: true, timeout: null },
    ForkingTCPServer: { timeout: 300, active_children: null, max_children: 40, block_on_close: true },
    ForkingUDPServer: { timeout: 300, max_packet_size: 8192, socket_type: 2 },
    StreamRequestHandler: { rbufsize: -1, wbufsize: 0, timeout: null, disable_nagle_algorithm: false },
  };
  it.each(Object.keys(defaults))('%s', (name) => {
    const instance = new (classes[name] as PyClass)() as Record<string, unknown>;
    for (const [attr, value] of Object.entries(defaults[name] ?? {})) expect(instance[attr], attr).toEqual(value);
  });

  it('ThreadingMixIn._threads is a shared _NoThreads until a request needs a _Threads', () => {
    const a = new ss.ThreadingTCPServer();
    const b = new ss.ThreadingTCPServer();
    expect(a._threads).toBeInstanceOf(ss._NoThreads);
    expect(a._threads).toBe(b._threads);
  });

  it('lists the attributes each class defines itself, like vars(cls)', () => {
    const attrs = classAttributes(ss.ForkingTCPServer);
    expect(attrs.map((a) => a.cls)).toEqual(['ForkingTCPServer', 'ForkingMixIn', 'TCPServer', 'BaseServer']);
    expect(attrs[1]?.attrs).toMatchObject({ timeout: 300, max_children: 40 });
  });
});
