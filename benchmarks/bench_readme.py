"""Writing one section of benchmarks/README.md, leaving the other sections as they are.

Every benchmark script owns one ``## `` section (its ``###`` subsections included) and
rewrites it from its own run.
"""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent / "README.md"


def replace_section(heading: str, text: str, readme: Path = README) -> None:
    """Replace the section that starts with the line ``heading`` (``"## Load"``), up to the next
    ``## `` heading, with ``text``; append it if there is none.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = Path(tmp, "README.md")
        ...     _ = path.write_text("# B\\n\\n## A\\nold\\n\\n## C\\nkept\\n")
        ...     replace_section("## A", "## A\\nnew", path)
        ...     replace_section("## D", "## D\\nadded", path)
        ...     print(path.read_text())
        # B
        <BLANKLINE>
        ## A
        new
        <BLANKLINE>
        ## C
        kept
        <BLANKLINE>
        ## D
        added
        <BLANKLINE>
    """
    current = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    section = text.rstrip() + "\n\n"
    if pattern.search(current):
        updated = pattern.sub(lambda _match: section, current, count=1)
    else:
        updated = current.rstrip() + "\n\n" + section
    readme.write_text(updated.rstrip() + "\n", encoding="utf-8")
