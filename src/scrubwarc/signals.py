"""Stop signals: SIGTERM and SIGHUP end a run as Ctrl-C does, and workers die with their parent.

A run that is told to stop (Ctrl-C, ``kill``, a closed terminal, a service manager) drops
the record in hand, removes its partial files and exits ``128 + signal number`` (130, 143,
129), as shells report a process a signal ended. :func:`stop_signals_raise` turns SIGTERM and
SIGHUP into :class:`Interrupted`, a ``KeyboardInterrupt``, so every ``except
KeyboardInterrupt`` cleanup also runs for them. :func:`die_with_parent` makes a worker
process end when its parent does, however the parent ends (SIGKILL included), so no worker
is left blocked on a pipe that nobody reads. Library code installs no handler by itself:
the command line does.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from types import FrameType

__all__ = [
    "STOP_SIGNALS",
    "Interrupted",
    "deferred",
    "die_with_parent",
    "exit_code",
    "kill_on_parent_death",
    "signal_name",
    "stop_signals_raise",
]

# Ctrl-C, kill's default, and a terminal hang-up; SIGHUP does not exist on Windows.
STOP_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_WATCH_SECONDS = 0.5


class Interrupted(KeyboardInterrupt):
    """A stop signal other than Ctrl-C, raised where the main thread was when it came.

    >>> exc = Interrupted(signal.SIGTERM)
    >>> isinstance(exc, KeyboardInterrupt), exc.signum, exit_code(exc)
    (True, 15, 143)
    """

    def __init__(self, signum: int) -> None:
        self.signum = int(signum)
        super().__init__(signal_name(signum))


def signal_name(signum: int) -> str:
    """``SIGTERM`` for 15: what a status line calls the signal.

    >>> signal_name(signal.SIGHUP), signal_name(200)
    ('SIGHUP', 'signal 200')
    """
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


def exit_code(exc: KeyboardInterrupt) -> int:
    """The exit code for a stop: 128 plus the signal's number; Ctrl-C (SIGINT) gives 130.

    >>> exit_code(KeyboardInterrupt()), exit_code(Interrupted(signal.SIGHUP))
    (130, 129)
    """
    return 128 + getattr(exc, "signum", signal.SIGINT)


def _in_main_thread() -> bool:
    """Whether this is the thread where Python runs signal handlers (and may set them).

    ``threading`` is not imported for this (the pre-commit hook would pay for it on every
    commit): threads are started through it (pools, libraries), so until something has
    imported it, the main thread is the only one running Python.
    """
    threading = sys.modules.get("threading")
    return threading is None or threading.current_thread() is threading.main_thread()


def _raise(signum: int, frame: object) -> None:
    raise Interrupted(signum)


@contextlib.contextmanager
def stop_signals_raise() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise :class:`Interrupted` in the main thread.

    Ctrl-C keeps Python's own ``KeyboardInterrupt``. The previous handlers come back on exit.
    Outside the main thread (where Python cannot set handlers) this does nothing.
    """
    if not _in_main_thread():
        yield
        return
    previous = {}
    for sig in STOP_SIGNALS:
        if sig != signal.SIGINT:
            previous[sig] = signal.signal(sig, _raise)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold the stop signals until the block is done, then deliver them.

    For the few steps that must not be cut in two, such as writing a temporary file and
    renaming it, or removing one: an interrupt in between would leave it behind. The signals
    are blocked for this thread; in the main thread the Python handlers are held too, since
    the kernel may hand a process-wide signal to another thread the mask does not cover (a
    native thread that a library such as numpy started), and Python then runs the handler
    in the main thread all the same.
    """
    held: list[int] = []
    previous: dict[int, Callable[[int, FrameType | None], object]] = {}
    if _in_main_thread():
        for sig in STOP_SIGNALS:
            handler = signal.getsignal(sig)
            if callable(handler):
                previous[sig] = handler
                signal.signal(sig, lambda signum, frame: held.append(signum))
    mask = None
    if hasattr(signal, "pthread_sigmask"):
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # what was pending is held now
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if held:
            previous[held[0]](held[0], None)


def die_with_parent(parent: int | None) -> None:
    """Make this worker process end when its parent process ends, however that ends.

    Called first thing in a worker (a pool's initializer) with the parent's pid when the
    worker is its direct child (fork or spawn), else None. On Linux the kernel kills the
    worker when the parent dies (``PR_SET_PDEATHSIG``); elsewhere a watchdog thread exits
    it once it has been handed to another parent. Ctrl-C and a hang-up reach the whole
    process group: the worker ignores them and leaves the decision to its parent.
    """
    for sig in STOP_SIGNALS:
        if sig != signal.SIGTERM:  # the parent stops its workers with SIGTERM
            signal.signal(sig, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the handler inherited by fork
    start = os.getppid()
    if not kill_on_parent_death():
        import threading  # lazy: a worker outside Linux only

        threading.Thread(target=_watch_parent, args=(start,), daemon=True).start()
    if parent is not None and start != parent:  # the parent died before we could ask
        os._exit(1)


def kill_on_parent_death() -> bool:
    """Ask Linux to SIGKILL this process when its parent dies; False where that is unknown.

    Also a ``preexec_fn`` for a child that must not outlive its parent (it holds across exec).
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # lazy: workers only

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(start: int) -> None:
    """Exit this process once its parent is gone: it is then re-parented, to init or a reaper."""
    while os.getppid() == start:
        time.sleep(_WATCH_SECONDS)
    os._exit(1)
