"""Run one extraction in a child process, so that the service can bound its time and memory.

The extractor is heuristics over regular expressions and pairwise claim merging: a hostile
article (a 40 kB "word", thousands of one-line statements) takes minutes, and a thread cannot
be stopped. :func:`extract_in_child` runs it in a fresh process with an address-space limit
and kills it at the deadline.

The child reads ``pickle((text, options))`` on stdin and writes ``pickle((draft, yaml))`` on
stdout. Only the parent writes the child's input, so unpickling is safe.
"""

from __future__ import annotations

import asyncio
import pickle
import resource
import subprocess
import sys
from typing import Any

#: Address-space limit of the child, in bytes: an article is at most a few MB of text.
MEMORY_LIMIT = 2048 * 1024 * 1024


class ExtractionFailed(Exception):
    """The child timed out (``timed_out``) or died (over the memory limit, killed)."""

    def __init__(self, timed_out: bool) -> None:
        super().__init__("timed out" if timed_out else "aborted")
        self.timed_out = timed_out


async def extract_in_child(text: str, options: dict[str, Any], timeout: float) -> tuple[Any, str]:
    """``(draft, yaml_text)`` for ``text``, computed in a child killed after ``timeout`` s.

    Raises:
        ExtractionFailed: the child ran past the deadline or did not finish.
    """
    payload = pickle.dumps((text, options))
    command = [sys.executable, "-m", "api.extract_worker"]
    try:
        # subprocess.run kills the child when the timeout expires.
        done = await asyncio.to_thread(subprocess.run, command, input=payload,
                                       capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise ExtractionFailed(timed_out=True) from None
    if done.returncode != 0:
        sys.stderr.write(done.stderr.decode("utf-8", "replace")[-2000:])
        raise ExtractionFailed(timed_out=False)
    result: tuple[Any, str] = pickle.loads(done.stdout)
    return result


def main() -> None:
    """The child: limit memory, read the request, extract, write the answer."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    from kg.extract import draft_yaml, extract_document

    text, options = pickle.loads(sys.stdin.buffer.read())
    draft = extract_document(text, source="request body", **options)
    sys.stdout.buffer.write(pickle.dumps((draft, draft_yaml(draft))))


if __name__ == "__main__":
    main()


__all__ = ["ExtractionFailed", "extract_in_child"]
