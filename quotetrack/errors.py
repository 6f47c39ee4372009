"""Project exceptions: each carries a message a user can act on."""


class QuotetrackError(Exception):
    """Base for every error the CLI reports as `Error: <message>` with exit code 1."""


class DatabaseError(QuotetrackError):
    """The database path is unusable (a folder, not SQLite, not writable)."""


class FileError(QuotetrackError):
    """A file that cannot be read or written, or read as statements (not CSV/JSON, not UTF-8)."""


class NotFoundError(QuotetrackError):
    """An id that names nothing stored."""


class ValidationError(QuotetrackError):
    """A field value that cannot be stored as given."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.detail = message
        super().__init__(f"{field}: {message}")


class DuplicateError(QuotetrackError):
    """The same statement (speaker, outlet, date, normalised text) is already stored."""

    def __init__(self, existing_id: str, *, editing: bool = False):
        self.existing_id = existing_id
        if editing:
            message = (f"after this edit the statement would be the same as {existing_id} "
                       "(use --force to edit it anyway)")
        else:
            message = f"this statement is already stored as {existing_id} (use --force to add it again)"
        super().__init__(message)


class ImportProblems(QuotetrackError):
    """A file with one or more bad rows; nothing was written."""

    def __init__(self, problems: list[str], limit: int = 20):
        self.problems = problems
        shown = problems[:limit]
        more = len(problems) - len(shown)
        lines = list(shown)
        if more:
            lines.append(f"... and {more} more problem{'s' if more != 1 else ''}")
        super().__init__(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found, nothing imported:\n"
            + "\n".join(lines)
        )
