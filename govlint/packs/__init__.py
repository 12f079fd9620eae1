"""Province rule packs: rules written as data (YAML) instead of Python.

A pack is a YAML file with a name, a description, its source (the notice or standard it
encodes), a scope (the issuers and report years it applies to) and rules. Each rule is
built from one building block (:mod:`govlint.packs.blocks`) and becomes an ordinary
:class:`govlint.rules.Rule`: selectable, ignorable, documented, in every output format.

* :mod:`govlint.packs.schema` reads and validates a pack file (ruamel.yaml keeps the line and
  column of every key, so a bad pack stops the run with ``file:line:col``, the key and what
  was expected);
* :mod:`govlint.packs.blocks` turns a rule's block into a check function;
* :mod:`govlint.packs.loader` finds packs by name (built-in ones, and those installed
  distributions return from the ``govlint_packs`` hook) or by path and registers their rules;
* :mod:`govlint.packs.grants` computes what the enabled packs accept for one report.

Nothing here is imported unless a pack is used: ``govlint check`` with no pack configured
never reads YAML (start-up time, architecture.md §3). The format is documented in
docs/packs.md.
"""
