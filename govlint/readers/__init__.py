"""Readers: bytes of one input format into a :class:`~govlint.document.Document`.

Readers are plugins: the host asks the first-result hook ``govlint_read`` and the first
reader that recognises the file wins, so a third-party package can add a format.
"""
