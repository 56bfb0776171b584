"""Errors a user can act on. Their message says what is wrong and what to do; no traceback."""


class UserError(Exception):
    """Bad input or a refused action: the CLI prints the message and exits 1; nothing changed."""

    exit_code = 1


class SetupError(UserError):
    """The environment is not usable (database unreachable, folder not writable): exit 2."""

    exit_code = 2
