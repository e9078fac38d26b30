"""ReadCache: a bounded TTL cache; an owner forgets what it changes."""

from __future__ import annotations

from mlm.aws.read_cache import ReadCache


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_an_entry_is_reused_within_the_ttl() -> None:
    clock = Clock()
    cache: ReadCache[str, int] = ReadCache(10, clock=clock)
    cache.put("a", 1)
    clock.now = 9.9
    assert cache.get("a") == 1


def test_an_entry_expires_after_the_ttl() -> None:
    clock = Clock()
    cache: ReadCache[str, int] = ReadCache(10, clock=clock)
    cache.put("a", 1)
    clock.now = 10.1
    assert cache.get("a") is None


def test_a_zero_ttl_caches_nothing() -> None:
    cache: ReadCache[str, int] = ReadCache(0)
    cache.put("a", 1)
    assert cache.get("a") is None


def test_forget_where_drops_only_matching_keys() -> None:
    cache: ReadCache[tuple[str, int], int] = ReadCache(10)
    cache.put(("g1", 1), 1)
    cache.put(("g2", 1), 2)
    cache.forget_where(lambda key: key[0] == "g1")
    assert (cache.get(("g1", 1)), cache.get(("g2", 1))) == (None, 2)
