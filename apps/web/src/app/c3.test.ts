import { describe, expect, it } from 'vitest';
import { exampleFile } from '../model/examples.fixture.js';
import { BASE_NAMES, linearize, mroOf, parseBases, PUBLIC_SERVER_CLASSES } from './c3.js';

/** What CPython 3.11 computes for `type('CustomServer', bases, {})` (run once, pasted here). */
const CPYTHON: ReadonlyArray<readonly [readonly string[], readonly string[] | string]> = [
  [['TCPServer', 'ThreadingMixIn'], ['CustomServer', 'TCPServer', 'BaseServer', 'ThreadingMixIn', 'object']],
  [['ThreadingMixIn', 'TCPServer'], ['CustomServer', 'ThreadingMixIn', 'TCPServer', 'BaseServer', 'object']],
  [['ThreadingTCPServer', 'ForkingMixIn'], ['CustomServer', 'ThreadingTCPServer', 'ThreadingMixIn', 'TCPServer', 'BaseServer', 'ForkingMixIn', 'object']],
  [['UDPServer', 'UnixStreamServer'], ['CustomServer', 'UDPServer', 'UnixStreamServer', 'TCPServer', 'BaseServer', 'object']],
  [['RejectAll', 'ThreadingUDPServer'], ['CustomServer', 'RejectAll', 'ThreadingUDPServer', 'ThreadingMixIn', 'UDPServer', 'TCPServer', 'BaseServer', 'object']],
  [
    ['ThreadingUnixStreamServer', 'ForkingUnixStreamServer'],
    ['CustomServer', 'ThreadingUnixStreamServer', 'ThreadingMixIn', 'ForkingUnixStreamServer', 'ForkingMixIn', 'UnixStreamServer', 'TCPServer', 'BaseServer', 'object'],
  ],
  [['BaseServer', 'TCPServer'], 'TypeError: Cannot create a consistent method resolution order (MRO) for bases BaseServer, TCPServer'],
  [['TCPServer', 'UDPServer'], 'TypeError: Cannot create a consistent method resolution order (MRO) for bases TCPServer, UDPServer'],
  [['ThreadingMixIn', 'ThreadingTCPServer'], 'TypeError: Cannot create a consistent method resolution order (MRO) for bases ThreadingMixIn, ThreadingTCPServer'],
  [['ForkingUDPServer', 'ThreadingUDPServer', 'UDPServer', 'ThreadingMixIn'], 'TypeError: Cannot create a consistent method resolution order (MRO) for bases UDPServer, ThreadingMixIn'],
  [['TCPServer', 'TCPServer'], 'TypeError: duplicate base class TCPServer'],
];

describe('WEB-MRO-1 the playground linearizes like Python', () => {
  it.each(CPYTHON)('class CustomServer(%s)', (bases, expected) => {
    const result = linearize('CustomServer', bases);
    if (typeof expected === 'string') expect(result).toEqual({ ok: false, error: expected });
    else expect(result.ok && result.mro).toEqual(expected);
  });

  it('every public class has the MRO its traces record', () => {
    for (const name of ['ThreadingTCPServer', 'TCPServer', 'ForkingTCPServer', 'UDPServer']) {
      expect(mroOf(name)).toEqual(exampleFile(name).header.mro);
    }
    expect(PUBLIC_SERVER_CLASSES).toHaveLength(12);
    for (const name of PUBLIC_SERVER_CLASSES) expect(mroOf(name)?.at(-1)).toBe('object');
  });

  it('shows which implementation runs: the wrong base order runs BaseServer.process_request', () => {
    const bad = linearize('Bad', ['TCPServer', 'ThreadingMixIn']);
    expect(bad.ok && bad.resolution).toMatchObject({ process_request: 'BaseServer', server_close: 'TCPServer', get_request: 'TCPServer' });
    expect(exampleFile('bad-base-order').header.resolution['process_request']).toBe('BaseServer');
    const good = linearize('Good', ['ThreadingMixIn', 'TCPServer']);
    expect(good.ok && good.resolution).toMatchObject({ process_request: 'ThreadingMixIn', server_close: 'ThreadingMixIn' });
    const forking = linearize('F', ['ForkingMixIn', 'ThreadingTCPServer']);
    expect(forking.ok && forking.resolution).toMatchObject({ process_request: 'ForkingMixIn', service_actions: 'ForkingMixIn' });
    const reject = linearize('R', ['RejectAll', 'ThreadingUDPServer']);
    expect(reject.ok && reject.resolution.verify_request).toBe('RejectAll');
    expect(reject.ok && reject.transport).toBe('datagram');
  });

  it('an unknown name is a NameError; a class without a server cannot serve', () => {
    expect(linearize('X', ['TCPServr'])).toEqual({ ok: false, error: "NameError: name 'TCPServr' is not defined" });
    const mixinOnly = linearize('X', ['ThreadingMixIn']);
    expect(mixinOnly.ok && mixinOnly.transport).toBeNull();
    const none = linearize('X', []);
    expect(none.ok && none.mro).toEqual(['X', 'object']);
  });

  it('reads bases typed the way Python writes them', () => {
    expect(parseBases('(ThreadingMixIn, TCPServer)')).toEqual(['ThreadingMixIn', 'TCPServer']);
    expect(parseBases('  RejectAll  UDPServer ')).toEqual(['RejectAll', 'UDPServer']);
    expect(BASE_NAMES).toContain('RejectAll');
    expect(BASE_NAMES).not.toContain('object');
  });
});
