"""Isolation of one file's work: captured third-party output and guarded calls.

Whatever a reader, the parser or a plugin's rule raises while one file is handled becomes a
:class:`~govlint.results.Failure` of that file (one line, plus the traceback for
``--debug``); warnings and log records of third-party libraries (pdfminer's "Could not get
FontBBox") are captured instead of printed, so every error stays one line.
"""

from __future__ import annotations

import contextlib
import logging
import traceback
import warnings
from collections.abc import Callable, Iterator
from typing import TypeVar

from govlint.errors import one_line
from govlint.results import Failure

T = TypeVar("T")

#: What an internal error in each stage leaves unchecked.
NOT_CHECKED = "本文件未被检查"
RULE_NOT_CHECKED = "该规则的检查未完成，其余规则照常运行"
LINES_INCOMPLETE = "抑制指令和源码行可能未处理"


class _Collected(logging.Handler):
    """Keeps the log records of third-party libraries instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < 100:
            self.records.append(record)


@contextlib.contextmanager
def captured_output() -> Iterator[_Collected]:
    """Capture warnings and log records (pdfminer's "Could not get FontBBox") while a file is handled.

    Python prints an unhandled warning or a log record without a handler to stderr, which
    would break the one-line contract of govlint's errors.
    """
    handler = _Collected()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield handler
    finally:
        root.removeHandler(handler)


def detail(exc: BaseException) -> str:
    """``ExceptionClass: first line of the message`` (one line, control characters escaped)."""
    text = (str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)).strip()
    first = one_line(text.splitlines()[0]) if text else ""
    if len(first) > 200:
        first = first[:200] + "…"
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def internal_failure(what: str, exc: BaseException, consequence: str = NOT_CHECKED) -> Failure:
    """A :class:`Failure` for an exception raised by ``what`` (a reader, the parser, a rule)."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return Failure(f"{what}内部错误（{detail(exc)}），{consequence}", text)


def guarded(action: Callable[[], T], what: str, failures: list[Failure], consequence: str = NOT_CHECKED) -> T | None:
    """``action()``, or ``None`` with an internal failure of ``what`` recorded when it raises."""
    try:
        return action()
    except Exception as exc:  # noqa: BLE001 - any bug of a reader, the parser or a plugin
        failures.append(internal_failure(what, exc, consequence))
        return None
