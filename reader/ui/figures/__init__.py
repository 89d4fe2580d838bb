"""Figures: the metrics sidebar, its models, and the Figures window of the library."""
