"""Decode report bytes: UTF-8, UTF-8 with BOM, UTF-16 with BOM, then GB18030.

Many government files are GBK (a subset of GB18030). GB18030 maps almost any byte
sequence to *something*, so a successful GB18030 decode is accepted only if the result
looks like Chinese text; otherwise the bytes are reported as undecodable rather than
parsed as mojibake.
"""

from __future__ import annotations

from govlint.errors import ReadError

#: Largest file govlint reads. A real report is 10–500 KB; anything far larger is not a
#: report and would only cost memory.
MAX_BYTES = 20 * 1024 * 1024


def _looks_like_chinese(text: str) -> bool:
    """Whether decoded text is plausibly Chinese prose rather than mojibake."""
    sample = text[:20000]
    letters = [c for c in sample if not c.isspace() and not c.isascii()]
    if not letters:
        return True  # pure ASCII decodes identically everywhere
    common = sum(1 for c in letters if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f"
                 or "\uff00" <= c <= "\uffef")
    return common / len(letters) >= 0.6


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`ReadError` with a Chinese reason."""
    if len(data) > MAX_BYTES:
        raise ReadError(f"文件过大（{len(data) // (1024 * 1024)} MB，上限 {MAX_BYTES // (1024 * 1024)} MB），不像是年度报告")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ReadError("文件以 UTF-16 字节序标记开头，但内容无法按 UTF-16 解码") from None
    elif b"\x00" in data[:65536]:
        raise ReadError("二进制文件（含空字节），不是文本报告")
    elif data.startswith(b"\xef\xbb\xbf"):
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError:
            raise ReadError("文件以 UTF-8 字节序标记开头，但内容不是有效的 UTF-8") from None
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("gb18030"), "gb18030"
            except UnicodeDecodeError:
                raise ReadError("无法解码：既不是 UTF-8 也不是 GB18030/GBK 文本") from None
            if not _looks_like_chinese(text):
                raise ReadError("无法解码：既不是 UTF-8 也不是 GB18030/GBK 文本") from None
    if not text.strip():
        raise ReadError("文件为空")
    return text, encoding
