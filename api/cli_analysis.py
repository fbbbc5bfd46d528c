"""``kg corroborate``, ``kg grades`` and ``kg explain``: the analysis's answers on the command
line, as a table or JSON, and the first two as CSV for spreadsheets (:mod:`api.csv_out`);
:mod:`api.cli` holds the options and helpers they share."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from api.cli import (
    EXIT_DATA,
    EXIT_USAGE,
    AsOfOption,
    FilesArgument,
    MethodOption,
    MinGroupsOption,
    NoSeedOption,
    OmitUndatedOption,
    OutputFormatOption,
    StoreOption,
    TableFormatOption,
    _analyse,
    _check_files,
    _check_output_format,
    _print_json,
    err,
    out,
)
from api.csv_out import write_csv
from kg.methods import DEFAULT_METHOD
from kg.statuses import STATUSES

if TYPE_CHECKING:
    from kg.analysis import Analysis, ClaimAssessment
    from kg.analysis.corroboration import GroupStance

#: The formats of the commands that list many items.
_WITH_CSV = ("table", "json", "csv")


def corroborate(
    ctx: typer.Context,
    files: FilesArgument = None,
    min_groups: MinGroupsOption = 2,
    status: Annotated[
        str | None,
        typer.Option(
            help=f"Only claims with this status: {', '.join(STATUSES)}."
        ),
    ] = None,
    contested: Annotated[bool, typer.Option("--contested", help="Only contested claims.")] = False,
    fmt: TableFormatOption = "table",
    method: MethodOption = DEFAULT_METHOD,
    store: StoreOption = None,
    no_seed: NoSeedOption = False,
    as_of: AsOfOption = None,
    omit_undated: OmitUndatedOption = False,
) -> None:
    """Which claims do independent sources corroborate? One row per claim.

    Affirming actors are counted in independent source groups (actors acting for one
    government are one source; relaying outlets add nothing). Hedges are shown, never
    counted. A claim is contested when a group that does not affirm it denies it.
    """
    from kg.analysis.serialize import claim_to_dict, short_id

    _check_output_format(fmt, _WITH_CSV)
    if status is not None and status not in STATUSES:
        err.print(f"error: unknown --status {status!r}; expected one of {', '.join(STATUSES)}")
        raise typer.Exit(EXIT_USAGE)
    analysis = _analyse(
        ctx, store, files or [], seed=not no_seed, min_groups=min_groups, method=method,
        as_of=as_of, count_undated=not omit_undated,
    )
    rows = [
        c
        for c in analysis.claims.values()
        if (status is None or c.corroboration.status == status)
        and (not contested or c.corroboration.contested)
    ]
    order = {status: rank for rank, status in enumerate(STATUSES)}
    rows.sort(
        key=lambda c: (
            order[c.corroboration.status],
            -c.corroboration.independent_groups,
            c.claim.iri,
        )
    )
    if fmt == "json":
        _print_json([claim_to_dict(analysis, c) for c in rows])
        return
    if fmt == "csv":
        write_csv((_claim_row(analysis, c, min_groups) for c in rows), CLAIM_COLUMNS, sys.stdout)
        _note_as_of(analysis, err)
        return
    table = Table(
        "claim",
        "status",
        "groups",
        "affirmed by",
        "contested by",
        "hedged by",
        "cred.",
        title=f"Corroboration (k={min_groups}){_as_of_title(analysis)}",
        show_lines=True,
    )
    for c in rows:
        co = c.corroboration
        table.add_row(
            # (folded, not cut with an ellipsis: the id is what `kg explain` takes)
            Text.assemble(c.claim.text, "\n", (short_id(c.claim.iri), "dim"), overflow="fold"),
            Text.assemble(co.status, (" (contested)", "red") if co.contested else ""),
            str(co.independent_groups),
            "\n".join(_group_line(analysis, g) for g in co.affirming),
            "\n".join(
                analysis.groups.groups[g].label
                for g in co.contested_by
            ),
            "\n".join(_group_line(analysis, g) for g in co.hedging),
            str(c.credibility.grade),
        )
    out.print(table)
    _note_as_of(analysis, out)


def _as_of_title(analysis: Analysis) -> str:
    return f" as of {analysis.as_of.as_of}" if analysis.as_of else ""


def _note_as_of(analysis: Analysis, console: Any) -> None:
    """Under a table (or on stderr beside CSV): what an analysis as of a date left out."""
    if analysis.as_of is not None:
        console.print(analysis.as_of.summary(), markup=False, highlight=False)


#: ``kg corroborate --format csv``: one row per claim; groups as "label (actor, actor)" (the
#: label alone for a group of one actor of that name), several joined by "; ".
CLAIM_COLUMNS = (
    "id",
    "text",
    "status",
    "independent_groups",
    "min_groups",
    "contested",
    "affirmed_by",
    "denied_by",
    "contested_by",
    "hedged_by",
    "credibility",
    "credibility_name",
    "stix_confidence",
    "belief",
    "iri",
)


def _claim_row(analysis: Analysis, c: ClaimAssessment, min_groups: int) -> dict[str, object]:
    from kg.analysis.serialize import short_id

    co = c.corroboration
    groups = analysis.groups.groups
    return {
        "id": short_id(c.claim.iri),
        "text": c.claim.text,
        "status": co.status,
        "independent_groups": co.independent_groups,
        "min_groups": min_groups,
        "contested": co.contested,
        "affirmed_by": "; ".join(_group_line(analysis, g) for g in co.affirming),
        "denied_by": "; ".join(_group_line(analysis, g) for g in co.denying),
        "contested_by": "; ".join(groups[g].label for g in co.contested_by),
        "hedged_by": "; ".join(_group_line(analysis, g) for g in co.hedging),
        "credibility": c.credibility.grade,
        "credibility_name": c.credibility.name,
        "stix_confidence": c.credibility.stix_confidence,
        "belief": c.belief,
        "iri": c.claim.iri,
    }


def _group_line(analysis: Analysis, group: GroupStance) -> str:
    """A group as "label (actor, actor)"; the actors only when they add something: a group of
    one actor is labelled with that actor's name, and "Tomas Reker (Tomas Reker)" says it twice.
    """
    labels = [analysis.catalogue.actors[a].label for a in group.actors]
    label = group.label
    return label if labels == [label] else f"{label} ({', '.join(labels)})"


#: ``kg grades --format csv``: actors (reliability) and claims (credibility) in one table.
GRADE_COLUMNS = (
    "graded",
    "id",
    "label",
    "group",
    "grade",
    "grade_name",
    "trust",
    "assessed_claims",
    "stix_confidence",
    "reason",
    "iri",
)


def grades(
    ctx: typer.Context,
    files: FilesArgument = None,
    min_groups: MinGroupsOption = 2,
    fmt: TableFormatOption = "table",
    method: MethodOption = DEFAULT_METHOD,
    store: StoreOption = None,
    no_seed: NoSeedOption = False,
    as_of: AsOfOption = None,
    omit_undated: OmitUndatedOption = False,
) -> None:
    """Admiralty grades (STANAG 2511): source reliability A-F for each actor, information
    credibility 1-6 (with its STIX 2.1 confidence) for each claim, each with its reason.

    With --format csv, one row per actor and then one per claim, told apart by the
    "graded" column."""
    from kg.analysis.serialize import short_id

    _check_output_format(fmt, _WITH_CSV)
    analysis = _analyse(
        ctx, store, files or [], seed=not no_seed, min_groups=min_groups, method=method,
        as_of=as_of, count_undated=not omit_undated,
    )
    actors = sorted(
        analysis.actors.values(),
        key=lambda a: (a.reliability.grade, a.actor.label),
    )
    claims = sorted(
        analysis.claims.values(),
        key=lambda c: (c.credibility.grade, c.claim.iri),
    )
    if fmt == "csv":
        graded = [
            {
                "graded": "actor",
                "id": short_id(a.actor.iri),
                "label": a.actor.label,
                "group": a.group.label,
                "grade": a.reliability.grade,
                "grade_name": a.reliability.name,
                "trust": a.reliability.trust,
                "assessed_claims": len(a.reliability.assessed_claims),
                "reason": a.reliability.reasons[0],
                "iri": a.actor.iri,
            }
            for a in actors
        ] + [
            {
                "graded": "claim",
                "id": short_id(c.claim.iri),
                "label": c.claim.text,
                "grade": c.credibility.grade,
                "grade_name": c.credibility.name,
                "stix_confidence": c.credibility.stix_confidence,
                "reason": c.credibility.reasons[0],
                "iri": c.claim.iri,
            }
            for c in claims
        ]
        write_csv(graded, GRADE_COLUMNS, sys.stdout)
        _note_as_of(analysis, err)
        return
    if fmt == "json":
        _print_json(
            {
                **({"as_of": analysis.as_of.to_dict()} if analysis.as_of else {}),
                "reliability": [
                    {
                        "actor": a.actor.iri,
                        "id": short_id(a.actor.iri),
                        "label": a.actor.label,
                        "group": a.group.label,
                        "grade": a.reliability.grade,
                        "name": a.reliability.name,
                        "trust": a.reliability.trust,
                        "assessed_claims": len(a.reliability.assessed_claims),
                        "reasons": list(a.reliability.reasons),
                    }
                    for a in actors
                ],
                "credibility": [
                    {
                        "claim": c.claim.iri,
                        "id": short_id(c.claim.iri),
                        "text": c.claim.text,
                        "grade": c.credibility.grade,
                        "name": c.credibility.name,
                        "stix_confidence": c.credibility.stix_confidence,
                        "reasons": list(c.credibility.reasons),
                    }
                    for c in claims
                ],
            }
        )
        return
    table = Table(
        "grade",
        "actor",
        "source group",
        "trust",
        "assessed",
        "reason",
        title=f"Source reliability (A-F){_as_of_title(analysis)}",
    )
    for a in actors:
        r = a.reliability
        table.add_row(
            r.grade,
            a.actor.label,
            a.group.label,
            "-" if r.trust is None else f"{r.trust:.2f}",
            str(len(r.assessed_claims)),
            r.reasons[0],
        )
    out.print(table)
    table = Table("grade", "STIX", "claim", "reason",
                  title=f"Information credibility (1-6){_as_of_title(analysis)}")
    for c in claims:
        cred = c.credibility
        table.add_row(
            str(cred.grade),
            "-" if cred.stix_confidence is None else str(cred.stix_confidence),
            c.claim.text,
            cred.reasons[0],
        )
    out.print(table)
    _note_as_of(analysis, out)


def _claim_hint(analysis: Any, ident: str) -> str:
    """What the user may have meant by an id that is no claim's: an actor's, or a near one."""
    import difflib

    from kg.analysis.serialize import short_id

    if ident in {short_id(iri) for iri in analysis.actors}:
        return (f"; {ident} is an actor: `kg grades` gives its reliability and the reasons, "
                "`kg serve` its statements")
    close = difflib.get_close_matches(ident, sorted(short_id(i) for i in analysis.claims), n=3)
    return f"; did you mean {', '.join(close)}?" if close else ""


def explain(
    ctx: typer.Context,
    claim: Annotated[str, typer.Argument(help="A claim id (see `kg corroborate`) or IRI.")],
    files: FilesArgument = None,
    min_groups: MinGroupsOption = 2,
    fmt: OutputFormatOption = "table",
    method: MethodOption = DEFAULT_METHOD,
    store: StoreOption = None,
    no_seed: NoSeedOption = False,
    as_of: AsOfOption = None,
    omit_undated: OmitUndatedOption = False,
) -> None:
    """Everything behind one claim: the stance table by group, the evidence and its weight,
    its credibility grade, and every reason."""
    from kg.analysis.serialize import claim_to_dict

    _check_output_format(fmt)
    _check_files(files or [], first="CLAIM")  # (kg explain case.yaml CLAIM: the other way)
    analysis = _analyse(
        ctx, store, files or [], seed=not no_seed, min_groups=min_groups, method=method,
        as_of=as_of, count_undated=not omit_undated,
    )
    try:
        item = analysis.claim_by_id(claim)
    except KeyError as error:
        err.print(f"error: {error.args[0]}{_claim_hint(analysis, claim)}")
        raise typer.Exit(EXIT_DATA) from None
    data = claim_to_dict(analysis, item)
    if fmt == "json":
        _print_json(data)
        return
    out.print(Text.assemble((data["text"], "bold"), "  ", (data["iri"], "dim")))
    out.print(
        f"status: {data['status']}"
        + (" (contested)" if data["contested"] else "")
        + f"; credibility {data['credibility']['grade']} "
        f"({data['credibility']['name']})"
    )
    # Where each statement was said, as a note number after its relay chain (which usually
    # ends at the document's publisher); the documents are listed under the table, each once.
    documents: dict[str, tuple[int, dict[str, Any]]] = {}

    def note(document: dict[str, Any] | None) -> str:
        if not document:
            return ""
        number, _ = documents.setdefault(document["iri"], (len(documents) + 1, document))
        return f"[{number}]"

    table = Table("stance", "group", "actor", "how", "quote", "date", "relay [in document]")
    for side in ("affirming", "denying", "hedging"):
        for group in data[side]:
            for entry in group["statements"]:
                how = (
                    entry["via"]
                    if entry["via"] == "direct"
                    else (f"{entry['via']}: {entry['via_claim_text']}")
                )
                relay = " \u2192 ".join(r["label"] for r in entry.get("relay", []))
                table.add_row(
                    entry["stance"],
                    group["label"],
                    entry["actor_label"],
                    how,
                    entry.get("quote") or "",
                    entry.get("date") or "",
                    " ".join(x for x in (relay, note(entry.get("document"))) if x),
                )
    out.print(table)
    for number, document in documents.values():
        out.print(f"[{number}] {_document_line(document)}")
    if data["evidence"]:
        table = Table("evidence", "kind", "weight", "independent", "why")
        for e in data["evidence"]:
            table.add_row(
                e["label"],
                ", ".join(e["kinds"]),
                f"{e['weight']:g}",
                # (no producer or releaser known: neither independent nor anyone's own)
                "yes" if e["independent"] else "no" if e["groups"] else "unknown",
                e["reason"],
            )
        out.print(table)
    for reason in [*data["reasons"], *data["credibility"]["reasons"]]:
        out.print(f"- {reason}")


def _document_line(document: dict[str, Any]) -> str:
    """A source document as "title (publisher, date) URL" (printed as text, as everything
    from the data is)."""
    by = ", ".join(x for x in (document["publisher_label"], document["date"]) if x)
    text = (document["title"] or document["iri"]) + (f" ({by})" if by else "")
    return text + (f" {document['url']}" if document["url"] else "")


def register(app: typer.Typer) -> None:
    """Add ``corroborate``, ``grades`` and ``explain`` to the ``kg`` command line."""
    app.command()(corroborate)
    app.command()(grades)
    app.command()(explain)


__all__ = ["corroborate", "explain", "grades", "register"]
