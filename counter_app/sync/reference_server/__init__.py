"""The reference provincial server: a real HTTP server speaking docs/sync-protocol.md.

For tests (started as a process, with switchable faults) and as a demo peer for newcomers;
not a production system. ``create_app(db_url, ...)`` builds the FastAPI app;
``python -m counter_app.sync.reference_server --db URL --port P`` runs it.
"""

from counter_app.sync.reference_server.app import create_app

__all__ = ["create_app"]
