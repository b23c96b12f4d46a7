"""The request handlers and server mixin a lab can name, written for CPython the way
apps/runtime/src/labs/handlers.ts writes them for the port (same names, same behaviour).
Their methods are traced like socketserver's, so only classes live in this module."""
import json
import os
import socketserver
import time


class EchoHandler(socketserver.BaseRequestHandler):
    """Receives once and sends it back."""

    def handle(self):
        data = self.request.recv(1024)
        self.request.sendall(data)


class UpperHandler(socketserver.BaseRequestHandler):
    """Sends back what it received, upper-cased."""

    def handle(self):
        data = self.request.recv(1024)
        self.request.sendall(data.upper())


class SlowEchoHandler(socketserver.BaseRequestHandler):
    """Receives, waits handler_delay_ms, sends back: makes concurrency visible."""

    def handle(self):
        data = self.request.recv(1024)
        time.sleep(getattr(self.server, 'handler_delay_ms', 200) / 1000)
        self.request.sendall(data)


class CrashHandler(socketserver.BaseRequestHandler):
    """Raises ValueError for a payload that starts with b'crash', else echoes."""

    def handle(self):
        data = self.request.recv(1024)
        if data.startswith(b'crash'):
            raise ValueError('cannot handle ' + json.dumps(data.decode('utf-8', 'replace'), ensure_ascii=False))
        self.request.sendall(data)


class StreamEchoHandler(socketserver.StreamRequestHandler):
    """Echoes lines until the client closes."""

    def handle(self):
        while True:
            line = self.rfile.readline()
            if not line:
                return
            self.wfile.write(line)


class DgramEchoHandler(socketserver.DatagramRequestHandler):
    """Echoes each datagram."""

    def handle(self):
        self.wfile.write(self.rfile.read())


class DgramCrashHandler(socketserver.DatagramRequestHandler):
    """Raises for b'crash...'; finish still sends what was written."""

    def handle(self):
        data = self.rfile.read()
        if data.startswith(b'crash'):
            raise ValueError('cannot handle ' + json.dumps(data.decode('utf-8', 'replace'), ensure_ascii=False))
        self.wfile.write(data)


class FileTransferHandler(socketserver.StreamRequestHandler):
    """list | put NAME SIZE | get NAME over a per-lab folder (the port's protocol)."""

    MAX_UPLOAD_BYTES = 16 * 1024 * 1024

    def handle(self):
        folder = getattr(self.server, 'sandbox_dir', '')
        os.makedirs(folder, exist_ok=True)
        while True:
            line = self.rfile.readline(4096).decode('utf-8', 'replace')
            if line == '':
                return
            self.wfile.write(self.command(folder, line.split()))

    def command(self, folder, words):
        verb, name, size = (words + [None, None, None])[:3]
        if verb == 'list':
            files = os.listdir(folder)
            listing = ''.join('%s %d\n' % (f, os.path.getsize(os.path.join(folder, f))) for f in files)
            return ('ok %d\n%s' % (len(files), listing)).encode()
        path = sandboxed(folder, name) if name is not None else None
        if verb == 'put' and name is not None:
            if size is None or not size.isdigit() or int(size) > self.MAX_UPLOAD_BYTES:
                return b'error bad size\n'
            data = self.rfile.read(int(size))
            if len(data) != int(size):
                return b'error short upload\n'
            if path is None:
                return ('error refused name %s\n' % name).encode()
            with open(path, 'wb') as f:
                f.write(data)
            return ('ok %s %s\n' % (name, size)).encode()
        if verb == 'get' and path is not None:
            try:
                with open(path, 'rb') as f:
                    data = f.read()
            except OSError:
                return ('error no such file %s\n' % name).encode()
            return ('ok %d\n' % len(data)).encode() + data
        if verb == 'get' and name is not None:
            return ('error refused name %s\n' % name).encode()
        return b'error usage: list | put NAME SIZE | get NAME\n'


def sandboxed(folder, name):
    """folder/name if name is a plain file name that stays inside folder, else None."""
    allowed = name not in ('.', '..') and 0 < len(name) <= 100
    allowed = allowed and all(c.isascii() and (c.isalnum() or c in '._-') for c in name)
    return os.path.join(folder, name) if allowed else None


class RejectAll:
    """A server mixin whose verify_request refuses every request."""

    def verify_request(self, request, client_address):
        return False


HANDLERS = {
    'echo': EchoHandler,
    'upper': UpperHandler,
    'slow_echo': SlowEchoHandler,
    'crash': CrashHandler,
    'stream_echo': StreamEchoHandler,
    'dgram_echo': DgramEchoHandler,
    'dgram_crash': DgramCrashHandler,
    'file_transfer': FileTransferHandler,
}

SERVER_MIXINS = {'RejectAll': RejectAll}
