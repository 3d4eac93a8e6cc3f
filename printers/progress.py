"""How far a long render has gone, told as a fraction from 0 to 1 to whoever asked."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[float], None]


def ignore(_fraction: float) -> None:
    """A progress that nobody watches."""


def part(progress: Progress | None, start: float, end: float) -> Progress:
    """The progress of one step that covers start..end of the whole job."""
    if progress is None:
        return ignore
    report = progress

    def step(fraction: float) -> None:
        report(start + (end - start) * min(1.0, max(0.0, fraction)))

    return step


def pdf_callback(progress: Progress | None) -> Callable[[str, int], None] | None:
    """A reportlab progress callback: flowables laid out so far over the flowables in all."""
    if progress is None:
        return None
    report = progress
    total, best = [1], [0.0]

    def on_progress(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            total[0] = max(1, value)
        elif kind == "PROGRESS" and value / total[0] > best[0]:
            # A flowable split across pages goes back into the queue: never step backwards.
            best[0] = value / total[0]
            report(best[0])
        elif kind == "FINISHED":
            report(1.0)

    return on_progress
