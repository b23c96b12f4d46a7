import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LangContext, translator, useT, type Catalog, type Lang, type Translate } from './i18n.js';

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

describe('WEB-I18N-2 a component gets the same translator at every render until the language changes', () => {
  const catalog: Catalog<'hi'> = { en: { hi: 'hello' }, 'zh-CN': { hi: '你好' } };
  const seen: Array<Translate<'hi'>> = [];
  function Probe() {
    const t = useT(catalog);
    seen.push(t);
    return createElement('span', null, t('hi'));
  }
  const render = (lang: Lang) => renderToStaticMarkup(createElement(LangContext.Provider, { value: lang }, createElement(Probe)));

  it('is one function per catalog and language', () => {
    expect(render('en')).toBe('<span>hello</span>');
    expect(render('en')).toBe('<span>hello</span>');
    expect(render('zh-CN')).toBe('<span>你好</span>');
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).not.toBe(seen[0]);
  });
});
