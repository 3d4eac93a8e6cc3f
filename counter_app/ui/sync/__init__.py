"""Qt side of the provincial sync: the background sender's bridge, the status bar, the page."""
