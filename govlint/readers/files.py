"""Bounded reads of one input: regular files only, never more than the size limit.

A crawler's drop directory or an inbox may hold anything: a FIFO named ``report.txt``
(``open`` would block forever), a link to ``/dev/zero`` (endless), a socket, a huge file.
So a path is ``stat``-ed first and only a regular file is opened; it is opened with
``O_NONBLOCK`` (if it was swapped for a FIFO between ``stat`` and ``open``, the open cannot
block) and checked again on the open descriptor; at most ``limit + 1`` bytes are read, so a
file over the limit costs no more than the limit to reject. Standard input is read the same
way.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

from govlint.errors import ReadError
from govlint.limits import format_size

_CHUNK = 1024 * 1024

_KINDS = (
    (stat.S_ISDIR, "是目录，不是文件"),
    (stat.S_ISFIFO, "是命名管道（FIFO），不是普通文件，未读取"),
    (stat.S_ISCHR, "是字符设备，不是普通文件，未读取"),
    (stat.S_ISBLK, "是块设备，不是普通文件，未读取"),
    (stat.S_ISSOCK, "是套接字，不是普通文件，未读取"),
)


_ERRNO_REASONS = {
    errno.ELOOP: "符号链接循环（链接最终指向自己），无法读取",
    errno.ENAMETOOLONG: "文件名或路径过长，无法读取",
    errno.ENOTDIR: "路径中的某一级不是目录，文件不存在",
    errno.EIO: "读取时发生输入/输出错误",
}


def _not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read (``None``: a regular file)."""
    if stat.S_ISREG(mode):
        return None
    return next((reason for test, reason in _KINDS if test(mode)), "不是普通文件，未读取")


def too_large(size: int | None, limit: int) -> ReadError:
    """The error for an input over ``limit`` bytes (``size``: its exact size, when known)."""
    what = f"{format_size(size)}，上限" if size is not None else "超过上限"
    return ReadError(f"文件过大（{what} {format_size(limit)}，可用 max-file-size 设置），不像是年度报告")


def os_error(exc: OSError) -> ReadError:
    """A one-line read error for an ``OSError`` of ``stat``/``open``/``read``."""
    if isinstance(exc, FileNotFoundError):
        return ReadError("文件不存在")
    if isinstance(exc, IsADirectoryError):
        return ReadError("是目录，不是文件")
    if isinstance(exc, PermissionError):
        return ReadError("没有读取权限")
    reason = _ERRNO_REASONS.get(exc.errno or 0)
    if reason:
        return ReadError(reason)
    return ReadError(f"无法读取：{exc.strerror or type(exc).__name__}")


def read_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file ``path``; :class:`ReadError` for anything else or over ``limit``."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise os_error(exc) from None
    except ValueError:  # an embedded NUL in the name
        raise ReadError("文件名无效") from None
    reason = _not_regular(info.st_mode)
    if reason:
        raise ReadError(reason)
    if info.st_size > limit:
        raise too_large(info.st_size, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise os_error(exc) from None
    try:
        reason = _not_regular(os.fstat(descriptor).st_mode)  # replaced since the stat above?
        if reason:
            raise ReadError(reason)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = read_bounded(handle, limit)
    except OSError as exc:
        raise os_error(exc) from None
    finally:
        os.close(descriptor)
    if len(data) > limit:  # grew since the stat
        raise too_large(None, limit)
    return data


def read_bounded(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``stream`` (one more than allowed tells the caller it is too large)."""
    parts: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = stream.read(min(_CHUNK, left))
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def read_stdin(stream: BinaryIO, limit: int) -> bytes:
    """Standard input, at most ``limit`` bytes (:class:`ReadError` when there is more)."""
    data = read_bounded(stream, limit)
    if len(data) > limit:
        raise too_large(None, limit)
    return data
