"""The citizen ticket kiosk: full-screen, touch-first, locked down; prints queue tickets."""
