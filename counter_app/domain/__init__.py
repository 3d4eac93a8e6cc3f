"""Pure-Python rules of the one-stop counter: no Qt, no SQL, nothing else of the project."""
