"""``kg export``'s output: the export written where the user asked, as it is produced.

The whole of an on-disk store is written as it is read (:mod:`kg.rdf_stream`), so nothing the
size of the store is held in memory; a file is written beside its name and put in place only
when complete, so a failed export leaves no half-written file and an earlier file unchanged.
That holds for an export stopped by a signal too: SIGTERM (``kill``, ``timeout``, a service
manager) and SIGHUP (a closed terminal) end Python without unwinding, which left the partial
file (as large as the export had got) beside the target, so while the file is written they
raise instead, as Ctrl-C does, and the partial file is removed.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from kg.formats import Format
from kg.store_read import export_to


def write_export(target: Any, rdf_format: Format, claim: str | None,
                 output: Path | None) -> int:
    """Write ``target``'s export (one claim's, with ``claim``) to ``output``, or to standard
    output when None; return the bytes written. Raises what the export raises
    (:class:`kg.errors.KgError`), and ``OSError`` when ``output`` cannot be written."""
    if output is None:
        counted = _Counted(sys.stdout.buffer)
        export_to(target, rdf_format, counted, claim=claim)
        sys.stdout.flush()
        return counted.size
    part = output.with_name(f".{output.name}.part-{os.getpid()}")
    try:
        with _signals_unwind(), part.open("wb") as file:
            export_to(target, rdf_format, file, claim=claim)
            size = file.tell()
        os.replace(part, output)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return size


#: The signals that end a process without unwinding its stack, which an export turns into an
#: exit that does (the shell's status for a process a signal ended: 128 + its number).
_UNWOUND = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextlib.contextmanager
def _signals_unwind() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP raise ``SystemExit(128 + signal)`` (so ``finally`` and
    ``except`` run), then the handlers before are back. Only the main thread can set them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    before = {number: signal.signal(number, stop) for number in _UNWOUND}
    try:
        yield
    finally:
        for number, handler in before.items():
            if handler is not None:  # None: set outside Python, and cannot be set back
                signal.signal(number, handler)


class _Counted:
    """A binary output that counts what goes through it."""

    def __init__(self, output: Any) -> None:
        self._output, self.size = output, 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return int(self._output.write(data))


__all__ = ["write_export"]
