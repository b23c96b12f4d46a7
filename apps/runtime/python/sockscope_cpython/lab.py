"""One lab on CPython: builds the server class from the runtime's request, creates the
server with the options applied before it binds, and obeys the runtime's commands (run,
clients, shutdown, close) from the main thread, as the port's Lab does."""
import socket
import socketserver
import threading
import time

from . import labs

SERVER_ATTRIBUTES = (
    'daemon_threads', 'block_on_close', 'timeout', 'max_children', 'request_queue_size',
    'allow_reuse_address', 'allow_reuse_port', 'max_packet_size', 'handler_delay_ms',
)
PUBLIC_CLASSES = (
    'BaseServer', 'TCPServer', 'UDPServer', 'UnixStreamServer', 'UnixDatagramServer', 'ThreadingMixIn',
    'ForkingMixIn', 'ThreadingTCPServer', 'ThreadingUDPServer', 'ThreadingUnixStreamServer',
    'ThreadingUnixDatagramServer', 'ForkingTCPServer', 'ForkingUDPServer', 'ForkingUnixStreamServer',
    'ForkingUnixDatagramServer',
)
RECV_TIMEOUT = 10
# Seconds close() waits for scripted clients still taking their last reply.
CLIENT_GRACE = 1.0


# Python 3.12 added these two; on older versions they are composed the way 3.12 declares them.
COMPOSED_BEFORE_3_12 = {
    'ForkingUnixStreamServer': ('ForkingMixIn', 'UnixStreamServer'),
    'ForkingUnixDatagramServer': ('ForkingMixIn', 'UnixDatagramServer'),
}


def public_classes():
    known = {name: getattr(socketserver, name) for name in PUBLIC_CLASSES if hasattr(socketserver, name)}
    for name, bases in COMPOSED_BEFORE_3_12.items():
        if name not in known:
            known[name] = type(name, tuple(getattr(socketserver, b) for b in bases), {'__module__': 'socketserver'})
    return known


def server_class(request):
    """The class the request names, or one composed from its bases (Python's own C3 decides)."""
    known = public_classes()
    mixins = [_lookup(labs.SERVER_MIXINS, name, 'server mixin') for name in request.get('server_mixins') or []]
    if request.get('bases'):
        bases = [_lookup({**known, **labs.SERVER_MIXINS}, name, 'base class') for name in request['bases']]
        return type(request.get('class_name') or 'CustomServer', tuple(mixins + bases), {})
    base = _lookup(known, request.get('server') or '', 'server class')
    if mixins:
        name = request.get('class_name') or ''.join(m.__name__ for m in mixins) + base.__name__
        return type(name, tuple(mixins + [base]), {})
    return base


def _lookup(table, name, what):
    if name not in table:
        raise ValueError('unknown %s %r; known: %s' % (what, name, ', '.join(table)))
    return table[name]


def resolution(cls):
    """Method name → the class whose implementation runs, for every method of the MRO."""
    table = {}
    for base in cls.__mro__:
        if base is object:
            continue
        for name, value in vars(base).items():
            if callable(value) and not isinstance(value, type) and name not in table:
                table[name] = base.__name__
    return dict(sorted(table.items()))


def describe(cls):
    return [c.__name__ for c in cls.__mro__], resolution(cls)


class Lab:
    """The lab the runtime drives."""

    def __init__(self, request, tracer, traced_socket):
        self.request = request
        self.tracer = tracer
        self.socket_class = traced_socket
        self.cls = server_class(request)
        self.handler = labs.HANDLERS[request['handler']]
        self.server = None
        self.loop = None
        self.state = 'created'
        self.mode = None
        self.error = None
        self.clients = 0
        self.client_threads = []

    def create(self):
        """Creates the server (bind + listen) under the trace hook."""
        address = self.request['address']
        if isinstance(address, list):
            address = tuple(address)
        server = self.cls.__new__(self.cls)
        options = self.request.get('options') or {}
        for key in SERVER_ATTRIBUTES:
            if options.get(key) is not None:
                setattr(server, key, options[key])
        server.sandbox_dir = self.request.get('sandbox_dir', '')
        server.__init__(address, self.handler)
        self.server = server

    def summary(self):
        mro, table = describe(self.cls)
        handler_mro, handler_table = describe(self.handler)
        bound = self.server.server_address
        return {
            'server_class': self.cls.__name__, 'mro': mro, 'resolution': table,
            'handler_class': self.handler.__name__, 'handler_mro': handler_mro, 'handler_resolution': handler_table,
            'address': list(bound) if isinstance(bound, tuple) else bound,
            'family': 'AF_UNIX' if self.server.address_family == socket.AF_UNIX else 'AF_INET',
            'transport': 'datagram' if self.server.socket_type == socket.SOCK_DGRAM else 'stream',
        }

    def run(self, mode, count):
        if self.state != 'created':
            raise RuntimeError('only a new lab can be run')
        self.mode, self.state = mode, 'serving'
        poll = (self.request.get('options') or {}).get('poll_interval', 0.5)

        def loop():
            try:
                if mode == 'serve_forever':
                    self.server.serve_forever(poll)
                else:
                    for _ in range(count):
                        if self.state != 'serving':
                            break
                        self.server.handle_request()
                if self.state == 'serving':
                    self.state = 'stopped'
            except BaseException as exc:  # the runtime shows why the loop died
                self.state, self.error = 'failed', '%s: %s' % (type(exc).__name__, exc)
            self.tracer.channel.send({'type': 'state', 'state': self.state, 'error': self.error})

        loop.__name__ = mode  # the thread is named "Thread-1 (serve_forever)", as in the port
        self.loop = threading.Thread(target=loop)
        self.loop.start()

    def spawn_clients(self, specs, client_dir, family, transport):
        started = []
        for spec in specs:
            self.clients += 1
            n = self.clients
            client = threading.Thread(
                target=self._client, args=(spec, n, client_dir, family, transport), name='client-%d' % n, daemon=True,
            )
            client.start()
            self.client_threads.append(client)
            started.append(n)
        return started

    def _client(self, spec, n, client_dir, family, transport):
        time.sleep((spec.get('start_ms') or 0) / 1000)
        kind = socket.SOCK_STREAM if transport == 'stream' else socket.SOCK_DGRAM
        sock = self.socket_class(socket.AF_UNIX if family == 'AF_UNIX' else socket.AF_INET, kind)
        sock.settimeout(RECV_TIMEOUT)
        target = self.server.server_address
        try:
            if transport == 'stream':
                sock.connect(target)
            elif family == 'AF_UNIX':
                sock.bind('%s/client-%d.sock' % (client_dir, n))
            for step in spec.get('steps') or []:
                self._step(sock, step, target, transport)
        finally:
            sock.close()

    def _step(self, sock, step, target, transport):
        verb = step[0]
        if verb == 'send':
            data = step[1].encode()
            if transport == 'stream':
                sock.sendall(data)
            else:
                sock.sendto(data, target)
        elif verb == 'recv':
            if transport == 'stream':
                sock.recv(65536)
            else:
                sock.recvfrom(65536)
        elif verb == 'sleep_ms':
            time.sleep(step[1] / 1000)
        elif verb == 'shut_wr' and transport == 'stream':
            sock.shutdown(socket.SHUT_WR)
        elif verb == 'close':
            sock.close()

    def shutdown(self):
        if self.state != 'serving':
            return
        self.state = 'shutting_down'
        if self.mode == 'serve_forever':
            self.server.shutdown()
        self.state = 'stopped'

    def close(self):
        if self.state == 'closed':
            return
        self.tracer.gated = False
        self.shutdown()
        self.server.server_close()
        if self.loop is not None:
            self.loop.join(5)
        # A reply sent while server_close joined the workers is still on its way: let the
        # scripted clients take it. Polled, not joined (a join would be a trace event), and bounded.
        deadline = time.monotonic() + CLIENT_GRACE
        while any(t.is_alive() for t in self.client_threads) and time.monotonic() < deadline:
            time.sleep(0.005)
        self.state = 'closed'

    def join_loop(self, seconds):
        if self.loop is not None:
            self.loop.join(seconds)
