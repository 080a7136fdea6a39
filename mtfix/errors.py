"""Specific exceptions: every error mtfix raises names what failed and why."""

from __future__ import annotations


class MtfixError(Exception):
    """Base class of everything mtfix raises on purpose.

    Every one pickles back to the same error, message and attributes (a process pool, joblib or Spark
    sends a worker's exception to the caller pickled), whatever its ``__init__`` takes: Python's own
    pickling calls ``cls(*args)`` with the message alone, which ``RecordError`` or ``RulePackError``
    cannot take (the pool broke) and ``InputError`` read as its reason (``<input>: a.md:3: …``).

    >>> import pickle
    >>> str(pickle.loads(pickle.dumps(RecordError("n1", "field 'body' is missing"))))
    "record 'n1': field 'body' is missing"
    """

    def __reduce__(self) -> tuple:
        return _restore, (type(self), self.args, self.__dict__)


def _restore(cls: type[MtfixError], args: tuple, state: dict) -> MtfixError:
    """An error as :meth:`MtfixError.__reduce__` saved it, without calling its ``__init__`` again."""
    err = cls.__new__(cls)
    err.args = args
    err.__dict__.update(state)
    return err


class InputError(MtfixError):
    """A file or text that cannot be read: names the file, line and reason.

    >>> str(InputError("bad bytes", path="a.txt", line=3))
    'a.txt:3: bad bytes'
    """

    def __init__(self, reason: str, *, path: str | None = None, line: int | None = None):
        self.reason, self.path, self.line = reason, path, line
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {reason}")


class RulePackError(MtfixError):
    """A rule pack that is malformed: names the pack, the rule code and the field."""

    def __init__(self, pack: str, reason: str, *, code: str | None = None, field: str | None = None,
                 path: str | None = None):
        self.pack, self.code, self.field, self.reason, self.path = pack, code, field, reason, path
        parts = [f"rule pack {pack!r}" + (f" ({path})" if path else "")]
        if code:
            parts.append(f"rule {code}")
        if field:
            parts.append(f"field {field!r}")
        super().__init__(f"{', '.join(parts)}: {reason}")


class GlossaryError(MtfixError):
    """A glossary that cannot be loaded or that conflicts with another."""


class ConfigError(MtfixError):
    """A bad option or configuration file value."""


class GrammarError(MtfixError):
    """LanguageTool could not be installed, started or reached."""


class RecordError(MtfixError):
    """One record of a batch could not be processed (carries its id)."""

    def __init__(self, record_id: object, reason: str):
        self.record_id, self.reason = record_id, reason
        super().__init__(f"record {record_id!r}: {reason}")


class WorkerError(MtfixError):
    """A worker process of a parallel batch died (killed, out of memory, crashed): the batch stops.
    ``resume_index``: for a stream of records (:func:`mtfix.records.process` with ``workers``), every result
    before it was delivered, in order; None when nothing was kept (``--jobs``: nothing is written).

    >>> WorkerError.at_record(128).resume_index
    128
    """

    def __init__(self, message: str, resume_index: int | None = None):
        self.resume_index = resume_index
        super().__init__(message)

    @classmethod
    def at_record(cls, resume_index: int, start_method: str | None = None) -> WorkerError:
        """The error of a record stream stopped at ``resume_index``.  ``start_method``: the pool's, when it
        starts workers by running the main module again (``spawn``, ``forkserver``): a script that starts the
        job at import, outside ``if __name__ == "__main__":``, breaks its pool that way.

        >>> print(WorkerError.at_record(0, "spawn"))
        a worker process died (killed by the system, out of memory, or crashed, or, as the start method is 'spawn', it ran the main module again: start the job under if __name__ == "__main__":) while processing records from index 0; every earlier result was delivered: resume from index 0
        """
        why = "killed by the system, out of memory, or crashed"
        if start_method in ("spawn", "forkserver"):
            why += (f", or, as the start method is {start_method!r}, it ran the main module again: start the job "
                    'under if __name__ == "__main__":')
        return cls(f"a worker process died ({why}) while processing records from index {resume_index}; every "
                   f"earlier result was delivered: resume from index {resume_index}", resume_index)
