"""Domain errors. Their messages are shown to office staff as they are, in Indonesian."""


class DomainError(Exception):
    """An error the user can act on; `str(exc)` is a complete Indonesian sentence."""


class NotFound(DomainError):
    """A record the user asked for does not exist."""


class InvalidInput(DomainError):
    """Input (a file, a form, a command-line value) breaks a rule; nothing was changed."""

    def __init__(self, problems: list[str] | str):
        if isinstance(problems, str):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class NotAllowed(DomainError):
    """The acting person may not do this (their role, not their turn, not themself, or no
    longer active); nothing was changed."""
