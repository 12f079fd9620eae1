"""Writing a file so that readers see the old content or the new one, never half of it.

Every file govlint writes for the user (``-o`` pages, annotated Word copies, baselines)
goes through :func:`write_atomically`: the data is written to a temporary file beside the
target and renamed over it, so an interrupted or failed write leaves the user's file as it
was. The temporary name ends in ``.govlint-tmp``, which directory discovery skips.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

#: Suffix of the temporary files (a leftover one is never taken for a report).
TEMPORARY_SUFFIX = ".govlint-tmp"


def write_atomically(path: Path, data: str | bytes) -> None:
    """Replace ``path`` with ``data`` (text is written as UTF-8) in one rename.

    Raises :class:`OSError` (after removing the temporary file) when the directory cannot be
    written; the caller turns it into a one-line message naming the file.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
