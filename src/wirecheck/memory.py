"""Hand the C allocator's free memory back to the system between stages.

Each stage frees large working objects (token lists, candidate arrays, parsed views) that
CPython's small-object allocator does not hold: glibc's ``malloc`` keeps such freed memory
in its heaps for reuse, and with the stage's records allocated after it that memory is
neither reused by the next stage's different sizes nor returned (its dynamic mmap
threshold serves blocks of up to 32 MB from the heap once a larger block was freed).
``malloc_trim(0)`` returns every free page of the heaps to the system (glibc only; a
no-op elsewhere).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from functools import cache


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim  # this process's C library
    except (OSError, AttributeError):  # not glibc (macOS, musl, Windows)
        return None
    return trim


def release_free_memory() -> bool:
    """Return the C heaps' free pages to the system; False where the C library cannot."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
