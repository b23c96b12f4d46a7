import type { CPythonSources, TraceEvent } from '@sockscope/core/trace';
import { describe, expect, it } from 'vitest';
import { chooseLine, findInSources, findPythonFunction, highlightPython, pythonCallLines, scanPython, type LineQuery } from './python-source.js';

/** A module shaped like socketserver.py (written for this test): a docstring that shows a class, nested classes, decorators. */
const MODULE = [
  '"""Demo module.', //                                       1
  '', //                                                      2
  '    class ThreadingDemo(ThreadingMixIn, Demo): pass', //    3  (inside the docstring)
  '', //                                                      4
  '"""', //                                                   5
  'import os', //                                             6
  '', //                                                      7
  'class Demo:', //                                           8
  '    """A server."""', //                                   9
  '', //                                                      10
  '    timeout = None', //                                    11
  '', //                                                      12
  '    def serve(self, poll_interval=0.5):', //               13
  '        """Serve until shutdown.', //                      14
  'def not_a_method(self):', //                               15 (docstring text)
  '        """', //                                           16
  '        while True:', //                                   17
  "            ready = self.wait(poll_interval)  # handle()", // 18
  '            if ready:', //                                 19
  '                self._handle()', //                        20
  '            self.service()', //                            21
  '', //                                                      22
  '    # a comment about what follows', //                    23
  '    @property', //                                         24
  '    def address(self):', //                                25
  '        return (self.host,', //                            26
  '    self.port)', //                                        27  (inside brackets)
  '', //                                                      28
  '    def _handle(self):', //                                29
  "        print('self.wait(1)')", //                         30
  '        self.finish(self.RequestHandlerClass(1, 2, self))', // 31
  '', //                                                      32
  'if hasattr(os, "fork"):', //                               33
  '    class ForkingDemo:', //                                34
  '        def process(self, request):', //                   35
  '            pid = os.fork()', //                           36
  '            if pid:', //                                   37
  '                return', //                                38
  '            self.finish(request)', //                      39
  '', //                                                      40
  '        def one(self): pass', //                           41
  'class After(Demo): pass', //                               42
].join('\n');

describe('PANE-SOURCE-3 finding a Python method in its module by indentation', () => {
  it('finds a method with its docstring and body, up to the next block', () => {
    const fn = findPythonFunction(MODULE, 'Demo', 'serve');
    expect(fn).toMatchObject({ startLine: 13, defLine: 13, endLine: 21 });
    expect(fn?.code.split('\n').at(-1)).toBe('            self.service()');
  });

  it('takes decorators, brackets that go back left, and stops before trailing comments', () => {
    expect(findPythonFunction(MODULE, 'Demo', 'address')).toMatchObject({ startLine: 24, defLine: 25, endLine: 27 });
    expect(findPythonFunction(MODULE, 'Demo', '_handle')).toMatchObject({ defLine: 29, endLine: 31 });
  });

  it('finds nested classes, and one-line methods', () => {
    expect(findPythonFunction(MODULE, 'ForkingDemo', 'process')).toMatchObject({ defLine: 35, endLine: 39 });
    expect(findPythonFunction(MODULE, 'ForkingDemo', 'one')).toMatchObject({ defLine: 41, endLine: 41 });
  });

  it('never finds what is written in a string, nor a method of another class', () => {
    expect(findPythonFunction(MODULE, 'ThreadingDemo', 'serve')).toBeNull();
    expect(findPythonFunction(MODULE, 'Demo', 'not_a_method')).toBeNull();
    expect(findPythonFunction(MODULE, 'After', 'serve')).toBeNull();
    expect(findPythonFunction(MODULE, 'Demo', 'process')).toBeNull();
    expect(findPythonFunction(MODULE, 'Nope', 'serve')).toBeNull();
  });

  it('knows which lines are in strings and brackets', () => {
    const lines = scanPython(MODULE);
    expect(lines[2]?.structural).toBe(false);
    expect(lines[14]?.structural).toBe(false);
    expect(lines[26]?.structural).toBe(false);
    expect(lines[17]?.code).not.toContain('handle');
    expect(lines[29]?.code).not.toContain('wait');
  });

  it('looks in the module a call event names first, then socketserver, then the rest', () => {
    const sources: CPythonSources = {
      version: 'CPython 3.11.7',
      executable: '/usr/bin/python3',
      modules: [
        { module: 'sockscope_cpython.labs', path: '/x/labs.py', text: 'class Demo:\n    def serve(self):\n        pass\n' },
        { module: 'socketserver', path: '/x/socketserver.py', text: MODULE },
      ],
    };
    expect(findInSources(sources, 'Demo', 'serve')).toMatchObject({ module: 'socketserver', path: '/x/socketserver.py', defLine: 13 });
    expect(findInSources(sources, 'Demo', 'serve', 'sockscope_cpython.labs')).toMatchObject({ module: 'sockscope_cpython.labs', defLine: 2 });
    expect(findInSources(sources, 'ForkingDemo', 'process', 'sockscope_cpython.labs')?.module).toBe('socketserver');
  });
});

describe('PANE-SOURCE-4 the lines that call a method, and the line to light', () => {
  const serve = findPythonFunction(MODULE, 'Demo', 'serve');
  const handle = findPythonFunction(MODULE, 'Demo', '_handle');
  if (!serve || !handle) throw new Error('fixture');

  it('finds calls in code, not in strings or comments; __init__ is a class called like a function', () => {
    expect(pythonCallLines(serve, 'wait')).toEqual([18]);
    expect(pythonCallLines(serve, '_handle')).toEqual([20]);
    expect(pythonCallLines(serve, 'handle')).toEqual([]);
    expect(pythonCallLines(handle, 'wait')).toEqual([]);
    expect(pythonCallLines(handle, '__init__', 'EchoHandler')).toEqual([31]);
    expect(pythonCallLines(serve, 'serve')).toEqual([]);
  });

  const base = { pid: 1, tid: 1, thread: 'MainThread', t_ns: 0, parent_span: null } as const;
  const events: TraceEvent[] = [
    { ...base, seq: 1, kind: 'call', span: 1, method: 'serve', cls: 'Demo', self_cls: 'Demo', src_line: 13, src_file: 'socketserver' },
    { ...base, seq: 2, kind: 'select_wait', span: 1, timeout: 0.5, src_line: 18 },
    { ...base, seq: 3, kind: 'select_ready', span: 1, fd: 3, src_line: 18 },
    { ...base, seq: 4, kind: 'call', span: 2, parent_span: 1, method: '_handle', cls: 'Demo', self_cls: 'Demo', src_line: 29 },
    { ...base, seq: 5, kind: 'stderr', span: 2, parent_span: 1, text: 'x', src_line: 30 },
    { ...base, seq: 6, kind: 'return', span: 2, parent_span: 1, method: '_handle', cls: 'Demo', src_line: 31 },
    { ...base, seq: 7, kind: 'select_wait', span: 1, timeout: 0.5 },
  ];
  const q = (over: Partial<LineQuery>): LineQuery => ({ cpython: true, events, cursor: 0, frame: { span: 1, startIndex: 0 }, callee: null, ...over });

  it('a CPython trace: the src_line of the event at the cursor, in its own frame', () => {
    expect(chooseLine(q({ cursor: 0 }), serve)).toEqual({ line: 13, kind: 'running' });
    expect(chooseLine(q({ cursor: 2 }), serve)).toEqual({ line: 18, kind: 'running' });
    expect(chooseLine(q({ cursor: 5, frame: { span: 2, startIndex: 3 } }), handle)).toEqual({ line: 31, kind: 'running' });
  });

  it('an event without a line keeps the frame on its last known line', () => {
    expect(chooseLine(q({ cursor: 6 }), serve)).toEqual({ line: 18, kind: 'running' });
  });

  it('an outer frame: the line that calls the next frame in, after where the frame was last seen', () => {
    expect(chooseLine(q({ cursor: 4, callee: { method: '_handle', selfCls: 'Demo', startIndex: 3 } }), serve)).toEqual({ line: 20, kind: 'calling' });
    // No line in the source calls it: the def line.
    expect(chooseLine(q({ cursor: 4, callee: { method: 'elsewhere', selfCls: 'Demo', startIndex: 3 } }), serve)).toEqual({ line: 13, kind: 'def' });
  });

  it('a trace of the port (no src_line): the def line', () => {
    expect(chooseLine(q({ cpython: false, cursor: 2 }), serve)).toEqual({ line: 13, kind: 'def' });
    expect(chooseLine(q({ frame: null }), serve)).toEqual({ line: 13, kind: 'def' });
  });

  it('ignores a src_line outside the function (another module\'s line)', () => {
    const odd: TraceEvent[] = [{ ...base, seq: 1, kind: 'select_wait', span: 1, timeout: null, src_line: 400 }];
    expect(chooseLine(q({ events: odd, cursor: 0 }), serve)).toEqual({ line: 13, kind: 'def' });
  });
});

describe('PANE-SOURCE-5 highlighting Python', () => {
  it('keywords, strings across lines, prefixes, comments, numbers and the marked name', () => {
    const lines = highlightPython('def serve(self, n=0.5):\n    """Doc\n    more"""\n    x = rb\'\\x00\' # c', { word: 'serve', line: 0 });
    expect(lines[0]?.[0]).toEqual({ text: 'def', kind: 'keyword' });
    expect(lines[0]).toContainEqual({ text: 'serve', kind: 'name' });
    expect(lines[0]).toContainEqual({ text: 'self', kind: 'keyword' });
    expect(lines[0]).toContainEqual({ text: '0.5', kind: 'number' });
    expect(lines[1]).toContainEqual({ text: '"""Doc', kind: 'string' });
    expect(lines[2]).toContainEqual({ text: '    more"""', kind: 'string' });
    expect(lines[3]).toContainEqual({ text: "rb'\\x00'", kind: 'string' });
    expect(lines[3]?.at(-1)).toEqual({ text: '# c', kind: 'comment' });
    for (const [i, l] of ['def serve(self, n=0.5):', '    """Doc', '    more"""', "    x = rb'\\x00' # c"].entries()) {
      expect(lines[i]?.map((t) => t.text).join('')).toBe(l);
    }
  });
});
