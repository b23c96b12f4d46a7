import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCENARIO_ZH, scenarioDescription } from './scenario-text.js';

describe('WEB-COMPARE-3 the scenarios described in both languages', () => {
  it('every scenario the runtime ships has a Chinese description', () => {
    const dir = fileURLToPath(new URL('../../../../runtime/scenarios/', import.meta.url));
    const names = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length));
    expect(names.filter((n) => !(n in SCENARIO_ZH))).toEqual([]);
  });

  it("English is the runtime's; an unknown scenario keeps the runtime's words", () => {
    expect(scenarioDescription({ name: 'TCPServer', description: 'TCPServer: three clients' }, 'en')).toBe('TCPServer: three clients');
    expect(scenarioDescription({ name: 'TCPServer', description: 'x' }, 'zh-CN')).toContain('主循环');
    expect(scenarioDescription({ name: 'new-one', description: 'A new one' }, 'zh-CN')).toBe('A new one');
  });
});
