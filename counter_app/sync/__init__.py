"""Sync with the provincial system: the protocol's reference server (and, later, the client)."""
