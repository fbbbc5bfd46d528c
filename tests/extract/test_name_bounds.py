"""Reading a name costs time linear in its words: a hostile run of capitalised words (the CLI
is not time-bounded) must not make the longest-key search cubic."""

from kg.extract.names import _longest


class CountingTable(dict):
    """A lexicon table that counts the lookups made in it."""

    lookups = 0

    def __contains__(self, key: object) -> bool:
        CountingTable.lookups += 1
        return super().__contains__(key)


def test_no_run_longer_than_the_longest_key_is_looked_up():
    table = CountingTable({"Defence Ministry": 1, "Ministry": 2})
    words = ["Alpha"] * 3000 + ["Defence", "Ministry"] + ["Beta"] * 3000
    CountingTable.lookups = 0
    assert _longest(words, table, lower=False) == (3000, 3002)
    # Two-word keys: at most two runs tried per start word (it was n^2 / 2 runs, 18M here).
    assert CountingTable.lookups <= 2 * len(words)


def test_the_longest_key_still_wins():
    table = CountingTable({"National": 1, "National Security Council": 2})
    words = ["the", "National", "Security", "Council", "of", "Valmora"]
    assert _longest(words, table, lower=False) == (1, 4)
