import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InlineMarkdown, Markdown } from './Markdown.js';
import { parseInline, parseMarkdown, plainText } from './markdown.js';

const html = (source: string): string => renderToStaticMarkup(createElement(Markdown, { source }));

describe('WEB-LESSON-MD-1 the notes’ markdown subset: paragraphs, lists, bold, emphasis, code', () => {
  it('splits paragraphs at blank lines and joins the lines of one', () => {
    expect(parseMarkdown('one\ntwo\n\nthree')).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: 'one two' }] },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'three' }] },
    ]);
  });

  it('reads bulleted and numbered lists, with indented continuation lines', () => {
    const blocks = parseMarkdown('Steps:\n- first\n- second\n  goes on\n\n1. one\n2) two');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'list']);
    expect(blocks[1]).toMatchObject({ ordered: false, items: [[{ text: 'first' }], [{ text: 'second goes on' }]] });
    expect(blocks[2]).toMatchObject({ ordered: true, items: [[{ text: 'one' }], [{ text: 'two' }]] });
    expect(html('- a\n- b')).toBe('<div class="md"><ul><li>a</li><li>b</li></ul></div>');
    expect(html('1. a\n2. b')).toBe('<div class="md"><ol><li>a</li><li>b</li></ol></div>');
  });

  it('renders bold, emphasis and code; nothing inside code is markup', () => {
    expect(html('**bold** and *em* and `x`')).toBe('<div class="md"><p><strong>bold</strong> and <em>em</em> and <code class="md-code">x</code></p></div>');
    expect(parseInline('`**not bold**`')).toEqual([{ kind: 'code', text: '**not bold**' }]);
    expect(html('**`serve_forever()` runs**')).toContain('<strong><code class="md-code">serve_forever()</code> runs</strong>');
    expect(html('``a ` b``')).toContain('<code class="md-code">a ` b</code>');
  });

  it('leaves Python names, lone stars and unclosed markers as written', () => {
    expect(plainText('__init__ and _handle_request_noblock')).toBe('__init__ and _handle_request_noblock');
    expect(plainText('2 * 3 * 4')).toBe('2 * 3 * 4');
    expect(plainText('**unclosed and `open')).toBe('**unclosed and `open');
    expect(plainText('a \\*literal\\* star')).toBe('a *literal* star');
    expect(html('*args and **kwargs')).toBe('<div class="md"><p>*args and **kwargs</p></div>');
  });

  it('keeps Chinese text, full-width punctuation and code together', () => {
    expect(html('主线程刚刚建好服务器。`TCPServer.__init__` 先调用 **`server_bind()`**。')).toBe(
      '<div class="md"><p>主线程刚刚建好服务器。<code class="md-code">TCPServer.__init__</code> 先调用 <strong><code class="md-code">server_bind()</code></strong>。</p></div>',
    );
  });
});

describe('WEB-LESSON-MD-2 a note never injects HTML', () => {
  it('tags, attributes and entities come out as text', () => {
    const out = html('<script>alert(1)</script> <img src=x onerror=alert(1)> **<b>x</b>** `<i>` &amp;');
    expect(out).not.toMatch(/<script|<img|<b>|<i>/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('<strong>&lt;b&gt;x&lt;/b&gt;</strong>');
    expect(out).toContain('<code class="md-code">&lt;i&gt;</code>');
    expect(out).toContain('&amp;amp;');
  });

  it('links and javascript: URLs are not links', () => {
    const out = html('[click](javascript:alert(1)) <a href="javascript:alert(1)">x</a>');
    expect(out).not.toMatch(/<a[\s>]/);
    expect(out).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;');
    expect(out).toContain('[click](javascript:alert(1))');
  });

  it('inline markdown (titles, choices) escapes too', () => {
    const out = renderToStaticMarkup(createElement(InlineMarkdown, { source: '<b>`x`</b> **y**' }));
    expect(out).toBe('<span>&lt;b&gt;<code class="md-code">x</code>&lt;/b&gt; <strong>y</strong></span>');
  });
});

describe('WEB-LESSON-MD-3 plain text of a note', () => {
  it('drops the markup and joins blocks on one line', () => {
    expect(plainText('The **main** thread\ncalls `listen()`.\n\n- one\n- two')).toBe('The main thread calls listen(). one · two');
  });
});
