"""The vocabulary page's text (see :mod:`kg.vocabdoc`): one :class:`Page` per rendering.

The page's sections in order (introduction, class hierarchy, classes, properties, stances,
settings, evidence kinds, terms from other vocabularies), each sorted so that the same graphs
always give the same text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

from kg.namespaces import CRED, PREFIXES
from kg.vocabdoc_shapes import ShapeIndex, cardinality
from kg.vocabdoc_terms import escape, is_cred, local_name, namespaces, qname

_ONTOLOGY = URIRef(str(CRED).rstrip("#"))
_PROPERTY_KINDS = (
    (OWL.ObjectProperty, "Object properties"),
    (OWL.DatatypeProperty, "Datatype properties"),
    (OWL.AnnotationProperty, "Annotation properties"),
)
_CHARACTERISTICS = (
    (OWL.FunctionalProperty, "functional"),
    (OWL.TransitiveProperty, "transitive"),
    (OWL.SymmetricProperty, "symmetric"),
)
_HEADER = (
    "<!-- Generated from ontology/vocab.ttl and ontology/shapes.ttl by kg.vocabdoc; do not edit."
    " Regenerate with `kg vocab-docs -o docs/vocabulary.md`. -->"
)


class Page:
    """One rendering of the page; holds the graphs and the lookups built from them."""

    def __init__(self, vocab: Graph, shapes: ShapeIndex) -> None:
        self.vocab = vocab
        self.shapes = shapes
        self.names = namespaces()
        self.classes = sorted(
            (c for c in vocab.subjects(RDF.type, OWL.Class) if is_cred(c)), key=local_name
        )
        self.properties = sorted(
            {p for kind, _ in _PROPERTY_KINDS for p in vocab.subjects(RDF.type, kind)}, key=str
        )
        self.subclasses: dict[Node, list[Node]] = defaultdict(list)
        for c in self.classes:
            for parent in self._parents(c):
                self.subclasses[parent].append(c)

    def render(self) -> str:
        blocks = [
            self._intro(),
            self._hierarchy(),
            self._class_sections(),
            self._property_sections(),
            self._individuals("Stances", CRED.Stance),
            self._individuals("Settings", CRED.Setting),
            self._evidence_kinds(),
            self._external_terms(),
        ]
        return "\n\n".join(b.rstrip("\n") for b in blocks if b) + "\n"

    # Sections

    def _intro(self) -> str:
        title = self._text(_ONTOLOGY, RDFS.label) or "Vocabulary"
        lines = [f"# {title}", "", _HEADER, ""]
        comment = self._text(_ONTOLOGY, RDFS.comment)
        if comment:
            lines += [escape(comment), ""]
        version = self._text(_ONTOLOGY, OWL.versionInfo)
        lines += [
            "| | |",
            "|---|---|",
            f"| Namespace | `{CRED}` |",
            "| Preferred prefix | `cred:` |",
        ]
        if version:
            lines.append(f"| Version | {escape(version)} |")
        lines += ["", "Prefixes used on this page:", "", "| Prefix | Namespace |", "|---|---|"]
        lines += [f"| `{p}:` | `{iri}` |" for p, iri in sorted(PREFIXES.items())]
        lines += [
            "",
            "Cardinalities come from the SHACL shapes (`ontology/shapes.ttl`): `1` exactly one,"
            " `0..1` at most one, `1..*` at least one, `0..*` any number. A shape that targets a"
            " class also applies to its subclasses.",
        ]
        return "\n".join(lines)

    def _hierarchy(self) -> str:
        lines = ["## Class hierarchy", ""]
        roots = [c for c in self.classes if not any(is_cred(p) for p in self._parents(c))]

        def walk(node: Node, depth: int) -> None:
            external = [p for p in self._parents(node) if not is_cred(p)]
            aligned = f" (also {', '.join(self._ref(p) for p in external)})" if external else ""
            lines.append(f"{'  ' * depth}- {self._ref(node)}{aligned}")
            for child in sorted(self.subclasses.get(node, []), key=local_name):
                walk(child, depth + 1)

        for root in roots:
            walk(root, 0)
        return "\n".join(lines)

    def _class_sections(self) -> str:
        out = ["## Classes"]
        for c in self.classes:
            out.append(self._class_section(c))
        return "\n\n".join(out)

    def _class_section(self, c: Node) -> str:
        lines = [f'<a id="{self._anchor(c)}"></a>', f"### {qname(c, self.names)}", ""]
        label = self._text(c, RDFS.label)
        comment = self._text(c, RDFS.comment)
        lines.append(
            f"**{escape(label or local_name(c))}**" + (f": {escape(comment)}" if comment else "")
        )
        lines.append("")
        parents = self._parents(c)
        if parents:
            lines.append(f"- Subclass of: {', '.join(self._ref(p) for p in parents)}")
        children = sorted(self.subclasses.get(c, []), key=local_name)
        if children:
            lines.append(f"- Subclasses: {', '.join(self._ref(k) for k in children)}")
        one_of = self.vocab.value(c, OWL.oneOf)
        if one_of is not None:
            members = ", ".join(self._ref(m) for m in Collection(self.vocab, one_of))
            lines.append(f"- Exactly one of: {members}")
        individuals = self._instances(c)
        if individuals and one_of is None:
            lines.append(f"- Individuals: {', '.join(self._ref(i) for i in individuals)}")
        prior = self._prior(c)
        if prior is not None:
            value, source = prior
            inherited = "" if source == c else f" (inherited from {self._ref(source)})"
            lines.append(f"- Reliability prior: {value}{inherited}")
        ancestors = [a for a in self._ancestors(c) if a in self.shapes.by_class]
        if ancestors:
            names = ", ".join(self._ref(a) for a in ancestors)
            lines.append(f"- Also has the properties and rules of {names}")
        table = self._property_table(c)
        if table:
            lines += ["", *table]
        rules = sorted(self.shapes.class_rules.get(c, set()))
        for prop in self._domain_properties(c):
            rules += sorted(self.shapes.property_rules.get(prop, set()))
        if rules:
            lines += ["", "Rules:", ""]
            lines += [f"- {escape(r)}" for r in sorted(set(rules))]
        return "\n".join(lines)

    def _property_table(self, c: Node) -> list[str]:
        constrained = self.shapes.by_class.get(c, {})
        rows = sorted(set(constrained) | set(self._domain_properties(c)), key=str)
        if not rows:
            return []
        lines = ["| Property | Values | Count |", "|---|---|---|"]
        for prop in rows:
            constraint = constrained.get(prop)
            described = (
                sorted({self._describe_values(s) for s in constraint.shapes}) if constraint else []
            )
            if described:
                values = "; ".join(described)
            else:
                ranges = list(self.vocab.objects(prop, RDFS.range))
                values = ", ".join(self._ref(r) for r in sorted(ranges, key=str)) or "any"
            count = cardinality(constraint) if constraint is not None else "0..*"
            lines.append(f"| {self._ref(prop)} | {values} | {count} |")
        return lines

    def _describe_values(self, shape: Node) -> str:
        shapes = self.shapes.graph
        parts: list[str] = []
        cls = shapes.value(shape, SH["class"])
        if cls is not None:
            parts.append(self._ref(cls))
        datatype = shapes.value(shape, SH.datatype)
        if datatype is not None:
            parts.append(self._ref(datatype))
        choices = shapes.value(shape, SH["or"])
        if choices is not None:
            datatypes = [shapes.value(m, SH.datatype) for m in Collection(shapes, choices)]
            parts.append(" or ".join(self._ref(d) for d in datatypes if d is not None))
        allowed = shapes.value(shape, SH["in"])
        if allowed is not None:
            members = ", ".join(self._ref(m) for m in Collection(shapes, allowed))
            parts.append(f"one of {members}")
        if shapes.value(shape, SH.pattern) == Literal("\\S"):
            parts.append("non-empty")
        low, high = shapes.value(shape, SH.minInclusive), shapes.value(shape, SH.maxInclusive)
        if low is not None and high is not None:
            parts.append(f"from {low} to {high}")
        return ", ".join(parts)

    def _property_sections(self) -> str:
        out = ["## Properties"]
        for kind, title in _PROPERTY_KINDS:
            members = [p for p in self.properties if (p, RDF.type, kind) in self.vocab]
            if not members:
                continue
            lines = [f"### {title}", ""]
            lines += ["| Property | Domain | Range | Subproperty of | Description |"]
            lines += ["|---|---|---|---|---|"]
            for p in members:
                lines.append(self._property_row(p))
            out.append("\n".join(lines))
        return "\n\n".join(out)

    def _property_row(self, p: Node) -> str:
        anchor = f'<a id="{self._anchor(p)}"></a>{qname(p, self.names)}'
        domain = self._refs(self.vocab.objects(p, RDFS.domain)) or "any"
        range_ = self._refs(self.vocab.objects(p, RDFS.range)) or "any"
        parents = self._refs(self.vocab.objects(p, RDFS.subPropertyOf))
        traits = [name for kind, name in _CHARACTERISTICS if (p, RDF.type, kind) in self.vocab]
        description = escape(self._text(p, RDFS.comment) or self._text(p, RDFS.label))
        if not any(d in self.classes for d in self.vocab.objects(p, RDFS.domain)):
            # Not in any class's section, so its rules are given here.
            rules = sorted(self.shapes.property_rules.get(p, set()))
            description = " ".join([description, *(escape(r) for r in rules)]).strip()
        if traits:
            description = f"*{', '.join(traits)}.* {description}".rstrip()
        return f"| {anchor} | {domain} | {range_} | {parents} | {description} |"

    def _individuals(self, title: str, cls: Node) -> str:
        members = self._instances(cls)
        if not members:
            return ""
        lines = [f"## {title}", ""]
        lines.append(f"Individuals of {self._ref(cls)}.")
        lines += ["", "| Individual | Label | Description |", "|---|---|---|"]
        for m in members:
            label = escape(self._text(m, RDFS.label))
            comment = escape(self._text(m, RDFS.comment))
            lines.append(
                f'| <a id="{self._anchor(m)}"></a>{qname(m, self.names)} | {label} | {comment} |'
            )
        return "\n".join(lines)

    def _evidence_kinds(self) -> str:
        kinds = [c for c in self.classes if CRED.Evidence in (c, *self._ancestors(c))]
        if not kinds:
            return ""
        lines = [
            "## Evidence kinds and reliability priors",
            "",
            "The prior probability that evidence of a kind is what it is offered as"
            " (`cred:reliabilityPrior`). A kind without its own prior inherits its superclass's."
            " A case file can add kinds under `extend: evidence_kinds`.",
            "",
            "| Kind | Subclass of | Reliability prior | Description |",
            "|---|---|---|---|",
        ]
        for kind in kinds:
            prior = self._prior(kind)
            if prior is None:
                shown = "none"
            else:
                value, source = prior
                shown = str(value) if source == kind else f"{value} (from {self._ref(source)})"
            parents = self._refs(p for p in self._parents(kind) if is_cred(p))
            comment = escape(self._text(kind, RDFS.comment))
            lines.append(f"| {self._ref(kind)} | {parents} | {shown} | {comment} |")
        return "\n".join(lines)

    def _external_terms(self) -> str:
        external = sorted((t for t in self.shapes.shape_terms if not is_cred(t)), key=str)
        if not external:
            return ""
        lines = [
            "## Terms from other vocabularies",
            "",
            "Names, titles, descriptions and dates use the standard terms; the shapes constrain"
            " them on these classes.",
            "",
            "| Term | Used on |",
            "|---|---|",
        ]
        for term in external:
            users = sorted(
                (c for c, props in self.shapes.by_class.items() if term in props), key=str
            )
            lines.append(f"| {self._ref(term)} | {self._refs(users)} |")
        return "\n".join(lines)

    # Lookups

    def _parents(self, c: Node) -> list[Node]:
        parents = set(self.vocab.objects(c, RDFS.subClassOf))
        # cred: superclasses first, then the alignments, each group sorted.
        return sorted(parents, key=lambda p: (not is_cred(p), str(p)))

    def _ancestors(self, c: Node) -> list[Node]:
        seen: list[Node] = []
        todo = [p for p in self._parents(c) if is_cred(p)]
        while todo:
            node = todo.pop(0)
            if node not in seen:
                seen.append(node)
                todo += [p for p in self._parents(node) if is_cred(p)]
        return seen

    def _prior(self, c: Node) -> tuple[Decimal | str, Node] | None:
        for node in (c, *self._ancestors(c)):
            value = self.vocab.value(node, CRED.reliabilityPrior)
            if isinstance(value, Literal):
                return value.toPython(), node
        return None

    def _instances(self, c: Node) -> list[Node]:
        return sorted(set(self.vocab.subjects(RDF.type, c)), key=str)

    def _domain_properties(self, c: Node) -> list[Node]:
        return sorted(set(self.vocab.subjects(RDFS.domain, c)), key=str)

    def _text(self, node: Node, prop: URIRef) -> str:
        values = [v for v in self.vocab.objects(node, prop) if isinstance(v, Literal)]
        # English first, then untagged, then anything, so that the choice is stable.
        values.sort(key=lambda v: (v.language != "en", v.language is not None,
                                   v.language or "", str(v)))
        return str(values[0]) if values else ""

    def _ref(self, node: Node) -> str:
        name = qname(node, self.names)
        if is_cred(node) and (
            node in self.classes or node in self.properties or self._is_individual(node)
        ):
            return f"[{name}](#{self._anchor(node)})"
        if isinstance(node, URIRef) and not is_cred(node) and not name.startswith("xsd:"):
            return f"[{name}]({node})"
        return f"`{name}`" if name.startswith(("xsd:", "rdf:", "owl:")) else name

    def _refs(self, nodes: Iterable[Node]) -> str:
        return ", ".join(self._ref(n) for n in sorted(set(nodes), key=str))

    def _anchor(self, node: Node) -> str:
        # Kinds in the anchor: cred:Stance and cred:stance differ only in case.
        if node in self.classes:
            kind = "class"
        elif node in self.properties:
            kind = "property"
        else:
            kind = "individual"
        return f"{kind}-{local_name(node)}"

    def _is_individual(self, node: Node) -> bool:
        return any((node, RDF.type, c) in self.vocab for c in (CRED.Stance, CRED.Setting))


__all__ = ["Page"]
