"""Parallel Reader: a desktop reader for multilingual news."""

__version__ = "0.1.0"
APP_NAME = "Parallel Reader"
