"""Private folders a killed service left behind: marked with their owner, removed by the next start.

A running service keeps folders of its own: the checkpoints its query workers read (beside an
on-disk store, or in the temporary directory), and, for a store in memory, a private on-disk
copy of that store (``kg-serve-*``, as large as the data). A clean stop removes them; a SIGKILL,
an out-of-memory kill or a power cut cannot, and each such start would leave another copy.

So each folder gets an owner file naming the process that made it: its pid and the kernel's
start time of that process (``/proc/PID/stat``), so that a pid the system has since given to
another process does not pass for the owner. A later start removes every such folder whose
owner is gone. A folder without an owner file (made by someone else, or by an older version) is
never touched, and on a system without ``/proc`` nothing is marked or removed.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger("kg.api")

#: The owner file's name inside each private folder.
OWNER_FILE = ".kg-owner"
#: The name prefixes of the service's private folders.
PREFIXES = ("kg-serve-", "kg-snapshots-", ".kg-snapshots-")


def mark_owned(folder: Path) -> None:
    """Write the owner file of a folder this process just made (nothing without ``/proc``)."""
    started = _start_time(os.getpid())
    if started is not None:
        (folder / OWNER_FILE).write_text(f"{os.getpid()} {started}\n", encoding="ascii")


def remove_abandoned(parents: Iterable[Path]) -> list[Path]:
    """Remove the private folders in ``parents`` whose owner process is gone; return them."""
    removed = []
    for parent in dict.fromkeys(parents):
        try:
            candidates = [p for p in parent.iterdir() if p.name.startswith(PREFIXES)]
        except OSError:
            continue
        for folder in sorted(candidates):
            if folder.is_dir() and not folder.is_symlink() and _owner_gone(folder):
                shutil.rmtree(folder, ignore_errors=True)
                log.warning("removed %s, left behind by a service that is not running", folder)
                removed.append(folder)
    return removed


def _owner_gone(folder: Path) -> bool:
    """Whether the folder's owner file names a process that no longer runs (``False`` when
    there is no readable owner file: then it is not ours to judge)."""
    try:
        pid_text, started = (folder / OWNER_FILE).read_text(encoding="ascii").split()
        pid = int(pid_text)
    except (OSError, ValueError, UnicodeDecodeError):
        return False
    if _start_time(os.getpid()) is None:  # no /proc: cannot tell
        return False
    return _start_time(pid) != started


def _start_time(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (field 22 of ``/proc/PID/stat``),
    or ``None`` if there is no such process (or no ``/proc``)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces or ")": split after
    # the last ")", where field 3 starts; field 22 is then the 20th.
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else None


__all__ = ["OWNER_FILE", "PREFIXES", "mark_owned", "remove_abandoned"]
