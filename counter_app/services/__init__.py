"""Use cases: each service takes a Database and settings, and opens a session per call."""
