"""govlint: a linter for 政府信息公开工作年度报告 (government information disclosure annual reports).

The package is the host: it reads a report, parses it into a :class:`~govlint.model.Report`,
runs the rule plugins registered under the ``govlint`` entry-point group and renders the
diagnostics. Plugins import only :mod:`govlint.api`.
"""

__version__ = "0.1.0"
