"""The citizen satisfaction rating: the screen facing the citizen at a counter, its pages."""
