"""How `kg extract`'s time grows with the length of the text: one held-out article repeated
1, 4, 16 and 64 times, each length timed (median of --repeat runs) in this one process, and
compared with its anchor, the single article's time times the number of copies (linear
growth). A ratio near 1 is linear; a ratio growing with the length is worse.

    .venv/bin/python benchmarks/extract/scale.py [--readme] [--repeat 3]

A repeated article is the hard case for claim merging: every statement has a claim to be
compared with (its own earlier copy), so the candidates a statement is compared with never
shrink (kg/extract/claims.py compares a statement only with claims sharing a word with it).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "tests" / "data" / "extract" / "card-breach.txt"
COPIES = (1, 4, 16, 64)
COMMAND = ".venv/bin/python benchmarks/extract/scale.py --readme"
# Measured once with the code before claim merging compared a statement only with candidate
# claims and each distinct wording once (2026-11-28; one run each, same machine and process
# layout): the comparison with every statement of every claim made the long texts grow
# faster than linearly.
BEFORE = ("Before the claims a statement is compared with were narrowed to those sharing a "
          "word with it, each distinct wording once (2026-11-28, the code of bffdd0a, one run "
          "each): 1 copy 0.13 s; 16 copies 1.43 s (ratio 0.71); 64 copies 9.36 s (ratio "
          "**1.16**). The same drafts come out either way: every table of the Extraction "
          "section is unchanged, row for row.")


def _timed(text: str, repeat: int) -> tuple[float, int]:
    from kg.extract import extract

    times, statements = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        draft = extract(text)
        times.append(time.perf_counter() - started)
        statements = len(draft.mentions)
    return statistics.median(times), statements


def report(repeat: int) -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # benchmarks/bench_machine.py
    from bench_machine import cpu_model, memory_gib

    base = ARTICLE.read_text(encoding="utf-8") + "\n\n"
    _timed(base, 1)  # warm the lexicons and the caches of the word forms
    rows, single = [], 0.0
    for copies in COPIES:
        seconds, statements = _timed(base * copies, repeat)
        single = single or seconds
        rows.append(f"| {copies} | {len(base) * copies:,} | {statements:,} | {seconds:.2f} | "
                    f"{single * copies:.2f} | **{seconds / (single * copies):.2f}** |")
    return "\n".join([
        "## Extraction at length",
        "",
        f"`{COMMAND}` ({Path(__file__).name}'s docstring says how). One article "
        f"(`{ARTICLE.relative_to(ROOT)}`) repeated; each time the median of {repeat} runs. "
        "Anchor: the single article's time times the copies (linear growth).",
        "",
        "| copies | characters | statements | seconds | anchor (linear) | ratio |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
        f"Machine: {cpu_model()}, {os.cpu_count()} cores, {memory_gib():.0f} GiB, Python "
        f"{platform.python_version()}; run on {time.strftime('%Y-%m-%d', time.gmtime())}.",
        "",
        BEFORE,
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readme", action="store_true", help="write benchmarks/README.md")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    text = report(args.repeat)
    print(text)
    if args.readme:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from bench_readme import replace_section

        replace_section("## Extraction at length", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
