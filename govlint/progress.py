"""The progress line of a long run, on stderr: count, rate and the current file.

Shown only when stderr is a terminal and more than :data:`MIN_FILES` files are checked
(``-q`` turns it off): a pipe, a CI log or a pre-commit run on two files never sees it. One
line redrawn in place (``\\r`` and erase-to-end-of-line), at most ten times a second, and
erased before findings are printed and when the run ends, so it never mixes with them.
"""

from __future__ import annotations

import shutil
import time
from typing import TextIO

from govlint.output.full import display_width

#: From how many files on a progress line is worth showing.
MIN_FILES = 10
_INTERVAL = 0.1


class Progress:
    """A one-line progress renderer (does nothing when not ``enabled``)."""

    def __init__(self, stream: TextIO, total: int, enabled: bool) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.done = 0
        self._start = time.monotonic()
        self._drawn = False
        self._last = 0.0

    @classmethod
    def for_run(cls, stream: TextIO, total: int, quiet: bool) -> "Progress":
        """Enabled when ``stream`` is a terminal, more than :data:`MIN_FILES` files run, and not ``quiet``."""
        try:
            tty = stream.isatty()
        except (AttributeError, ValueError):
            tty = False
        return cls(stream, total, tty and total > MIN_FILES and not quiet)

    def advance(self, current: str) -> None:
        """One more file done (``current``: its name)."""
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < _INTERVAL and self.done < self.total:
            return
        self._last = now
        self.draw(self.text(current, now))

    def text(self, current: str, now: float) -> str:
        """``已检查 120/1000 个文件（85 个/秒） 当前：路径`` cut to the terminal's width."""
        elapsed = max(now - self._start, 1e-6)
        head = f"已检查 {self.done}/{self.total} 个文件（{self.done / elapsed:.0f} 个/秒） "
        width = shutil.get_terminal_size((80, 24)).columns - 1
        room = width - display_width(head)
        name = current
        while name and display_width(name) > room:
            name = name[1:]
        if name != current and name:
            name = "…" + name[1:]
        return head + name

    def draw(self, text: str) -> None:
        """Replace the progress line with ``text``."""
        self.stream.write("\r" + text + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def clear(self) -> None:
        """Erase the progress line (before findings are printed, and at the end)."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False
