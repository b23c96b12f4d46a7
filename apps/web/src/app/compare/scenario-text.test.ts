import { describe, expect, it } from 'vitest';
import { scenarioDescription } from './scenario-text.js';

describe('WEB-COMPARE-3 the scenarios described in both languages', () => {
  it("English is the runtime's; Chinese is the scenario's own, or the English when it has none", () => {
    const info = { name: 'TCPServer', description: 'TCPServer: three clients', description_zh: 'TCPServer：三个客户端' };
    expect(scenarioDescription(info, 'en')).toBe('TCPServer: three clients');
    expect(scenarioDescription(info, 'zh-CN')).toBe('TCPServer：三个客户端');
    expect(scenarioDescription({ ...info, description_zh: '' }, 'zh-CN')).toBe('TCPServer: three clients');
  });
});
