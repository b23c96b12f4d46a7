"""Thin wrappers on the layer below socketserver: they report the moments the trace hook
cannot see (bytes in and out, accept, select, thread spawn/join, fork, child exit, reap,
stderr). socketserver's own code is not touched; it finds these through the modules it
already uses (``socket.socket``, ``os.fork``, ``selectors``, ``threading.Thread``)."""
import os
import socket
import sys
import threading

PREVIEW_BYTES = 48
_FAMILIES = {socket.AF_INET: 'AF_INET', socket.AF_INET6: 'AF_INET6', socket.AF_UNIX: 'AF_UNIX'}
_TYPES = {socket.SOCK_STREAM: 'SOCK_STREAM', socket.SOCK_DGRAM: 'SOCK_DGRAM'}
_HOWS = {socket.SHUT_RD: 'SHUT_RD', socket.SHUT_WR: 'SHUT_WR', socket.SHUT_RDWR: 'SHUT_RDWR'}


def preview(data):
    """The bytes as Python shows them, cut after PREVIEW_BYTES (the port does the same)."""
    data = bytes(data)
    return repr(data[:PREVIEW_BYTES]) + ('...' if len(data) > PREVIEW_BYTES else '')


def address(addr):
    """A socket address as the trace schema has it."""
    if addr is None or isinstance(addr, str):
        return addr
    if isinstance(addr, bytes):
        return addr.decode(errors='replace')
    return list(addr)


def install(tracer, on_fork_child):
    """Puts every wrapper in place; returns the traced socket class (clients use it too)."""
    traced_socket = _socket_class(tracer)
    socket.socket = traced_socket
    _wrap_selectors(tracer)
    _wrap_threads(tracer)
    _wrap_os(tracer, on_fork_child)
    sys.stderr = _StderrEvents(tracer, sys.stderr)
    return traced_socket


def _socket_class(tracer):
    raw = socket.socket

    class socket_(raw):
        """socket.socket, reporting what it does."""

        __slots__ = ('_sockscope_role', '_sockscope_closed')

        def _role(self):
            return getattr(self, '_sockscope_role', 'client')

        def bind(self, addr):
            super().bind(addr)
            if tracer.in_call():
                self._sockscope_role = 'server'
            tracer.emit('bind', {
                'fd': self.fileno(), 'family': _FAMILIES.get(self.family, 'AF_INET'),
                'socket_type': _TYPES.get(self.type, 'SOCK_STREAM'),
                'requested': address(addr), 'address': address(self.getsockname()),
            })

        def listen(self, backlog=128):
            super().listen(backlog)
            tracer.emit('listen', {'fd': self.fileno(), 'backlog': backlog})

        def accept(self):
            conn, client = super().accept()
            conn._sockscope_role = 'connection'
            tracer.emit('accept', {'fd': self.fileno(), 'conn_fd': conn.fileno(), 'client_address': address(client)})
            return conn, client

        def connect(self, addr):
            super().connect(addr)
            tracer.emit('connect', {'fd': self.fileno(), 'address': address(addr), 'local_address': address(self.getsockname())})

        def recv(self, size, flags=0):
            data = super().recv(size, flags)
            tracer.emit('recv', {'fd': self.fileno(), 'nbytes': len(data), 'preview': preview(data)})
            return data

        def recv_into(self, buffer, nbytes=0, flags=0):
            count = super().recv_into(buffer, nbytes, flags)
            tracer.emit('recv', {'fd': self.fileno(), 'nbytes': count, 'preview': preview(memoryview(buffer)[:count])})
            return count

        def recvfrom(self, size, flags=0):
            data, peer = super().recvfrom(size, flags)
            tracer.emit('recv', {'fd': self.fileno(), 'nbytes': len(data), 'preview': preview(data), 'peer': address(peer)})
            return data, peer

        def send(self, data, flags=0):
            sent = super().send(data, flags)
            tracer.emit('send', {'fd': self.fileno(), 'nbytes': sent, 'preview': preview(memoryview(data)[:sent])})
            return sent

        def sendall(self, data, flags=0):
            super().sendall(data, flags)
            tracer.emit('send', {'fd': self.fileno(), 'nbytes': len(data), 'preview': preview(data)})

        def sendto(self, data, *args):
            sent = super().sendto(data, *args)
            tracer.emit('send', {'fd': self.fileno(), 'nbytes': sent, 'preview': preview(data), 'peer': address(args[-1])})
            return sent

        def shutdown(self, how):
            fd = self.fileno()
            super().shutdown(how)
            tracer.emit('socket_shutdown', {'fd': fd, 'how': _HOWS.get(how, 'SHUT_RDWR')})

        def close(self):
            fd = self.fileno()
            super().close()
            if fd >= 0 and not getattr(self, '_sockscope_closed', False):
                self._sockscope_closed = True
                tracer.emit('close', {'fd': fd, 'role': self._role()}, holdable=False)

    socket_.__name__ = socket_.__qualname__ = 'socket'
    return socket_


def _wrap_selectors(tracer):
    import selectors

    owners = set()
    for name in ('PollSelector', 'SelectSelector', 'EpollSelector', 'DevpollSelector', 'KqueueSelector'):
        cls = getattr(selectors, name, None)
        # select() may be inherited (PollSelector's comes from a private base): wrap where it is defined.
        owner = next((c for c in getattr(cls, '__mro__', ()) if 'select' in vars(c)), None)
        if owner is not None and owner not in owners:
            owners.add(owner)
            owner.select = _traced_select(tracer, vars(owner)['select'])


def _traced_select(tracer, select):
    def traced(self, timeout=None):
        if not tracer.in_call():
            return select(self, timeout)
        tracer.emit('select_wait', {'timeout': timeout})
        ready = select(self, timeout)
        if ready:
            for key, _events in ready:
                tracer.emit('select_ready', {'fd': key.fd})
        else:
            tracer.emit('select_timeout', {})
        return ready

    return traced


def _wrap_threads(tracer):
    start, join, run = threading.Thread.start, threading.Thread.join, threading.Thread.run

    def traced_start(self):
        if getattr(self, '_sockscope_internal', False) or tracer.traced_thread() is None:
            return start(self)
        self._sockscope_tid = tracer._new_tid()
        tracer.emit('thread_spawn', {'child_tid': self._sockscope_tid, 'child_name': self.name, 'daemon': self.daemon}, holdable=False)
        return start(self)

    def traced_run(self):
        if getattr(self, '_sockscope_internal', False):
            return run(self)
        tracer.emit('thread_start', {'daemon': self.daemon})
        try:
            run(self)
        except SystemExit:
            pass
        except BaseException:
            # What threading would print for an uncaught exception, before the thread's end.
            threading.excepthook(threading.ExceptHookArgs((*sys.exc_info(), self)))
        finally:
            tracer.emit('thread_exit', {}, holdable=False)

    def traced_join(self, timeout=None):
        join(self, timeout)
        if getattr(self, '_sockscope_tid', None) is not None and not self.is_alive():
            tracer.emit('thread_join', {'joined_tid': self._sockscope_tid, 'joined_name': self.name})

    threading.Thread.start = traced_start
    threading.Thread.run = traced_run
    threading.Thread.join = traced_join


def _wrap_os(tracer, on_fork_child):
    fork, exit_, waitpid = os.fork, os._exit, os.waitpid

    def traced_fork():
        block = tracer.reserve_span_block()
        tracer.channel.before_fork()
        parent = os.getpid()
        try:
            pid = fork()
        except BaseException:
            tracer.channel.after_fork_in_parent()
            raise
        if pid:
            tracer.channel.after_fork_in_parent()
            tracer.emit('fork', {'child_pid': pid})
        else:
            tracer.channel.after_fork_in_child()
            tracer.enter_child(block)
            on_fork_child()
            tracer.emit('child_start', {'parent_pid': parent})
        return pid

    def traced_exit(status):
        if os.getpid() != tracer.server_pid:
            tracer.emit('child_exit', {'status': status}, holdable=False)
            tracer.channel.close()
        exit_(status)

    def traced_waitpid(pid, options):
        done, status = waitpid(pid, options)
        if done:
            tracer.emit('reap', {'child_pid': done, 'status': exit_code(status)})
        return done, status

    os.fork = traced_fork
    os._exit = traced_exit
    os.waitpid = traced_waitpid


def exit_code(status):
    """os.waitstatus_to_exitcode, which Python 3.8 lacks."""
    if os.WIFEXITED(status):
        return os.WEXITSTATUS(status)
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return status


class _StderrEvents:
    """sys.stderr for the lab: each finished line (or group of lines) is a ``stderr`` event."""

    def __init__(self, tracer, real):
        self._tracer = tracer
        self._real = real
        self._pending = threading.local()

    def write(self, text):
        if self._tracer.traced_thread() is None:
            return self._real.write(text)
        pending = getattr(self._pending, 'text', '') + text
        if pending.endswith('\n'):
            self._pending.text = ''
            self._tracer.emit('stderr', {'text': pending}, holdable=False)
        else:
            self._pending.text = pending
        return len(text)

    def flush(self):
        pending = getattr(self._pending, 'text', '')
        if pending:
            self._pending.text = ''
            self._tracer.emit('stderr', {'text': pending}, holdable=False)

    def __getattr__(self, name):
        return getattr(self._real, name)
