"""The counter's calling panel (docked in the clerk window) and its dialogs."""
