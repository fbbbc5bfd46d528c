"""``kg viz``: the graph view as one standalone HTML file.

Registered on the ``kg`` app by :func:`register` (see the end of :mod:`api.cli`). The file
holds its data, scripts and styles: it opens from disk in any browser, with no server and
no network. The command is defined inside :func:`register`, which imports :mod:`api.cli`
only when called, so that importing this module first does not start an import cycle.
"""

# No "from __future__ import annotations": typer reads the annotations of the command, which
# name types imported inside register(), so they must be evaluated where they are written.

from pathlib import Path
from typing import Annotated

import typer

from kg.methods import DEFAULT_METHOD

OutputOption = Annotated[
    Path, typer.Option("--output", "-o", help="Where to write the HTML page.")
]
MaxNodesOption = Annotated[
    int, typer.Option("--max-nodes", min=0, help="Open on a summary (the best-corroborated "
                      "claims, actors grouped) above this many nodes; 0: never.")
]
FocusOption = Annotated[
    str | None, typer.Option(help="Open on this claim's or actor's neighbourhood (an id such "
                             "as nk-troops-in-russia, or an IRI).")
]
GroupOption = Annotated[
    bool, typer.Option("--group", help="Open with organisations collapsed into their source "
                       "groups.")
]
TitleOption = Annotated[str, typer.Option(help="Page title.")]
# viz.SUMMARY_ABOVE, named here rather than imported (`kg --help` loads no viz; a test keeps
# the two equal).
SummaryAboveOption = Annotated[
    int | None, typer.Option("--summary-above", min=0, show_default=False,
                             help="Above this many nodes the page holds only a summary of the "
                             "graph, with no explanations; 0: always the whole graph (on a "
                             "large store, minutes and hundreds of MB) [default: 5,000].")
]


def register(app: typer.Typer) -> None:
    """Add ``viz`` to the ``kg`` command line."""
    from api.cli import (
        EXIT_DATA,
        EXIT_USAGE,
        FilesArgument,
        MethodOption,
        MinGroupsOption,
        NoSeedOption,
        StoreOption,
        _analyse,
        err,
    )

    @app.command("viz")
    def viz(
        ctx: typer.Context,
        files: FilesArgument = None,
        output: OutputOption = Path("graph.html"),
        max_nodes: MaxNodesOption = 1500,
        focus: FocusOption = None,
        group: GroupOption = False,
        title: TitleOption = "Source-credibility graph",
        summary_above: SummaryAboveOption = None,
        min_groups: MinGroupsOption = 2,
        method: MethodOption = DEFAULT_METHOD,
        store: StoreOption = None,
        no_seed: NoSeedOption = False,
    ) -> None:
        """Write the actor-claim graph as a standalone HTML page.

        Claims are coloured by status and sized by independent corroboration, actors
        coloured by reliability grade; click a node for its explanation; filter by status,
        source, minimum corroboration and date. The page loads nothing from the network.
        """
        from viz import build_view, render_page

        if output.is_dir():
            err.print(f"error: {output} is a directory; name the file to write")
            raise typer.Exit(EXIT_USAGE)
        if not output.parent.is_dir():  # found before the analysis, not after it
            err.print(f"error: cannot write {output}: no such directory {output.parent}")
            raise typer.Exit(EXIT_USAGE)
        analysis = _analyse(ctx, store, files or [], seed=not no_seed, min_groups=min_groups,
                            method=method)
        try:
            view = build_view(analysis, max_nodes=max_nodes,
                              focus=focus, group_members=group, summary_above=summary_above)
        except KeyError as error:
            from api.lookup import suggest_node

            close = suggest_node(analysis, focus or "")
            hint = f"; did you mean {' or '.join(close)}?" if close else ""
            err.print(f"error: {error.args[0]}{hint}")
            raise typer.Exit(EXIT_DATA) from None
        page = render_page(view, title=title)
        try:
            output.write_text(page, encoding="utf-8")
        except OSError as error:  # no permission, a disk full
            err.print(f"error: cannot write {output}: {error.strerror or error}")
            raise typer.Exit(EXIT_USAGE) from None
        shown = "a summary" if view.initial["summary"] else "the whole graph"
        if view.initial.get("focus"):
            shown = f"{'a summary, at' if view.initial['summary'] else ''} the neighbourhood of " \
                    f"{focus}".lstrip()
        err.print(f"wrote {output} ({len(page.encode()):,} bytes; {len(view.nodes):,} nodes, "
                  f"{len(view.edges):,} edges; opens on {shown})")


__all__ = ["register"]
