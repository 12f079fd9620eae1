"""govlint's built-in rule families.

Each sub-package is one family, registered through the ``govlint`` entry-point group
exactly as a third-party package would be (see ``[project.entry-points.govlint]`` in
pyproject.toml). An entry-point module only declares hooks; rule modules are imported when
the registry is built.
"""
