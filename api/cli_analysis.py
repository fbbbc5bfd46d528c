"""``kg corroborate``, ``kg grades`` and ``kg explain``: the analysis's answers on the command
line, as a table or JSON (:mod:`api.cli` holds the options and helpers they share)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from api.cli import (
    EXIT_DATA,
    EXIT_USAGE,
    FilesArgument,
    MethodOption,
    MinGroupsOption,
    NoSeedOption,
    OutputFormatOption,
    StoreOption,
    _analyse,
    _check_output_format,
    _print_json,
    err,
    out,
)
from kg.methods import DEFAULT_METHOD


def corroborate(
    ctx: typer.Context,
    files: FilesArgument = None,
    min_groups: MinGroupsOption = 2,
    status: Annotated[
        str | None,
        typer.Option(
            help="Only claims with this status: corroborated, single-source, unsupported."
        ),
    ] = None,
    contested: Annotated[bool, typer.Option("--contested", help="Only contested claims.")] = False,
    fmt: OutputFormatOption = "table",
    method: MethodOption = DEFAULT_METHOD,
    store: StoreOption = None,
    no_seed: NoSeedOption = False,
) -> None:
    """Which claims do independent sources corroborate? One row per claim.

    Affirming actors are counted in independent source groups (actors acting for one
    government are one source; relaying outlets add nothing). Hedges are shown, never
    counted. A claim is contested when a group that does not affirm it denies it.
    """
    from kg.analysis import STATUSES
    from kg.analysis.serialize import claim_to_dict, short_id

    _check_output_format(fmt)
    if status is not None and status not in STATUSES:
        err.print(f"error: unknown --status {status!r}; expected one of {', '.join(STATUSES)}")
        raise typer.Exit(EXIT_USAGE)
    analysis = _analyse(
        ctx, store, files or [], seed=not no_seed, min_groups=min_groups, method=method
    )
    rows = [
        c
        for c in analysis.claims.values()  # type: ignore[attr-defined]
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
        _print_json([claim_to_dict(analysis, c) for c in rows])  # type: ignore[arg-type]
        return
    table = Table(
        "claim",
        "status",
        "groups",
        "affirmed by",
        "contested by",
        "hedged by",
        "cred.",
        title=f"Corroboration (k={min_groups})",
        show_lines=True,
    )
    for c in rows:
        co = c.corroboration
        table.add_row(
            f"{c.claim.text}\n[dim]{short_id(c.claim.iri)}[/dim]",
            co.status + (" [red](contested)[/red]" if co.contested else ""),
            str(co.independent_groups),
            "\n".join(_group_line(analysis, g) for g in co.affirming),
            "\n".join(
                analysis.groups.groups[g].label  # type: ignore[attr-defined]
                for g in co.contested_by
            ),
            "\n".join(_group_line(analysis, g) for g in co.hedging),
            str(c.credibility.grade),
        )
    out.print(table)


def _group_line(analysis: object, group: object) -> str:
    actors = ", ".join(
        analysis.catalogue.actors[a].label
        for a in group.actors  # type: ignore[attr-defined]
    )
    return f"{group.label} ({actors})"  # type: ignore[attr-defined]


def grades(
    ctx: typer.Context,
    files: FilesArgument = None,
    min_groups: MinGroupsOption = 2,
    fmt: OutputFormatOption = "table",
    method: MethodOption = DEFAULT_METHOD,
    store: StoreOption = None,
    no_seed: NoSeedOption = False,
) -> None:
    """Admiralty grades (STANAG 2511): source reliability A-F for each actor, information
    credibility 1-6 (with its STIX 2.1 confidence) for each claim, each with its reason."""
    from kg.analysis.serialize import short_id

    _check_output_format(fmt)
    analysis = _analyse(
        ctx, store, files or [], seed=not no_seed, min_groups=min_groups, method=method
    )
    actors = sorted(
        analysis.actors.values(),  # type: ignore[attr-defined]
        key=lambda a: (a.reliability.grade, a.actor.label),
    )
    claims = sorted(
        analysis.claims.values(),  # type: ignore[attr-defined]
        key=lambda c: (c.credibility.grade, c.claim.iri),
    )
    if fmt == "json":
        _print_json(
            {
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
        title="Source reliability (A-F)",
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
    table = Table("grade", "STIX", "claim", "reason", title="Information credibility (1-6)")
    for c in claims:
        cred = c.credibility
        table.add_row(
            str(cred.grade),
            "-" if cred.stix_confidence is None else str(cred.stix_confidence),
            c.claim.text,
            cred.reasons[0],
        )
    out.print(table)


def explain(
    ctx: typer.Context,
    claim: Annotated[str, typer.Argument(help="A claim id (see `kg corroborate`) or IRI.")],
    files: FilesArgument = None,
    min_groups: MinGroupsOption = 2,
    fmt: OutputFormatOption = "table",
    method: MethodOption = DEFAULT_METHOD,
    store: StoreOption = None,
    no_seed: NoSeedOption = False,
) -> None:
    """Everything behind one claim: the stance table by group, the evidence and its weight,
    the grades, and every reason."""
    from kg.analysis.serialize import claim_to_dict

    _check_output_format(fmt)
    analysis = _analyse(
        ctx, store, files or [], seed=not no_seed, min_groups=min_groups, method=method
    )
    try:
        item = analysis.claim_by_id(claim)  # type: ignore[attr-defined]
    except KeyError as error:
        err.print(f"error: {error.args[0]}")
        raise typer.Exit(EXIT_DATA) from None
    data = claim_to_dict(analysis, item)  # type: ignore[arg-type]
    if fmt == "json":
        _print_json(data)
        return
    out.print(f"[bold]{data['text']}[/bold]  [dim]{data['iri']}[/dim]")
    out.print(
        f"status: {data['status']}"
        + (" (contested)" if data["contested"] else "")
        + f"; credibility {data['credibility']['grade']} "
        f"({data['credibility']['name']})"
    )
    table = Table("stance", "group", "actor", "how", "quote", "date", "relay")
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
                    relay,
                )
    out.print(table)
    if data["evidence"]:
        table = Table("evidence", "kind", "weight", "independent", "why")
        for e in data["evidence"]:
            table.add_row(
                e["label"],
                ", ".join(e["kinds"]),
                f"{e['weight']:g}",
                "yes" if e["independent"] else "no",
                e["reason"],
            )
        out.print(table)
    for reason in [*data["reasons"], *data["credibility"]["reasons"]]:
        out.print(f"- {reason}")


def register(app: typer.Typer) -> None:
    """Add ``corroborate``, ``grades`` and ``explain`` to the ``kg`` command line."""
    app.command()(corroborate)
    app.command()(grades)
    app.command()(explain)


__all__ = ["corroborate", "explain", "grades", "register"]
