import { describe, expect, it } from 'vitest';
import { clientSpecs, DEFAULT_STEPS, parseSteps } from './client-steps.js';

describe('WEB-LAB-1 scripted clients from the steps the presenter types', () => {
  it('the default is send "hello\\n", recv, close', () => {
    const parsed = parseSteps(DEFAULT_STEPS);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(clientSpecs(parsed.steps, 3, 0)).toEqual([0, 1, 2].map(() => ({ start_ms: 0, steps: [['send', 'hello\n'], ['recv'], ['close']] })));
  });

  it('{i} numbers the clients; escapes, sleeps and staggered starts', () => {
    const parsed = parseSteps('send hi {i}\\r\\n\nsleep_ms 20\nshut_wr\n# a comment\n\nrecv');
    if (!parsed.ok) throw new Error(parsed.error);
    const specs = clientSpecs(parsed.steps, 2, 50);
    expect(specs[1]).toEqual({ start_ms: 50, steps: [['send', 'hi 2\r\n'], ['sleep_ms', 20], ['shut_wr'], ['recv']] });
  });

  it('a wrong line is named', () => {
    expect(parseSteps('send hi\nreceive')).toEqual({ ok: false, line: 2, error: 'unknown step "receive" (send TEXT, recv, sleep_ms N, shut_wr, close)' });
    expect(parseSteps('sleep_ms soon')).toMatchObject({ ok: false, line: 1 });
    expect(parseSteps('send')).toMatchObject({ ok: false, line: 1 });
  });

  it('the count stays within the runtime\'s limit', () => {
    expect(clientSpecs([['close']], 500, 0)).toHaveLength(50);
    expect(clientSpecs([['close']], 0, 0)).toHaveLength(1);
  });
});
