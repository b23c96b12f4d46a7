"""sockscope's CPython backend: runs a lab on the real, unchanged standard-library
socketserver and reports what it does as sockscope trace events.

The runtime starts ``python3 -m sockscope_cpython SOCKET_PATH`` and drives it over that
Unix socket (see channel.py for the protocol)."""
