import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LangContext, type Lang } from '../../i18n/i18n.js';
import { exampleFile } from '../../model/examples.fixture.js';
import { CanonDiff } from './CanonDiff.js';
import { compareTexts } from './compare-model.js';
import { CompareColumn } from './CompareColumn.js';
import { CompareMode } from './CompareMode.js';

const inLang = (lang: Lang, node: ReactElement): string => renderToStaticMarkup(createElement(LangContext.Provider, { value: lang }, node));
const noop = (): void => undefined;

describe('WEB-COMPARE-4 the comparison renders in both languages', () => {
  it('without a runtime it says so and still offers a file in each column', () => {
    const props = { active: true, request: null, presenter: false, onOpenInReplay: noop };
    const en = inLang('en', createElement(CompareMode, props));
    expect(en).toContain('Running a scenario needs the runtime: start sockscope with <code>npm start</code>');
    expect(en.match(/>Open a trace file…</g)).toHaveLength(2);
    const zh = inLang('zh-CN', createElement(CompareMode, props));
    expect(zh).toContain('运行场景需要运行时');
    expect(zh.match(/>打开追踪文件…</g)).toHaveLength(2);
    expect(inLang('en', createElement(CompareMode, { ...props, active: false }))).toBe('');
  });

  it("a column names its trace's backend, server, MRO and events", () => {
    const file = exampleFile('ThreadingTCPServer');
    const html = inLang(
      'zh-CN',
      createElement(CompareColumn, { side: { file, name: 'ThreadingTCPServer', origin: 'scenario' }, error: null, loading: null, canonError: null, label: '左栏', onFile: noop, onDismiss: noop, onReplay: noop }),
    );
    expect(html).toContain('TypeScript 移植版');
    expect(html).toContain('场景 ThreadingTCPServer');
    expect(html).toContain(`${file.events.length} 个事件`);
    expect(html).toContain('<li><code>ThreadingMixIn</code></li>');
    expect(html).toContain('在回放中打开');
  });

  it('a bad file is named with what is wrong', () => {
    const html = inLang(
      'en',
      createElement(CompareColumn, { side: null, error: { name: 'x.jsonl', error: 'line 2: not JSON' }, loading: null, canonError: null, label: 'Left column', onFile: noop, onDismiss: noop, onReplay: null }),
    );
    expect(html).toContain('Could not open x.jsonl');
    expect(html).toContain('line 2: not JSON');
  });

  it('differing lines are lit and marked, not by colour alone', () => {
    const html = inLang('en', createElement(CanonDiff, { rows: compareTexts('a\nb\n', 'a\nc\n'), label: 'forms', differs: 'differs' }));
    expect(html.match(/canon-cell--changed/g)).toHaveLength(2);
    expect(html).toContain('≠');
    expect(html).toContain('<span class="visually-hidden">differs: </span>b');
  });

  it('marks where each run of differences starts, for "Next difference"', () => {
    const html = inLang('en', createElement(CanonDiff, { rows: compareTexts('a\nb\nc\nd\ne\n', 'a\nB\nC\nd\nE\n'), label: 'forms', differs: 'differs' }));
    expect(html.match(/canon-row--diff/g)).toHaveLength(3);
    expect(html.match(/canon-row--first/g)).toHaveLength(2);
  });
});
