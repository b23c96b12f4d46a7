"""The tracer: a trace hook on every thread for the calls of socketserver's methods and the
lab's own classes, plus thin wrappers on the OS layer below socketserver (sockets, the
selector, threads, fork, waitpid, stderr) for the moments between the calls.

socketserver itself is loaded unchanged. The call/return/exception events come from
``sys.settrace`` + ``threading.settrace`` with line events switched off: a profile hook
(``sys.setprofile``) sees the same calls and returns, but cannot tell which exception
unwinds a frame, and the trace needs its type and message."""
import dis
import itertools
import os
import sys
import threading
import time

_RETURN_OPCODES = {dis.opmap[name] for name in ('RETURN_VALUE', 'RETURN_CONST') if name in dis.opmap}
_GENERATOR_FLAGS = 0x20 | 0x80 | 0x200  # CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR
SPAN_BLOCK = 1000000


class _Frame:
    """A traced call in progress."""

    __slots__ = ('frame', 'span', 'method', 'cls', 'exc')

    def __init__(self, frame, span, method, cls):
        self.frame = frame
        self.span = span
        self.method = method
        self.cls = cls
        self.exc = None


class Tracer:
    """Turns what the hooks see into sockscope events and sends them on the channel."""

    def __init__(self, channel, files):
        self.channel = channel
        # Source file → the module name events give as ``src_file``.
        self.files = dict(files)
        self.gated = False
        self.server_pid = os.getpid()
        self._local = threading.local()
        self._classes = {}
        # next() on an itertools.count is atomic under the GIL, so threads never share a span id.
        self._spans = itertools.count(1)
        self._span_block = 0
        self._span_blocks = itertools.count(1)
        self._next_tid = 1
        self._tid_lock = threading.Lock()
        threading.main_thread()._sockscope_tid = self._new_tid()

    # ---- ids -----------------------------------------------------------------

    def _new_tid(self):
        with self._tid_lock:
            tid = self._next_tid
            self._next_tid += 1
            return tid

    def _new_span(self):
        return self._span_block * SPAN_BLOCK + next(self._spans)

    def reserve_span_block(self):
        """A fresh block of span ids for a forked child (taken in the parent, before the fork)."""
        return next(self._span_blocks)

    def enter_child(self, block):
        self._span_block = block
        self._spans = itertools.count(1)

    # ---- thread state --------------------------------------------------------

    def _stack(self):
        stack = getattr(self._local, 'stack', None)
        if stack is None:
            stack = self._local.stack = []
        return stack

    def traced_thread(self):
        thread = threading.current_thread()
        if getattr(thread, '_sockscope_internal', False):
            return None
        return thread

    # ---- emission ------------------------------------------------------------

    def emit(self, kind, fields, holdable=True, frame_state=None):
        thread = self.traced_thread()
        if thread is None or self.channel.closed:
            return
        tid = getattr(thread, '_sockscope_tid', None)
        if tid is None:
            tid = thread._sockscope_tid = self._new_tid()
        stack = self._stack()
        if frame_state is not None:
            span = frame_state.span
            below = stack[:-1] if stack and stack[-1] is frame_state else stack
            parent = below[-1].span if below else None
            line = frame_state.frame.f_code.co_firstlineno if kind == 'call' else _line(frame_state.frame)
        else:
            span = stack[-1].span if stack else None
            parent = stack[-2].span if len(stack) > 1 else None
            line = _line(stack[-1].frame) if stack else None
        event = {
            'kind': kind,
            't_ns': time.monotonic_ns(),
            'pid': os.getpid(),
            'tid': tid,
            'thread': thread.name,
            'span': span,
            'parent_span': parent,
        }
        if line is not None:
            event['src_line'] = line
        event.update(fields)
        message = {'type': 'event', 'event': event}
        if holdable and self.gated:
            self.channel.hold(message)
        else:
            self.channel.send(message)

    def in_call(self):
        """Whether this thread is inside a traced method (socket moments outside one are a client's)."""
        return bool(self._stack())

    # ---- the trace hook ------------------------------------------------------

    def install(self):
        sys.settrace(self._global)
        threading.settrace(self._global)

    def uninstall(self):
        sys.settrace(None)
        threading.settrace(None)

    def _global(self, frame, event, arg):
        if event != 'call':
            return None
        code = frame.f_code
        module = self.files.get(code.co_filename)
        if module is None or code.co_name.startswith('<') or code.co_flags & _GENERATOR_FLAGS:
            return None
        if code.co_argcount == 0 or code.co_varnames[0] != 'self' or self.traced_thread() is None:
            return None
        owner = frame.f_locals.get('self')
        cls = self._defining_class(type(owner), code)
        if cls is None:
            return None
        state = _Frame(frame, self._new_span(), code.co_name, cls)
        self._stack().append(state)
        fields = {'method': code.co_name, 'cls': cls, 'self_cls': type(owner).__name__, 'src_file': module}
        self.emit('call', fields, holdable=True, frame_state=state)
        frame.f_trace_lines = False
        return self._local_hook(state)

    def _local_hook(self, state):
        def hook(frame, event, arg):
            if event == 'exception':
                state.exc = arg
            elif event == 'return':
                self._returned(state, arg)
            return hook

        return hook

    def _returned(self, state, value):
        normal = value is not None or state.exc is None or _returns_normally(state.frame)
        fields = {'method': state.method, 'cls': state.cls}
        if normal:
            self.emit('return', fields, holdable=True, frame_state=state)
        else:
            exc_type, exc, _tb = state.exc
            fields['exc_type'] = exc_type.__name__
            fields['message'] = str(exc)
            self.emit('exception', fields, holdable=True, frame_state=state)
        stack = self._stack()
        if stack and stack[-1] is state:
            stack.pop()
        elif state in stack:
            stack.remove(state)

    def _defining_class(self, klass, code):
        key = (klass, code)
        if key not in self._classes:
            self._classes[key] = _find_class(klass, code)
        return self._classes[key]


def _find_class(klass, code):
    for base in getattr(klass, '__mro__', ()):
        function = vars(base).get(code.co_name)
        function = getattr(function, '__func__', function)
        if getattr(function, '__code__', None) is code:
            return base.__name__
    return None


def _returns_normally(frame):
    code = frame.f_code.co_code
    at = frame.f_lasti
    return 0 <= at < len(code) and code[at] in _RETURN_OPCODES


def _line(frame):
    try:
        return frame.f_lineno
    except Exception:  # a frame that has finished has no line
        return None
