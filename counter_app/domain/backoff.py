"""When to try again after a failure: full-jitter exponential backoff, honouring Retry-After."""

from __future__ import annotations

import random
from collections.abc import Callable


def backoff_seconds(
    failures: int,
    *,
    base: float = 2.0,
    cap: float = 900.0,
    retry_after: float | None = None,
    rand: Callable[[float, float], float] = random.uniform,
) -> float:
    """Seconds to wait after `failures` failures in a row (1 = the first failure).

    A random point in [0, min(cap, base·2^(failures-1))], so many offices coming back at
    once do not all knock together; never less than the server's Retry-After.
    """
    if failures <= 0:
        return max(retry_after or 0.0, 0.0)
    ceiling = min(cap, base * 2 ** min(failures - 1, 30))
    wait = rand(0.0, ceiling)
    if retry_after is not None:
        wait = max(wait, retry_after)
    return wait
