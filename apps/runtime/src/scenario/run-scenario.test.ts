import { describe, expect, it } from 'vitest';
import { parseScenario } from './load-scenario.js';
import { runScenario } from './run-scenario.js';

describe('SCN-3 a bad scenario is refused with the field that is wrong', () => {
  it.each([
    ['{', /not JSON/],
    ['{"handler": "echo"}', /give "server" \(a class name\) or "bases"/],
    ['{"server": "TCPServer", "handler": "telnet"}', /handler: Invalid option/],
    ['{"server": "TCPServer", "handler": "echo", "clients": [{"steps": [["dance"]]}]}', /clients\.0\.steps\.0/],
    ['{"server": "TCPServer", "handler": "echo", "colour": "red"}', /colour/],
  ])('%s', (text, message) => {
    expect(() => parseScenario(text)).toThrow(message);
  });

  it('an impossible base order comes back as Python\'s TypeError', async () => {
    const scenario = parseScenario('{"bases": ["BaseServer", "TCPServer"], "handler": "echo"}');
    await expect(runScenario(scenario, () => undefined)).rejects.toThrow(
      'TypeError: Cannot create a consistent method resolution order (MRO) for bases BaseServer, TCPServer',
    );
  });

  it('a stream handler on a datagram server is refused before anything binds', async () => {
    const scenario = parseScenario('{"server": "UDPServer", "handler": "echo"}');
    await expect(runScenario(scenario, () => undefined)).rejects.toThrow('EchoHandler is a stream handler but UDPServer is a datagram server');
  });
});
