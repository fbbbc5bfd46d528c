"""A mapping of assessments built on first access, one at a time or all at once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Generic, TypeVar

T = TypeVar("T")


class LazyAssessments(Mapping[str, T], Generic[T]):
    """IRI -> assessment, each built on first access and cached.

    Asking for all of them at once (``values()``, ``items()``, or :meth:`many` for a large
    share) builds them in one pass of the reference implementation over the whole graph, which
    is faster than one neighbourhood at a time when they are many.
    """

    def __init__(self, keys: tuple[str, ...], index: Mapping[str, int],
                 one: Callable[[int], T], every: Callable[[], dict[str, T]]) -> None:
        self._keys = keys
        self._index = index
        self._one = one
        self._every = every
        self._cache: dict[str, T] = {}
        self._complete = False

    def __getitem__(self, key: str) -> T:
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._one(self._index[key])
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    @property
    def complete(self) -> bool:
        """Whether every assessment is built (after :meth:`values`, :meth:`items` or a large
        :meth:`many`): reading them then reads nothing from the store."""
        return self._complete

    def _fill(self) -> None:
        if not self._complete:
            built = self._every()
            built.update(self._cache)  # keep the objects already handed out
            self._cache = built
            self._complete = True

    def values(self) -> list[T]:  # type: ignore[override]
        self._fill()
        return [self._cache[k] for k in self._keys]

    def items(self) -> list[tuple[str, T]]:  # type: ignore[override]
        self._fill()
        return [(k, self._cache[k]) for k in self._keys]

    def many(self, keys: Iterable[str]) -> list[T]:
        wanted = list(keys)
        if len(wanted) > max(200, len(self._keys) // 4):
            self._fill()
        return [self[k] for k in wanted]


__all__ = ["LazyAssessments"]
