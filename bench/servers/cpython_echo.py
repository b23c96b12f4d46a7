"""The benchmark's CPython reference: the stdlib socketserver serving the bench's echo.

    python3 bench/servers/cpython_echo.py --cls ThreadingTCPServer [--queue 5] [--unix PATH]

Binds 127.0.0.1 port 0 (or the Unix path), prints one JSON line with the address and the
pid, then serves for ever. It exits when stdin closes (the runner went away) or on SIGTERM.
Written for sockscope's benchmarks; it uses socketserver exactly as a user would.
"""

import argparse
import json
import os
import signal
import socketserver
import sys
import threading


class LineEcho(socketserver.StreamRequestHandler):
    """Sends every line back as it arrives, until the client closes (a persistent connection)."""

    def handle(self):
        while True:
            line = self.rfile.readline()
            if not line:
                return
            self.wfile.write(line)


class DatagramEcho(socketserver.DatagramRequestHandler):
    """Sends each datagram back; finish() does the sending."""

    def handle(self):
        self.wfile.write(self.rfile.read())


STREAM = {
    "TCPServer": socketserver.TCPServer,
    "ThreadingTCPServer": socketserver.ThreadingTCPServer,
    "ForkingTCPServer": socketserver.ForkingTCPServer,
    "UnixStreamServer": socketserver.UnixStreamServer,
    "ThreadingUnixStreamServer": socketserver.ThreadingUnixStreamServer,
}
DATAGRAM = {
    "UDPServer": socketserver.UDPServer,
    "ThreadingUDPServer": socketserver.ThreadingUDPServer,
    "ForkingUDPServer": socketserver.ForkingUDPServer,
}


def exit_when_stdin_closes():
    """The runner holds our stdin: when it goes away, so do we (no orphan servers)."""
    for _ in sys.stdin:
        pass
    os._exit(0)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cls", required=True, choices=sorted(STREAM) + sorted(DATAGRAM))
    parser.add_argument("--queue", type=int, default=5, help="request_queue_size (listen backlog)")
    parser.add_argument("--unix", help="socket path for the Unix servers")
    args = parser.parse_args()

    base = STREAM.get(args.cls) or DATAGRAM[args.cls]
    handler = LineEcho if args.cls in STREAM else DatagramEcho
    # A subclass only to set the backlog: request_queue_size is a class attribute read by server_activate().
    cls = type(args.cls, (base,), {"request_queue_size": args.queue})
    address = args.unix if "Unix" in args.cls else ("127.0.0.1", 0)
    server = cls(address, handler)

    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    bound = server.server_address
    print(json.dumps({"ready": True, "pid": os.getpid(), "address": bound if isinstance(bound, str) else list(bound)}), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
