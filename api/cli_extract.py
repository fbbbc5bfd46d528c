"""``kg extract``: read an article (plain text or a saved HTML page) and write a draft case.

Registered on the ``kg`` app by :func:`register` (see the end of :mod:`api.cli`). The draft is
a case file in the authoring format; each item has a comment with the character offsets of
the words it was read from and a confidence, and items below ``--threshold`` are marked
``# REVIEW``. Nothing is fetched: a URL in the page is never followed.

Exit codes: 0 the draft was written; 1 the article cannot be read (not UTF-8, too large), a
lexicon or case file is wrong, or a draft would not load together with the case and the
drafts before it (that draft is not written); 2 the command was used wrongly (no such file).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from api.cli import EXIT_DATA, EXIT_USAGE, err, out
from api.limits import MAX_ARTICLE_BYTES

if TYPE_CHECKING:
    from kg.extract import Draft, Lexicon



def _date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None


def extract_command(
    articles: Annotated[list[Path], typer.Argument(
        metavar="ARTICLE...", help="The article: a .txt file, or an .html page saved from a "
        "browser. Several articles of one story are drafted in turn, each in the ids of the "
        "ones before it (and of --case), into the directory -o names.", show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Where to write the draft (default: standard output); with "
        "several articles, a directory, where each draft is named after its article.",
        show_default=False)] = None,
    date: Annotated[str | None, typer.Option(
        help="The article's date (YYYY-MM-DD), when the text does not print it; used to "
        "resolve \"on Thursday\" and \"last week\".", show_default=False)] = None,
    publisher: Annotated[str | None, typer.Option(
        help="The publisher's name, when the text does not give it.", show_default=False)] = None,
    title: Annotated[str | None, typer.Option(
        help="The article's title, when the text has no headline.", show_default=False)] = None,
    threshold: Annotated[float, typer.Option(
        min=0.0, max=1.0, help="Items with a confidence below this are marked REVIEW.")] = 0.6,
    lexicon: Annotated[list[Path] | None, typer.Option(
        "--lexicon", help="A directory of extra lexicon files (same names as in "
        "kg/extract/lexicons/); may be given more than once.", show_default=False)] = None,
    json_items: Annotated[bool, typer.Option(
        "--json", help="Write the items with their offsets as JSON instead of YAML.")] = False,
    case: Annotated[list[Path] | None, typer.Option(
        "--case", help="A case file (YAML or RDF) this article adds to: actors and claims "
        "that are the case's keep the case's ids, so that the two add up when loaded "
        "together; may be given more than once.", show_default=False)] = None,
) -> None:
    """Draft a case from an article: who said what, with which stance, on what evidence.

    The draft is in the authoring format (docs/authoring.md) and loads as it is; check it
    against the text, correct it, then `kg validate` and `kg load` it. How the rules work and
    how to extend their word lists: docs/extraction.md.
    """
    from kg.extract import draft_to_dict, draft_yaml, extract_document, load_lexicon
    from kg.extract.affiliation_review import unaffiliated_title

    several = len(articles) > 1
    _check_arguments(articles, output, lexicon or [], several,
                     (date, publisher, title))
    texts = [_read(article) for article in articles]
    try:
        lex = load_lexicon(*(lexicon or []))
    except ValueError as error:
        err.print(f"error: lexicon: {error}")
        raise typer.Exit(EXIT_DATA) from None
    story = _Story(case or [], lex) if case or several else None
    # Several articles are written each under its name in -o DIRECTORY (checked above).
    directory = output if several else None
    if directory is not None:
        directory.mkdir(parents=True, exist_ok=True)
    for article, raw in zip(articles, texts, strict=True):
        draft = extract_document(raw, source=article.name, date=_date(date),
                                 publisher=publisher, title=title, threshold=threshold,
                                 lexicon=lex)
        reused = ""
        if story is not None:
            draft, reused = story.align(draft)
        text = json.dumps(draft_to_dict(draft), ensure_ascii=False, indent=2) + "\n" \
            if json_items else draft_yaml(draft)
        target = directory / f"{article.stem}.{'json' if json_items else 'yaml'}" \
            if directory is not None else output
        if story is not None:  # it must load with the case (and the next is drafted in its ids)
            story.add(draft_yaml(draft), target.name if target else article.name)
        if target is None:
            out.file.write(text)
        else:
            target.write_text(text, encoding="utf-8")
        review = sum(draft.needs_review(c) for c in (
            *(s.confidence for s in draft.statements), *(c.confidence for c in draft.claims),
            *(a.confidence for a in draft.actors), *(e.confidence for e in draft.evidence)))
        speaking = {s.actor for s in draft.statements}
        untied = sum(1 for a in draft.actors if a.id in speaking and unaffiliated_title(a))
        untied_note = (f"; {untied} titled speaker(s) acting for no one, marked REVIEW"
                       if untied else "")
        # The summary goes to standard output when the draft went to a file, else beside it.
        report = out if target else err
        report.print(f"{f'wrote {target}' if target else 'draft'}: {len(draft.actors)} actors, "
                     f"{len(draft.claims)} claims, {len(draft.statements)} statements, "
                     f"{len(draft.evidence)} evidence items; {review} marked REVIEW (confidence "
                     f"below {threshold:.2f}){untied_note}{reused}")


def _check_arguments(articles: list[Path], output: Path | None, lexicons: list[Path],
                     several: bool, one_article_options: tuple[str | None, ...]) -> None:
    for article in articles:
        if not article.is_file():
            what = "a directory, not an article file" if article.is_dir() else "no such file"
            err.print(f"error: {article}: {what}")
            raise typer.Exit(EXIT_USAGE)
    for directory in lexicons:
        if not directory.is_dir():
            err.print(f"error: {directory}: not a directory of lexicon files")
            raise typer.Exit(EXIT_USAGE)
    if not several:
        if output is not None and output.is_dir():
            err.print(f"error: {output} is a directory; name the file to write")
            raise typer.Exit(EXIT_USAGE)
        if output is not None and not output.parent.is_dir():
            err.print(f"error: cannot write {output}: no such directory {output.parent}")
            raise typer.Exit(EXIT_USAGE)
        return
    # ("-o story.yaml" with several articles is a file name given by mistake, not a folder)
    if output is None or (output.exists() and not output.is_dir()) or \
            (not output.exists() and output.suffix.lower() in {".yaml", ".yml", ".json"}):
        err.print("error: several articles need -o DIRECTORY, where each draft is written "
                  "under its article's name")
        raise typer.Exit(EXIT_USAGE)
    if any(option is not None for option in one_article_options):
        err.print("error: --date, --publisher and --title describe one article; draft "
                  "articles that need them one at a time, with --case for the others")
        raise typer.Exit(EXIT_USAGE)
    stems = [a.stem for a in articles]
    if len(set(stems)) < len(stems):
        twice = sorted({s for s in stems if stems.count(s) > 1})
        err.print(f"error: two articles would write one draft: {', '.join(twice)}")
        raise typer.Exit(EXIT_USAGE)


def _read(article: Path) -> str:
    size = article.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        err.print(f"error: {article}: {size:,} bytes, over the limit of "
                  f"{MAX_ARTICLE_BYTES:,} for one article")
        raise typer.Exit(EXIT_DATA)
    try:
        text = article.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # The place as `kg load` gives it (file:line:column and the byte's value); the
        # offset counts from after a byte-order mark, in the bytes the error holds.
        data, start = error.object, error.start
        line = data.count(b"\n", 0, start) + 1
        before = data[data.rfind(b"\n", 0, start) + 1 : start]
        column = len(before.decode("utf-8", errors="replace")) + 1
        err.print(f"error: {article}:{line}:{column}: byte 0x{data[start]:02x} is not valid "
                  "UTF-8; expected UTF-8 text (save the article as UTF-8)")
        raise typer.Exit(EXIT_DATA) from None
    if not text.strip():
        # As POST /extract's empty_article: an empty draft would only hide a wrong file.
        err.print(f"error: {article}: the article is empty; expected its text")
        raise typer.Exit(EXIT_DATA)
    return text


class _Story:
    """The case files and the drafts so far, which the next draft is made in the ids of."""

    def __init__(self, case: list[Path], lex: Lexicon) -> None:
        from api.cli import _check_files, _fail
        from kg.errors import KgError
        from kg.store import KnowledgeStore

        _check_files(case)
        self.lex, self.names = lex, [p.name for p in case]
        self.store = KnowledgeStore()
        try:
            self.store.load(case)
        except KgError as error:
            raise _fail(error) from None

    def align(self, draft: Draft) -> tuple[Draft, str]:
        """The draft in the story's ids, and a note of how many it reused."""
        from kg.extract.align import CaseIndex, align

        if not self.names:
            return draft, ""
        index = CaseIndex.from_store(self.store)
        aligned = align(draft, index, self.lex, case_name=", ".join(self.names))
        actors = sum(a.id in index.actors and any("The same actor" in n for n in a.notes)
                     for a in aligned.actors)
        claims = sum(any(r.startswith("the same claim as") for r in c.reasons)
                     for c in aligned.claims)
        return aligned, f"; {actors} actors and {claims} claims are the case's"

    def add(self, draft_text: str, name: str) -> None:
        from api.cli import _fail
        from kg.errors import KgError

        try:
            self.store.load_bytes(draft_text.encode("utf-8"), "yaml", source=name)
        except KgError as error:
            exit_code = _fail(error)
            err.print(f"{name} was not written: it would not load"
                      + (f" together with {', '.join(self.names)}" if self.names else ""))
            raise exit_code from None
        self.names.append(name)


def register(app: typer.Typer) -> None:
    """Add ``extract`` to the ``kg`` command line."""
    app.command("extract")(extract_command)


__all__ = ["MAX_ARTICLE_BYTES", "extract_command", "register"]
