"""Processes a notebook starts: find them all, and kill them all, even those that hid.

A notebook's code can fork, start a new session, or kill the process that
watches it.  Two Linux features keep track of everything anyway:

- a *child subreaper* (:func:`set_subreaper`) inherits every orphan below it,
  so a process that double-forked into its own session comes back as its child;
- a *parent-death signal* (:func:`die_with_parent`) kills a process the moment
  the one that started it dies.

:func:`kill_tree` freezes and kills every descendant of a process, round after
round, until none is left; :class:`ProcessGuard` does the same for whatever a
killed worker left behind.  The process table is read from ``/proc``: on other
systems (macOS) only the worker's own session is killed, and Windows is not
covered.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

__all__ = ["set_subreaper", "set_dumpable", "die_with_parent", "descendants", "kill_tree", "ProcessGuard"]

_PR_SET_PDEATHSIG = 1
_PR_SET_DUMPABLE = 4
_PR_SET_CHILD_SUBREAPER = 36


def _prctl(option: int, value: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def set_subreaper(on: bool = True) -> bool:
    """Make orphaned descendants of this process its children (Linux only); True if it worked."""
    return _prctl(_PR_SET_CHILD_SUBREAPER, 1 if on else 0)


def set_dumpable(on: bool) -> bool:
    """Linux: with ``on=False``, other processes of the same user can no longer look into this one
    (``/proc/PID/cwd``, ``fd``, ``environ``, ``mem`` become root's), so one notebook cannot find or
    read another's pipes, folders or memory.
    """
    return _prctl(_PR_SET_DUMPABLE, 1 if on else 0)


def die_with_parent() -> bool:
    """Be killed the moment the parent process dies (Linux only), so nothing runs unwatched."""
    return sys.platform.startswith("linux") and _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _parents() -> dict[int, int]:
    """pid -> parent pid of every process (read from /proc; empty where there is none)."""
    table: dict[int, int] = {}
    if os.path.isdir("/proc/self"):
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                with open(f"/proc/{name}/stat", "rb") as handle:
                    text = handle.read()
                table[int(name)] = int(text[text.rindex(b")") + 2:].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    return table


def descendants(pid: int) -> list[int]:
    """Every living descendant of ``pid`` (children first)."""
    parents = _parents()
    children: dict[int, list[int]] = {}
    for child, parent in parents.items():
        children.setdefault(parent, []).append(child)
    found, queue = [], list(children.get(pid, []))
    while queue:
        current = queue.pop(0)
        found.append(current)
        queue.extend(children.get(current, []))
    return found


def _reap(pids: list[int]) -> None:
    """Collect the exit status of those of ``pids`` that are our finished children (no zombies)."""
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except (ChildProcessError, OSError):
            pass


def kill_tree(pid: int, *, include_self: bool = False, keep: set[int] = frozenset(), rounds: int = 50) -> int:
    """Stop and kill every descendant of ``pid`` (not those in ``keep``, nor their descendants).

    Repeats until none is left, so children forked while the others are being
    killed are caught too.  Returns how many processes were signalled.
    """
    if os.name != "posix":
        return 0
    killed = 0
    for _ in range(rounds):
        parents = _parents()
        children: dict[int, list[int]] = {}
        for child, parent in parents.items():
            children.setdefault(parent, []).append(child)
        targets, queue = [], [c for c in children.get(pid, []) if c not in keep]
        while queue:
            current = queue.pop(0)
            targets.append(current)
            queue.extend(children.get(current, []))
        if include_self and pid in parents:
            targets.append(pid)
        living = [t for t in targets if not _is_zombie(t)]
        _reap(targets)
        if not living:
            break
        for target in living:           # freeze first, so none can fork away while we work
            _signal(target, signal.SIGSTOP)
        for target in living:
            _signal(target, signal.SIGKILL)
        killed += len(living)
        time.sleep(0.02)
        _reap(living)
    return killed


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            text = handle.read()
        return text[text.rindex(b")") + 2:].split()[0] in (b"Z", b"X")
    except (OSError, ValueError):
        return not os.path.isdir("/proc/self")  # without /proc, assume alive


def _signal(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


class ProcessGuard:
    """Makes this process the subreaper of the workers it starts, and kills what they leave behind.

    A notebook that kills its worker leaves its kernel (and whatever it forked)
    without a parent; as subreaper this process inherits them, and
    :meth:`sweep` kills every child that is neither a running worker nor one this
    process had before the guard was made.  Use as a context manager.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.workers: set[int] = set()
        self.before = {pid for pid, parent in _parents().items() if parent == os.getpid()}
        self.active = set_subreaper(True)

    def sweep(self) -> int:
        with self.lock:
            return kill_tree(os.getpid(), keep=self.workers | self.before)

    def close(self) -> None:
        self.sweep()
        if self.active:
            set_subreaper(False)
            self.active = False

    def __enter__(self) -> "ProcessGuard":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
