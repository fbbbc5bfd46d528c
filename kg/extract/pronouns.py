"""The antecedent of a pronoun that names a speaker (``ActorTable.resolve``'s first rule).

- "he", "she" (and "him", "her", "I"): the most recent person mentioned, within three
  sentences, not one the text shows to be of the other sex (:mod:`kg.extract.gender`); a
  body whose spokeswoman spoke just before when no person is named near by ("a spokeswoman
  for the commission says P. Q, she added": the commission); a person introduced since
  (:func:`kg.extract.people.introduced_since`);
- "they": the unnamed person just mentioned (singular "they"), else as "it";
- "it" and the rest: the most recent organisation, state or group (not a news outlet).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.people import introduced_since, surname

if TYPE_CHECKING:
    from kg.extract.actors import ActorRecord, ActorTable


def antecedent(table: ActorTable, pronoun: str, sentence: int,
               start: int) -> ActorRecord | None:
    """The actor ``pronoun`` (at offset ``start``, in sentence ``sentence``) names, or None
    (see the module docstring)."""
    if pronoun in {"he", "she", "him", "her", "i"}:
        sex = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(pronoun)

        def fits(r: ActorRecord) -> bool:  # (a person the text shows to be of the other
            return r.kind == "Person" and (  # sex is no antecedent: kg/extract/gender.py)
                sex is None or table.genders.get(surname(r.name).lower(), sex) == sex)

        found = table.recent_actor(sentence, start, fits)
        # "a spokeswoman for the commission says P. Q, she added": the spokeswoman was
        # the body's voice, so "she" is the body, when no person is named near by (one
        # named since or just before may be "she": the body's voice then yields)
        voice = next(((s, p, i) for s, p, i in reversed(table.voices) if p < start), None)
        if voice is not None and sentence - voice[0] <= 1 and pronoun in {"he", "she"} \
                and found is None:
            return table.records[voice[2]]
        since = introduced_since(table, found, sentence, start)
        return since if since is not None and fits(since) else found
    if pronoun == "they":
        # singular "they": the unnamed person just mentioned ("The crew member, who asked
        # not to be named, said ... 'P,' they told the Courier")
        last = table.recent_actor(sentence, start, lambda r: True, window=1)
        if last is not None and last.kind == "Person" and not last.named:
            return last
    return table.recent_actor(sentence, start, lambda r: r.kind not in {"Person", "NewsOutlet"})


__all__ = ["antecedent"]
