"""Hand the C allocator's free memory back to the system between stages.

A stage frees large working objects that CPython's small-object allocator does not hold
(over 512 bytes: token lists, arrays, large dicts and strings). glibc's ``malloc`` keeps freed
memory in its heaps and gives it back to the system only from a heap's top, so memory freed
below the stage's surviving records stays resident: after a run over `synth 5000`, 57 of
the 513 MB resident were such free pages. ``malloc_trim(0)`` returns every free page of the
heaps (glibc only; a no-op elsewhere).

Some pure functions keep an ``lru_cache`` that pays inside one stage only (a name recurs in
every copy of its story) but would otherwise hold its entries through every later stage
(~100 MB at 100,000 articles): such a function is registered with ``stage_cache`` and its
cache is emptied between stages as well.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from functools import cache
from typing import Protocol, TypeVar


class _Clearable(Protocol):
    def cache_clear(self) -> None: ...


_Cached = TypeVar("_Cached", bound=_Clearable)
_STAGE_CACHES: list[_Clearable] = []


def stage_cache(function: _Cached) -> _Cached:
    """Register an ``lru_cache``-wrapped function whose cache ``release_free_memory`` empties."""
    _STAGE_CACHES.append(function)
    return function


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim  # this process's C library
    except (OSError, AttributeError, TypeError):  # not glibc: macOS, musl; Windows (TypeError)
        return None
    return trim


def release_free_memory() -> bool:
    """Empty the stage caches, then return the C heaps' free pages to the system; False
    where the C library cannot."""
    for function in _STAGE_CACHES:
        function.cache_clear()
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
