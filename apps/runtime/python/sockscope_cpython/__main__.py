"""Entry point: ``python3 -m sockscope_cpython SOCKET_PATH``.

The runtime sends ``create`` first; the lab is built under the trace hook and described
back (``created``). Then the main thread obeys ``run``, ``clients``, ``gate``, ``shutdown``
and ``close`` until the lab is closed or the runtime goes away."""
import os
import signal
import socketserver
import sys
import traceback
import warnings

from . import instruments, labs
from .channel import Channel
from .lab import Lab
from .tracer import Tracer


def main(argv):
    if len(argv) != 2:
        sys.stderr.write('usage: python3 -m sockscope_cpython SOCKET_PATH\n')
        return 2
    # Ctrl-C in the terminal reaches the whole process group; the runtime ends the lab itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # 3.12+ warns about fork() in a threaded process; the lab forks on purpose.
    warnings.filterwarnings('ignore', message='.*fork.*', category=DeprecationWarning)
    channel = Channel(argv[1])
    files = {os.path.abspath(socketserver.__file__): 'socketserver', os.path.abspath(labs.__file__): labs.__name__}
    tracer = Tracer(channel, files)
    traced_socket = instruments.install(tracer, on_fork_child=lambda: None)
    lab = None
    while True:
        command = channel.commands.get()
        name = command['cmd']
        try:
            if name == 'create':
                tracer.gated = bool(command.get('gated'))
                tracer.install()
                lab = Lab(command['request'], tracer, traced_socket)
                lab.create()
                value = lab.summary()
            else:
                value = obey(lab, command, tracer)
            reply(channel, command, True, value)
        except BaseException as exc:
            reply(channel, command, False, '%s: %s' % (type(exc).__name__, exc))
            if name == 'create':
                sys.__stderr__.write(traceback.format_exc())
        if name == 'close':
            break
    tracer.uninstall()
    channel.close()
    if command.get('lost'):
        # The runtime is gone: nobody will shut the loop down, so do not wait for its thread.
        os._exit(1)
    return 0


def obey(lab, command, tracer):
    name = command['cmd']
    if lab is None:
        raise RuntimeError('no lab yet')
    if name == 'run':
        lab.run(command.get('mode', 'serve_forever'), command.get('count', 1))
    elif name == 'clients':
        return lab.spawn_clients(command['clients'], command['dir'], command['family'], command['transport'])
    elif name == 'gate':
        tracer.gated = bool(command['on'])
    elif name == 'shutdown':
        lab.shutdown()
    elif name == 'join_loop':
        lab.join_loop(command.get('seconds', 2))
    elif name == 'close':
        if not command.get('lost'):
            lab.close()
    else:
        raise ValueError('unknown command %r' % name)
    return lab.state


def reply(channel, command, ok, value):
    if command.get('id') is not None:
        channel.send({'type': 'reply', 'id': command['id'], 'ok': ok, 'value': value})


if __name__ == '__main__':
    sys.exit(main(sys.argv))
