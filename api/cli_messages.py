"""What `kg load` and the commands that open a store say to the user: advice for a store
another process holds, the warning for a case file reloaded in another version, and how many
quads a load added."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path

from rich.text import Text

from kg.errors import UnsupportedFormatError


def in_use_advice(sending: Sequence[Path]) -> str:
    """What to do about a store another process holds (a ``kg serve``, or another ``kg``
    command such as a long ingest): wait for it or stop it; or, only if it is a server, ask
    it, or (for data to add) send the data to its ``POST /data`` (docs/api.md, "Writes")."""
    from kg.formats import detect_format

    # (the error itself says to wait for the holder or stop it)
    wait = "what to do: once it is done, run this command again"
    if not sending:
        return (f"{wait}; if it is a `kg serve`, you can also ask it instead "
                "(its /sparql, /questions, /claims)")
    lines = [f"{wait};",
             "or, if it is a `kg serve` running with writes on (KG_WRITES_ENABLED=true and "
             "KG_WRITE_TOKEN), send each file to its write endpoint, POST /data (at most its "
             "max_request_bytes per request, 8 MiB by default; docs/api.md, \"Writes\"); "
             "the address is the server's, 127.0.0.1:8000 by default:"]
    for path in sending[:3]:
        try:
            media = detect_format(path).media_type
        except UnsupportedFormatError:
            media = "<its media type>"
        lines.append(f"  curl -X POST http://127.0.0.1:8000/data "
                     f"-H \"Authorization: Bearer $KG_WRITE_TOKEN\" "
                     f"-H 'Content-Type: {media}' --data-binary @{shlex.quote(str(path))}")
    if len(sending) > 3:
        lines.append(f"  ... and {len(sending) - 3} more")
    return "\n".join(lines)


def other_version_warning(path: str, graph: str, store: str | None) -> Text:
    """The store held this case file's document in another version, and now holds both: a
    corrected file loaded without --replace. Said after the load, which stays additive."""
    again = shlex.join(["kg", "load", "--replace", *(["--store", store] if store else []), path])
    return Text.assemble(
        ("warning:", "yellow"),
        f" {path}: the store already held another version of the document <{graph}>; the old "
        "version's statements remain beside this file's, merged with them. To replace the old "
        f"version with this file: {again}",
    )


def quads(count: int) -> str:
    """``count`` quads, in words a person would write: "1 quad", "1,200 quads"."""
    return f"{count:,} quad" + ("" if count == 1 else "s")


def load_summary(read: int, before: int, now: int, *, replace: bool) -> str:
    """How many quads were new: the store's data before and after, counted exactly. A quad
    read twice (in two files, or twice in one) is new once and then already there."""
    held = f"the store now holds {quads(now)} of data"
    if replace:  # the replaced graphs were emptied first: only the balance means anything
        return f"{held} ({now - before:+,})"
    added = now - before
    if not added:
        what = "the 1 quad was" if read == 1 else f"all {read:,} quads were"
        return f"nothing new: {what} already in the store; {held}"
    already = f" ({read - added:,} already in the store)" if read > added else ""
    return f"{added:,} new {'quad' if added == 1 else 'quads'}{already}; {held}"


__all__ = ["in_use_advice", "load_summary", "other_version_warning", "quads"]
