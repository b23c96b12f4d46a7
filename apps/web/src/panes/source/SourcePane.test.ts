import type { CPythonSources, TraceEvent } from '@sockscope/core/trace';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LangContext, type Lang } from '../../i18n/i18n.js';
import { cursorState } from '../../model/cursor-state.js';
import { exampleFile } from '../../model/examples.fixture.js';
import { TraceModel } from '../../model/trace-model.js';
import { CPythonSourceContext, type CPythonSourceState } from './cpython-context.js';
import { SourcePane } from './SourcePane.js';

/** A few lines shaped like socketserver's loop (written for this test). */
const MODULE = [
  'class BaseServer:', //                                   1
  '    def serve_forever(self, poll_interval=0.5):', //     2
  '        while True:', //                                 3
  '            ready = selector.select(poll_interval)', //  4
  '            if ready:', //                               5
  '                self._handle_request_noblock()', //      6
].join('\n');
const SOURCES: CPythonSources = { version: 'CPython 3.11.7', executable: '/usr/bin/python3', modules: [{ module: 'socketserver', path: '/usr/lib/python3.11/socketserver.py', text: MODULE }] };

/** The ThreadingTCPServer example as if CPython had run it: serve_forever's events carry its lines. */
function cpythonTrace(): { model: TraceModel; header: ReturnType<typeof exampleFile>['header']; at: (pred: (e: TraceEvent) => boolean) => number } {
  const file = exampleFile('ThreadingTCPServer');
  const serve = file.events.find((e) => e.kind === 'call' && e.method === 'serve_forever')?.span ?? -1;
  const events = file.events.map((e): TraceEvent => {
    if (e.kind === 'call' && e.span === serve) return { ...e, src_line: 2, src_file: 'socketserver' };
    if (e.span === serve && e.kind === 'select_wait') return { ...e, src_line: 4 };
    return e;
  });
  const model = new TraceModel();
  model.append(events);
  return { model, header: { ...file.header, backend: 'cpython', backend_version: 'CPython 3.11.7' }, at: (pred) => events.findIndex(pred) };
}

function render(lang: Lang, cpython: CPythonSourceState, index: number): string {
  const { model, header } = cpythonTrace();
  const pane = createElement(SourcePane, { model, version: model.length, description: header, state: cursorState(model, index), onCursor: () => undefined });
  return renderToStaticMarkup(createElement(LangContext.Provider, { value: lang }, createElement(CPythonSourceContext.Provider, { value: cpython }, pane)));
}

describe('PANE-SOURCE-6 the source pane shows the port and CPython side by side', () => {
  const { at } = cpythonTrace();
  const wait = at((e) => e.kind === 'select_wait');

  it("lights CPython's running line at the cursor, next to the port's TypeScript", () => {
    const html = render('en', { status: 'ready', sources: SOURCES }, wait);
    expect(html).toContain('ss-source-col--port');
    expect(html).toContain('ss-source-col--cpython');
    expect(html).toContain('<span class="ss-tok-keyword">async</span><span class="ss-tok-plain"> </span><span class="ss-tok-name">serve_forever</span>');
    expect(html).toMatch(/ss-source-line--current"><span class="ss-source-ln" aria-label="line 4">4<\/span>/);
    expect(html).toContain('socketserver.py:2');
    expect(html).toContain('CPython 3.11.7');
  });

  it('without a runtime says how to get CPython\'s source, in both languages', () => {
    expect(render('en', { status: 'unavailable' }, wait)).toContain('start sockscope with <code class="ss-code">npm start</code> to see it');
    expect(render('zh-CN', { status: 'unavailable' }, wait)).toContain('请用 <code class="ss-code">npm start</code> 启动 sockscope');
    expect(render('en', { status: 'error', error: 'no python3 on the PATH' }, wait)).toContain('could not read CPython&#x27;s source: no python3 on the PATH');
  });

  it('says when CPython has no such method', () => {
    const html = render('zh-CN', { status: 'ready', sources: SOURCES }, at((e) => e.kind === 'call' && e.method === '_handle_request_noblock'));
    expect(html).toContain('CPython 的源代码（socketserver）中没有');
    expect(html).toContain('BaseServer._handle_request_noblock');
  });
});
