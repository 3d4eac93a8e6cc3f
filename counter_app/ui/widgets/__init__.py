"""Small reusable widgets of the Qt front ends."""
