"""The line protocol between this process (and every forked child) and the runtime.

Each process opens its own connection to the runtime's Unix socket and sends JSON lines:
``hello``, ``event`` (with a ``hold`` token when the runtime may keep the thread waiting),
``created``, ``reply`` and ``state``. The runtime answers with ``cmd`` lines (parent only)
and ``release`` lines for held events."""
import json
import os
import queue
import socket as _socket_module
import threading

# The class as the socket module had it before the tracer replaced it with a traced one.
_RawSocket = _socket_module.socket


class Channel:
    """One process's connection to the runtime."""

    def __init__(self, path):
        self.path = path
        self.commands = queue.Queue()
        self._send_lock = threading.Lock()
        self._held = {}
        self._held_lock = threading.Lock()
        self._next_token = 0
        self.closed = False
        self._connect()

    def _connect(self):
        self._sock = _RawSocket(_socket_module.AF_UNIX, _socket_module.SOCK_STREAM)
        self._sock.connect(self.path)
        self.send({'type': 'hello', 'pid': os.getpid(), 'parent_pid': os.getppid()})
        reader = threading.Thread(target=self._read, name='sockscope-channel', daemon=True)
        reader._sockscope_internal = True
        reader.start()

    def send(self, message):
        line = (json.dumps(message, separators=(',', ':')) + '\n').encode()
        with self._send_lock:
            if not self.closed:
                try:
                    self._sock.sendall(line)
                except OSError:
                    self.closed = True

    def hold(self, message):
        """Sends an event the runtime may hold, and waits until it is released."""
        with self._held_lock:
            self._next_token += 1
            token = self._next_token
            waiter = threading.Event()
            self._held[token] = waiter
        message['hold'] = token
        self.send(message)
        while not waiter.wait(0.5):
            if self.closed:
                break
        with self._held_lock:
            self._held.pop(token, None)

    def _read(self):
        buffered = b''
        while True:
            try:
                chunk = self._sock.recv(65536)
            except OSError:
                chunk = b''
            if not chunk:
                self._lost()
                return
            buffered += chunk
            *lines, buffered = buffered.split(b'\n')
            for line in lines:
                if line.strip():
                    self._take(json.loads(line))

    def _take(self, message):
        if 'release' in message:
            with self._held_lock:
                waiter = self._held.get(message['release'])
            if waiter is not None:
                waiter.set()
        elif 'cmd' in message:
            self.commands.put(message)

    def _lost(self):
        self.closed = True
        with self._held_lock:
            for waiter in self._held.values():
                waiter.set()
        self.commands.put({'cmd': 'close', 'id': None, 'lost': True})

    def before_fork(self):
        self._send_lock.acquire()

    def after_fork_in_parent(self):
        self._send_lock.release()

    def after_fork_in_child(self):
        """A forked child gets a connection of its own (the inherited one is the parent's)."""
        self._send_lock = threading.Lock()
        self._held = {}
        self._held_lock = threading.Lock()
        self.commands = queue.Queue()
        # Closing the child's copy of the fd leaves the parent's connection open.
        try:
            self._sock.close()
        except OSError:
            pass
        self.closed = False
        self._connect()

    def close(self):
        with self._send_lock:
            self.closed = True
            try:
                self._sock.close()
            except OSError:
                pass
