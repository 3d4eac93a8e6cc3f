"""The dossier list and detail screens: search, filters, history, lifecycle actions, reprints."""
