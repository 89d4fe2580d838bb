"""Parallel Reader: a desktop reader for multilingual news."""

__version__ = "0.1.0"
APP_NAME = "Parallel Reader"
# The desktop's name for the app: its .desktop entry, icon and window class.
APP_ID = "parallel-reader"
