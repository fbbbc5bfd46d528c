"""Pure-Python reference implementations (private; used by the tests).

Each function follows its paper's formulas with dicts and loops, one claim at a time, so that it
is easy to check by eye; the tests run it and the sparse version on small random datasets and
compare the numbers. They take ``(source, object, value)`` triples and return
``({(object, value): confidence}, {source: trust}, iterations)``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable

Triples = Iterable[tuple[str, str, str]]
Fact = tuple[str, str]


class _Graph:
    def __init__(self, triples: Triples, groups: dict[str, str] | None = None) -> None:
        rows = sorted(set(triples))
        self.sources = sorted({s for s, _, _ in rows})
        self.facts: list[Fact] = sorted({(o, v) for _, o, v in rows})
        self.by_source: dict[str, list[Fact]] = defaultdict(list)
        self.by_fact: dict[Fact, list[str]] = defaultdict(list)
        self.by_object: dict[str, list[Fact]] = defaultdict(list)
        for s, o, v in rows:
            self.by_source[s].append((o, v))
            self.by_fact[(o, v)].append(s)
        for f in self.facts:
            self.by_object[f[0]].append(f)
        self.groups = groups


def _max_norm(d: dict) -> dict:
    top = max(d.values(), default=0.0)
    return {k: v / top for k, v in d.items()} if top > 0 else dict(d)


def voting(triples: Triples) -> tuple[dict, dict, int]:
    g = _Graph(triples)
    conf = {}
    for facts in g.by_object.values():
        total = sum(len(g.by_fact[f]) for f in facts)
        for f in facts:
            conf[f] = len(g.by_fact[f]) / total
    return conf, dict.fromkeys(g.sources, 1.0), 0


def sums(triples: Triples, max_iter: int = 20, tol: float = 1e-6) -> tuple[dict, dict, int]:
    g = _Graph(triples)
    belief = dict.fromkeys(g.facts, 0.5)
    trust = dict.fromkeys(g.sources, 0.0)
    for it in range(1, max_iter + 1):
        new = _max_norm({s: sum(belief[f] for f in g.by_source[s]) for s in g.sources})
        belief = _max_norm({f: sum(new[s] for s in g.by_fact[f]) for f in g.facts})
        delta = max(abs(new[s] - trust[s]) for s in g.sources)
        trust = new
        if delta < tol:
            return belief, trust, it
    return belief, trust, max_iter


def average_log(triples: Triples, max_iter: int = 20, tol: float = 1e-6) -> tuple[dict, dict, int]:
    g = _Graph(triples)
    belief = dict.fromkeys(g.facts, 0.5)
    trust = dict.fromkeys(g.sources, 0.0)
    for it in range(1, max_iter + 1):
        new = {}
        for s in g.sources:
            claims = g.by_source[s]
            new[s] = math.log(len(claims)) * sum(belief[f] for f in claims) / len(claims)
        new = _max_norm(new)
        belief = _max_norm({f: sum(new[s] for s in g.by_fact[f]) for f in g.facts})
        delta = max(abs(new[s] - trust[s]) for s in g.sources)
        trust = new
        if delta < tol:
            return belief, trust, it
    return belief, trust, max_iter


def _investment_trust(g: _Graph, trust: dict, belief: dict) -> dict:
    new = {}
    for s in g.sources:
        share = trust[s] / len(g.by_source[s])
        total = 0.0
        for f in g.by_source[s]:
            pool = sum(trust[r] / len(g.by_source[r]) for r in g.by_fact[f])
            if pool > 0:
                total += belief[f] * share / pool
        new[s] = total
    return new


def investment(
    triples: Triples, g_exp: float = 1.2, max_iter: int = 20, tol: float = 1e-6
) -> tuple[dict, dict, int]:
    g = _Graph(triples)
    belief = {}
    for facts in g.by_object.values():
        total = sum(len(g.by_fact[f]) for f in facts)
        for f in facts:
            belief[f] = len(g.by_fact[f]) / total
    trust = dict.fromkeys(g.sources, 1.0)
    for it in range(1, max_iter + 1):
        new = _investment_trust(g, trust, belief)
        belief = {
            f: sum(new[s] / len(g.by_source[s]) for s in g.by_fact[f]) ** g_exp for f in g.facts
        }
        new, belief = _max_norm(new), _max_norm(belief)
        delta = max(abs(new[s] - trust[s]) for s in g.sources)
        trust = new
        if delta < tol:
            return belief, trust, it
    return belief, trust, max_iter


def pooled_investment(
    triples: Triples, g_exp: float = 1.4, max_iter: int = 10, tol: float = 1e-6
) -> tuple[dict, dict, int]:
    g = _Graph(triples)
    belief = {f: 1 / len(g.by_object[f[0]]) for f in g.facts}
    trust = dict.fromkeys(g.sources, 1.0)
    for it in range(1, max_iter + 1):
        new = _investment_trust(g, trust, belief)
        linear = {f: sum(new[s] / len(g.by_source[s]) for s in g.by_fact[f]) for f in g.facts}
        belief = {}
        for facts in g.by_object.values():
            pooled = sum(linear[d] ** g_exp for d in facts)
            for f in facts:
                belief[f] = linear[f] * linear[f] ** g_exp / pooled if pooled > 0 else 0.0
        new, belief = _max_norm(new), _max_norm(belief)
        delta = max(abs(new[s] - trust[s]) for s in g.sources)
        trust = new
        if delta < tol:
            return belief, trust, it
    return belief, trust, max_iter


def truthfinder(
    triples: Triples,
    implication: Callable[[str, str, str], float | None] | None = None,
    t0: float = 0.9,
    gamma: float = 0.3,
    rho: float = 0.5,
    max_iter: int = 100,
    tol: float = 1e-3,
) -> tuple[dict, dict, int]:
    g = _Graph(triples)
    trust = dict.fromkeys(g.sources, t0)
    conf: dict = {}
    for it in range(1, max_iter + 1):
        tau = {s: -math.log(1 - min(t, 1 - 1e-12)) for s, t in trust.items()}
        sigma = {f: sum(tau[s] for s in g.by_fact[f]) for f in g.facts}
        conf = {}
        for f in g.facts:
            adjusted = sigma[f]
            if implication is not None:
                for f2 in g.by_object[f[0]]:
                    imp = implication(f[0], f2[1], f[1]) if f2 != f else None
                    if imp is not None:
                        adjusted += rho * imp * sigma[f2]
            conf[f] = 1 / (1 + math.exp(-gamma * adjusted))
        new = {s: sum(conf[f] for f in g.by_source[s]) / len(g.by_source[s]) for s in g.sources}
        dot = sum(new[s] * trust[s] for s in g.sources)
        norm = math.sqrt(sum(v * v for v in new.values())) * math.sqrt(
            sum(v * v for v in trust.values())
        )
        change = 1.0 if norm == 0 else min(max(1 - dot / norm, 0.0), 1.0)
        trust = new
        if change < tol:
            return conf, trust, it
    return conf, trust, max_iter


def accucopy(
    triples: Triples,
    groups: dict[str, str] | None = None,
    detect_copying: bool = True,
    leave_one_out: bool = False,
    alpha: float = 0.2,
    c: float = 0.8,
    eps: float = 0.2,
    max_iter: int = 100,
    tol: float = 1e-5,
) -> tuple[dict, dict, int]:
    """AccuCopy as in ``accucopy.py``, with one loop per pair of sources and per claim."""
    g = _Graph(triples, groups)
    lo, hi = 1e-3, 1 - 1e-3
    n_false = {o: max(len(fs) - 1, 1) for o, fs in g.by_object.items()}
    value_of = {(s, f[0]): f for s in g.sources for f in g.by_source[s]}
    acc = dict.fromkeys(g.sources, 1 - eps)
    dep: dict[tuple[str, str], float] = {}
    if groups:
        for s in g.sources:
            for t in g.sources:
                if s != t and s in groups and groups.get(t) == groups[s]:
                    dep[(s, t)] = 1.0

    def discounts(acc: dict) -> dict:
        order = sorted(g.sources, key=lambda s: (-acc[s], g.sources.index(s)))
        rank = {s: i for i, s in enumerate(order)}
        out = {}
        for f in g.facts:
            for s in g.by_fact[f]:
                keep = 1.0
                for s0 in g.by_fact[f]:
                    if rank[s0] < rank[s]:
                        same_group = groups and s in groups and groups.get(s0) == groups[s]
                        keep *= 0.0 if same_group else 1 - c * dep.get((s, s0), 0.0)
                out[(s, f)] = keep
        return out

    def votes(acc: dict, disc: dict, without: str | None = None, fact: Fact | None = None):
        count = {}
        for f in g.facts:
            count[f] = sum(
                disc[(s, f)] * math.log(n_false[f[0]] * acc[s] / (1 - acc[s]))
                for s in g.by_fact[f]
                if not (s == without and f == fact)
            )
        return count

    def probs(count: dict, obj: str) -> dict:
        facts = g.by_object[obj]
        unseen = n_false[obj] + 1 - len(facts)
        z = sum(math.exp(count[f]) for f in facts) + unseen
        return {f: math.exp(count[f]) / z for f in facts}

    disc = discounts(acc)
    prob: dict = {}
    for it in range(1, max_iter + 1):
        count = votes(acc, disc)
        prob = {}
        for o in g.by_object:
            prob.update(probs(count, o))
        new = {}
        for s in g.sources:
            if leave_one_out:
                total = 0.0
                for f in g.by_source[s]:
                    held = dict(count)
                    held[f] = count[f] - disc[(s, f)] * math.log(
                        n_false[f[0]] * acc[s] / (1 - acc[s])
                    )
                    total += probs(held, f[0])[f]
            else:
                total = sum(prob[f] for f in g.by_source[s])
            new[s] = min(max(total / len(g.by_source[s]), lo), hi)
        if detect_copying:
            for s1 in g.sources:
                for s2 in g.sources:
                    if s1 == s2:
                        continue
                    if groups and s1 in groups and groups.get(s2) == groups[s1]:
                        continue
                    common = [o for o in g.by_object if (s1, o) in value_of and (s2, o) in value_of]
                    if not common:
                        continue
                    kt = kf = kd = 0.0
                    for o in common:
                        if value_of[(s1, o)] == value_of[(s2, o)]:
                            kt += prob[value_of[(s1, o)]]
                            kf += 1 - prob[value_of[(s1, o)]]
                        else:
                            kd += 1
                    n = math.exp(sum(math.log(n_false[o]) for o in common) / len(common))
                    a, b = new[s1], new[s2]
                    pt0, pf0 = a * b, (1 - a) * (1 - b) / n
                    pd0 = max(1 - pt0 - pf0, 1e-12)
                    l0 = kt * math.log(pt0) + kf * math.log(pf0) + kd * math.log(pd0)
                    l1 = (
                        kt * math.log(c * b + (1 - c) * pt0)
                        + kf * math.log(c * (1 - b) + (1 - c) * pf0)
                        + kd * math.log((1 - c) * pd0)
                    )
                    l2 = (
                        kt * math.log(c * a + (1 - c) * pt0)
                        + kf * math.log(c * (1 - a) + (1 - c) * pf0)
                        + kd * math.log((1 - c) * pd0)
                    )
                    terms = [math.log(1 - 2 * alpha) + l0, math.log(alpha) + l1]
                    terms.append(math.log(alpha) + l2)
                    top = max(terms)
                    total = sum(math.exp(t - top) for t in terms)
                    dep[(s1, s2)] = math.exp(terms[1] - top) / total
        delta = max(abs(new[s] - acc[s]) for s in g.sources)
        acc = new
        disc = discounts(acc)
        if delta < tol:
            count = votes(acc, disc)
            prob = {}
            for o in g.by_object:
                prob.update(probs(count, o))
            return prob, acc, it
    count = votes(acc, disc)
    prob = {}
    for o in g.by_object:
        prob.update(probs(count, o))
    return prob, acc, max_iter


def independent_accuracy(
    triples: Triples,
    groups: dict[str, str] | None = None,
    detect_copying: bool = True,
    own_vote: bool = True,
    prior: float = 0.8,
    kappa: float = 0.5,
    unchecked_weight: float = 1.0,
    delta: float = 0.01,
    beta: float = 0.05,
    max_pair_sources: int = 100,
    max_iter: int = 200,
    tol: float = 1e-5,
) -> tuple[dict, dict, int, list[set[str]]]:
    """Independent accuracy as in ``independent_accuracy.py``, one pair and one claim at a time.

    Also returns the groups (known groups merged with the copy blocs) as a list of sets.
    """
    g = _Graph(triples, groups)
    values: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s in g.sources:
        for o, v in g.by_source[s]:
            values[(s, o)].add(v)
    known = {
        s: ("group", groups[s]) if groups and s in groups else ("source", s) for s in g.sources
    }

    def shares(label: dict) -> dict:
        """{(s, fact): share of its group's one vote on the fact's object}."""
        per_group_object: dict = defaultdict(list)
        for s in g.sources:
            for f in g.by_source[s]:
                per_group_object[(label[s], f[0])].append((s, f))
        return {c: 1.0 / len(cs) for cs in per_group_object.values() for c in cs}

    def concentration(share: dict) -> dict:
        out = {}
        for o, facts in g.by_object.items():
            mass = [sum(share[(s, f)] for s in g.by_fact[f]) for f in facts]
            out[o] = sum(m * m for m in mass) / sum(mass) ** 2
        return out

    label = dict(known)
    if detect_copying:
        conc = concentration(shares(known))
        speakers = {o: {s for f in fs for s in g.by_fact[f]} for o, fs in g.by_object.items()}
        contested = {
            o
            for o, fs in g.by_object.items()
            if len(fs) >= 2 and len(speakers[o]) <= max_pair_sources
        }
        stats = {}
        for a_i, s in enumerate(g.sources):
            for t in g.sources[a_i + 1 :]:
                if known[s] == known[t]:
                    continue
                shared = [
                    o for o in contested if len(values[(s, o)]) == 1 and len(values[(t, o)]) == 1
                ]
                if shared:
                    agreed = sum(values[(s, o)] == values[(t, o)] for o in shared)
                    chance = sum(conc[o] for o in shared) / len(shared)
                    stats[(s, t)] = (len(shared), agreed, chance)
        partners: dict[str, int] = defaultdict(int)
        for s, t in stats:
            partners[s] += 1
            partners[t] += 1
        edges, apart = [], set()
        for (s, t), (n, k, chance) in stats.items():
            d = n - k
            p0 = min(max(chance, 1e-12), 1 - delta)
            pr = min(beta * (1 / partners[s] + 1 / partners[t]), 0.5)
            llr = (
                k * math.log((1 - delta) / p0)
                + d * math.log(delta / (1 - p0))
                + math.log(pr / (1 - pr))
            )
            if d > delta * n:
                apart.add((s, t))
                apart.add((t, s))
            elif llr > 0:
                edges.append((-llr, g.sources.index(s), g.sources.index(t), s, t))
        for _, _, _, s, t in sorted(edges):
            a, b = label[s], label[t]
            if a == b:
                continue
            left = [x for x in g.sources if label[x] == a]
            right = [x for x in g.sources if label[x] == b]
            if any((x, y) in apart for x in left for y in right):
                continue
            for x in left:
                label[x] = b

    share = shares(label)
    conc = concentration(share)
    log_wrong = {o: math.log(max(1 / conc[o] - 1, 1.0)) for o in g.by_object}
    assessed = {o for o in g.by_object if len({label[s] for s in _speakers(g, o)}) >= 2}

    def votes(acc: dict, judged=None, obj=None) -> dict:
        """Vote counts; the sources of group ``judged`` vote at the prior (or not at all)."""
        count = {}
        for f in g.by_object[obj] if obj is not None else g.facts:
            count[f] = 0.0
            for s in g.by_fact[f]:
                a = acc[s]
                if label[s] == judged:
                    if not own_vote:
                        continue
                    a = prior
                count[f] += share[(s, f)] * max(log_wrong[f[0]] + math.log(a / (1 - a)), 0.0)
        return count

    def probs(count: dict, obj: str) -> dict:
        facts = g.by_object[obj]
        z = sum(math.exp(count[f]) for f in facts) + (1 if len(facts) == 1 else 0)
        return {f: math.exp(count[f]) / z for f in facts}

    acc = dict.fromkeys(g.sources, prior)
    iterations = max_iter
    for it in range(1, max_iter + 1):
        new = {}
        for s in g.sources:
            total, n, unchecked = 0.0, 0, 0
            for f in g.by_source[s]:
                if f[0] in assessed:
                    total += probs(votes(acc, judged=label[s], obj=f[0]), f[0])[f]
                    n += 1
                else:
                    unchecked += 1
            new[s] = (total + kappa * prior) / (n + kappa)
            if new[s] > prior:
                # A record above the prior: each unchecked claim adds weight to the prior.
                weight = kappa + unchecked_weight * unchecked
                new[s] = (total + weight * prior) / (n + weight)
        change = max(abs(new[s] - acc[s]) for s in g.sources)
        acc = new
        if change < tol:
            iterations = it
            break
    count = votes(acc)
    conf = {}
    for o in g.by_object:
        conf.update(probs(count, o))
    blocs: dict = defaultdict(set)
    for s in g.sources:
        blocs[label[s]].add(s)
    return conf, acc, iterations, list(blocs.values())


def _speakers(g: _Graph, obj: str) -> set[str]:
    return {s for f in g.by_object[obj] for s in g.by_fact[f]}
