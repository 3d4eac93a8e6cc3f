"""Thermal queue tickets: the slip drawn as a 1-bit image, ESC/POS bytes, printer connections."""
