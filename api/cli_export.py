"""``kg export``'s output: the export written where the user asked, as it is produced.

The whole of an on-disk store is written as it is read (:mod:`kg.rdf_stream`), so nothing the
size of the store is held in memory; a file is written beside its name and put in place only
when complete, so a failed export leaves no half-written file and an earlier file unchanged.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
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
        with part.open("wb") as file:
            export_to(target, rdf_format, file, claim=claim)
            size = file.tell()
        os.replace(part, output)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return size


class _Counted:
    """A binary output that counts what goes through it."""

    def __init__(self, output: Any) -> None:
        self._output, self.size = output, 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return int(self._output.write(data))


__all__ = ["write_export"]
