"""Một Cửa Counter: software for the one-stop-shop counters of Vietnamese communes."""

__version__ = "0.1.0"
