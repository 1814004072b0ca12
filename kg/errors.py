"""Errors that the command line turns into one-line messages."""


class KgError(Exception):
    """A problem with the user's input or environment, explained in one line."""
