"""Qt front ends: the clerk window (clerk/), and later kiosk, display and rating screens."""
