/** SCN-4: every shipped scenario loads and says what it shows, in English and in Chinese. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_DIR } from '../cpython/compare.js';
import { loadScenario } from './load-scenario.js';

const FILES = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')).sort();

describe('SCN-4 the shipped scenarios describe themselves in both languages', () => {
  it.each(FILES)('%s has a description and a Chinese one of its own', (file) => {
    const scenario = loadScenario(join(SCENARIO_DIR, file));
    expect(scenario.description?.length).toBeGreaterThan(10);
    expect(scenario.description_zh?.length).toBeGreaterThan(5);
    expect(scenario.description_zh).not.toBe(scenario.description);
    expect(scenario.description_zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
