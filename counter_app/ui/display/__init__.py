"""The queue display board: a full-screen window for the TV in the waiting hall."""
