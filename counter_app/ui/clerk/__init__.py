"""The clerk window's pages."""
