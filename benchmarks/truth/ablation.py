"""Ablation of the default truth-discovery method: each rule and each constant, one at a time.

    python benchmarks/truth/ablation.py [--data DIR] [--out benchmarks/truth/ablation.md]

Runs :func:`kg.analysis.truth.independent_accuracy` (``discover``'s one configuration) and
variants that change one thing: rule 2 with the unchecked claims ignored (``w = 0``, the
previous default), rule 2 without the judged source's own vote (the held-out probability, the
default before that), rule 3 off, both, and the prior accuracy ``m``, the prior weight
``kappa`` and the weight ``w`` of an unchecked claim moved around their defaults. On the gold
data sets (Book, Population, Flight, loaded as ``run.py`` loads them) it reports accuracy and,
against the default, the gold objects won and lost with the exact sign test; on product-like
synthetic data (``synthetic.py``, smaller than ``run.py``'s so that few groups speak to each
claim) it reports accuracy and how far each actor's trust is from its planted accuracy. About
2 minutes, most of it loading Flight.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from loaders import load_book, load_flight, load_population
from run import REPO, accuracy, paired, sign_test
from synthetic import Synthetic, make_synthetic, trust_error

from kg.analysis.truth import TruthDataset, TruthResult, independent_accuracy

Method = Callable[[TruthDataset], TruthResult]

VARIANTS: dict[str, Method] = {
    "default: own vote at m = 0.8, kappa = 0.5, w = 1, copy blocs": independent_accuracy,
    "unchecked claims ignored (w = 0, previous default)": lambda ds: independent_accuracy(
        ds, unchecked_weight=0.0
    ),
    "rule 2 held out (the default before that)": lambda ds: independent_accuracy(
        ds, own_vote=False
    ),
    "no copy blocs (rule 3 off)": lambda ds: independent_accuracy(ds, detect_copying=False),
    "held out, no copy blocs": lambda ds: independent_accuracy(
        ds, own_vote=False, detect_copying=False
    ),
    "m = 0.6": lambda ds: independent_accuracy(ds, prior=0.6),
    "m = 0.7": lambda ds: independent_accuracy(ds, prior=0.7),
    "m = 0.9": lambda ds: independent_accuracy(ds, prior=0.9),
    "kappa = 0.25": lambda ds: independent_accuracy(ds, prior_weight=0.25),
    "kappa = 1": lambda ds: independent_accuracy(ds, prior_weight=1.0),
    "kappa = 2": lambda ds: independent_accuracy(ds, prior_weight=2.0),
    "w = 0.5": lambda ds: independent_accuracy(ds, unchecked_weight=0.5),
    "w = 2": lambda ds: independent_accuracy(ds, unchecked_weight=2.0),
}
DEFAULT = next(iter(VARIANTS))

# Product-like data where few groups speak to each claim (about 2.4 and 4 stances per claim),
# and data where echo chambers are a large share of the actors.
SYNTHETIC = {
    "thin (60k stances, 5k actors, 25k claims)": {"n_rows": 60_000},
    "sparse (100k stances)": {"n_rows": 100_000},
    "150 echo chambers of 16 (200k stances)": {"n_rows": 200_000, "chambers": 150},
}


def synthetic_score(data: Synthetic, ds: TruthDataset, method: Method) -> tuple[float, ...]:
    result = method(ds)
    values = result.values()
    correct = sum((v == "true") == data.truth[o] for o, v in values.items()) / len(values)
    return (correct, *trust_error(data, result.source_trust()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared/truth-benchmarks")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks/truth/ablation.md")
    args = parser.parse_args(argv)
    gold_sets = {}
    for name, load in (("Book", load_book), ("Population", load_population)):
        b = load(args.data)
        gold_sets[name] = (b.gold, TruthDataset.from_triples(b.triples))
    b = load_flight(args.data)
    gold_sets["Flight"] = (b.gold, TruthDataset.from_triples(b.triples))
    del b
    values = {
        (name, variant): method(ds).values()
        for name, (_, ds) in gold_sets.items()
        for variant, method in VARIANTS.items()
    }
    synthetic = {}
    for label, kwargs in SYNTHETIC.items():
        data = make_synthetic(n_sources=5_000, n_objects=25_000, **kwargs)
        ds = TruthDataset.from_stances(data.rows)
        for variant, method in VARIANTS.items():
            synthetic[(label, variant)] = synthetic_score(data, ds, method)
        print(f"synthetic {label} done", flush=True)

    out = [
        "Accuracy on the gold objects; in brackets, against the default, gold objects this "
        "variant gets right and the default wrong / the reverse, and the exact two-sided sign "
        "test p.",
        "",
        "| variant | " + " | ".join(gold_sets) + " |",
        "|---|" + "---|" * len(gold_sets),
    ]
    for variant in VARIANTS:
        cells = []
        for name, (gold, _) in gold_sets.items():
            mine = values[(name, variant)]
            cell = f"{accuracy(mine, gold):.4f}"
            if variant != DEFAULT:
                wins, losses = paired(mine, values[(name, DEFAULT)], gold)
                cell += f" ({wins}/{losses}, p = {sign_test(wins, losses):.2g})"
            cells.append(cell)
        out.append(f"| {variant} | " + " | ".join(cells) + " |")
    out += [
        "",
        "Product-like synthetic data (`synthetic.py`, 5,000 actors, 25,000 yes/no claims, "
        "accuracy ~ Beta(8, 2)): accuracy, and trust minus planted accuracy over the actors "
        "(mean, and mean absolute in brackets; the reliability grades read trust as an "
        "accuracy).",
        "",
        "| variant | " + " | ".join(SYNTHETIC) + " |",
        "|---|" + "---|" * len(SYNTHETIC),
    ]
    for variant in VARIANTS:
        cells = [
            "{:.4f}, {:+.3f} ({:.3f})".format(*synthetic[(label, variant)]) for label in SYNTHETIC
        ]
        out.append(f"| {variant} | " + " | ".join(cells) + " |")
    args.out.write_text("\n".join(out) + "\n", encoding="utf-8")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
