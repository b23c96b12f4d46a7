import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LangContext, type Lang } from '../i18n/i18n.js';
import { SHORTCUT_TEXT } from '../machines/keyboard.js';
import { cursorState } from '../model/cursor-state.js';
import { exampleFile, exampleModel } from '../model/examples.fixture.js';
import { HelpOverlay } from './HelpOverlay.js';
import { linearize } from './c3.js';
import { MroPreview } from './live/LabForm.js';
import { PANES, TIMELINE } from './panes.js';
import { Workspace } from './Workspace.js';

const inLang = (lang: Lang, node: ReturnType<typeof createElement>): string =>
  renderToStaticMarkup(createElement(LangContext.Provider, { value: lang }, node));

describe('WEB-SHELL-1 the shell renders in both languages', () => {
  it('the help overlay lists the shortcuts in English and in Chinese', () => {
    const en = inLang('en', createElement(HelpOverlay, { mode: 'replay', onClose: () => undefined }));
    const zh = inLang('zh-CN', createElement(HelpOverlay, { mode: 'replay', onClose: () => undefined }));
    expect(en).toContain(SHORTCUT_TEXT.en.stepBack);
    expect(en).toContain('<kbd>Shift+Space</kbd>');
    expect(zh).toContain(SHORTCUT_TEXT['zh-CN'].stepBack);
    expect(zh).toContain('键盘快捷键');
    const replayOnly = inLang('en', createElement(HelpOverlay, { mode: 'replay', modes: ['replay'], onClose: () => undefined }));
    expect(replayOnly).not.toContain(SHORTCUT_TEXT.en.continue);
  });

  it('the workspace lays out every slot (a placeholder until wired) at the cursor', () => {
    const model = exampleModel('ThreadingTCPServer');
    const html = inLang(
      'zh-CN',
      createElement(Workspace, {
        pane: { model, version: model.length, description: exampleFile('ThreadingTCPServer').header, state: cursorState(model, 60), onCursor: () => undefined },
        presenter: false,
      }),
    );
    for (const slot of ['mro', 'callpath']) expect(html).toContain(`ws-slot--${slot}`);
    expect(html).toContain('class="ws-centre"');
    expect(html).toContain('role="tabpanel"');
    // A slot not wired yet (app/panes.ts) shows its placeholder; a wired one shows the pane.
    const unwired = [...(TIMELINE === null ? ['timeline'] : []), ...(['mro', 'callpath', 'events'] as const).filter((id) => PANES[id] === null)];
    for (const slot of unwired) expect(html).toContain(`data-placeholder="${slot}"`);
    expect(html).toContain('ThreadingMixIn');
  });

  it('the MRO playground shows Python\'s TypeError text as it is', () => {
    const html = inLang('zh-CN', createElement(MroPreview, { result: linearize('X', ['BaseServer', 'TCPServer']), mroLabel: 'MRO', runsLabel: '', cannotServe: '' }));
    expect(html).toContain('TypeError: Cannot create a consistent method resolution order (MRO) for bases BaseServer, TCPServer');
  });
});
