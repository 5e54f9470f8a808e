"""coding (being written)."""
