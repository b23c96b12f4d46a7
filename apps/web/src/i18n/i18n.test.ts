import { describe, expect, it } from 'vitest';
import { translator, type Catalog } from './i18n.js';

describe('WEB-I18N-1 catalogs translate and fill values, identifiers stay as they are', () => {
  const catalog: Catalog<'found'> = {
    en: { found: '{method} is found in {cls}' },
    'zh-CN': { found: '{method} 在 {cls} 中找到' },
  };
  it('fills slots in both languages', () => {
    expect(translator(catalog, 'en')('found', { method: 'process_request', cls: 'ThreadingMixIn' })).toBe(
      'process_request is found in ThreadingMixIn',
    );
    expect(translator(catalog, 'zh-CN')('found', { method: 'process_request', cls: 'ThreadingMixIn' })).toBe(
      'process_request 在 ThreadingMixIn 中找到',
    );
  });
});
