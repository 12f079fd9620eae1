"""Finding packs by name or path, loading them once, and registering their rules.

Packs are found by name among those the plugins ship (the ``govlint_packs`` hook: govlint's
own ``packs`` plugin returns the built-in packs, an installed distribution returns its own),
or by path. A reference containing ``/`` or ending in ``.yaml``/``.yml`` is a path (relative
to the configuration file that names it, or to the current directory on the command line);
anything else is a name. A pack's rules join the host's rule registry like any plugin's,
and the same collisions stop the run: two packs of one name, a code or name already taken.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govlint.errors import ConfigError
from govlint.packs.model import Pack
from govlint.packs.nodes import PackError
from govlint.rules import RuleRegistry

#: The plugin name of rules from packs given by path (not shipped by any plugin).
LOCAL_PLUGIN = "local"

#: Packs read in this process, by file and modification time: each file is validated once.
_LOADED: dict[tuple[Path, int], Pack] = {}


def is_path(reference: str) -> bool:
    """Whether a pack reference is a file path rather than a name."""
    return "/" in reference or "\\" in reference or reference.endswith((".yaml", ".yml"))


class PackCatalog:
    """The packs available to one run, and the ones loaded and registered so far."""

    def __init__(self, host: Any = None) -> None:
        self.host = host
        self._available: dict[str, tuple[Path, str]] | None = None

    # ------------------------------------------------------------------ discovery
    def available(self) -> dict[str, tuple[Path, str]]:
        """``{pack name: (file, plugin name)}`` of every pack the plugins ship."""
        if self._available is None:
            self._available = {}
            for plugin, paths in self._provided():
                for raw in paths:
                    path = Path(raw)
                    name = path.stem
                    if name in self._available and self._available[name][0] != path:
                        other = self._available[name][1]
                        raise ConfigError(f"pack {name!r} is shipped by plugin {other!r} and by plugin {plugin!r}")
                    self._available[name] = (path, plugin)
        return self._available

    def _provided(self) -> list[tuple[str, list[str]]]:
        if self.host is None:
            from govlint.packs.builtin import PLUGIN_NAME, pack_files

            return [(PLUGIN_NAME, pack_files())]
        found = []
        for impl in self.host.pm.hook.govlint_packs.get_hookimpls():
            try:
                paths = [str(p) for p in (impl.function() or ())]
            except Exception as exc:
                info = self.host.plugins.get(impl.plugin_name)
                who = info.describe() if info else repr(impl.plugin_name)
                raise ConfigError(f"plugin {who} failed while listing its packs: {type(exc).__name__}: {exc}") from exc
            found.append((impl.plugin_name, paths))
        return found

    # ------------------------------------------------------------------ loading
    def resolve(self, reference: str, base: Path, where: str) -> Pack:
        """The pack a configuration or ``--pack`` names (loaded once per file)."""
        if is_path(reference):
            path = (base / reference).resolve()
            if not path.is_file():
                raise ConfigError(f"{where}: no pack file {reference!r} (looked for {path})")
            return self._load(path, LOCAL_PLUGIN)
        available = self.available()
        if reference not in available:
            raise ConfigError(f"{where}: unknown pack {reference!r}{_hint(reference, available)}")
        path, plugin = available[reference]
        pack = self._load(path, plugin)
        if pack.name != reference:
            raise PackError(f"{path}:1:1: pack: the pack in {path.name} is called {pack.name!r}; "
                            f"a pack found by name must be called after its file ({reference!r})")
        return pack

    def _load(self, path: Path, plugin: str) -> Pack:
        try:
            key = (path, path.stat().st_mtime_ns)
        except OSError:
            key = (path, 0)
        if key not in _LOADED:
            from govlint.packs.schema import load_pack

            _LOADED[key] = load_pack(path, plugin)
        return _LOADED[key]

    def load_all(self) -> list[Pack]:
        """Every pack the plugins ship (``govlint packs``, ``govlint rules``)."""
        return [self.resolve(name, Path.cwd(), "pack") for name in sorted(self.available())]

    # ------------------------------------------------------------------ registering
    def register(self, pack: Pack, registry: RuleRegistry) -> None:
        """Add the pack's rules to ``registry``; a code or name already taken is an error."""
        known = registry.packs.get(pack.name)
        if known is not None and known.path == pack.path:
            return
        if known is not None:
            raise ConfigError(f"two packs are called {pack.name!r}: {known.path} and {pack.path}")
        for target in pack.rules:
            for key in (target.code, target.name):
                other = registry.get(key)
                if other is not None:
                    owner = f"pack {other.pack!r}" if other.pack else f"plugin {other.plugin!r}"
                    what = "code" if key == target.code else "name"
                    raise PackError(f"{pack.positions[target.code]}: {what} {key!r} of pack {pack.name!r} "
                                    f"is already used by {owner} ({other.code})")
        for target in pack.rules:
            registry.add(self._documented(target._replace(plugin=pack.plugin)))
        registry.packs[pack.name] = pack

    def _documented(self, target: Any) -> Any:
        """A built-in pack's rule with the URL of its section of docs/rules.md."""
        info = getattr(self.host, "plugins", {}).get(target.plugin) if self.host is not None else None
        if target.url or info is None:
            return target
        from govlint.rules_doc import BUILTIN_RULE_MODULES, rule_url

        return target._replace(url=rule_url(target)) if info.value.startswith(BUILTIN_RULE_MODULES) else target

    def register_all(self, registry: RuleRegistry) -> list[Pack]:
        """Load and register every available pack; return them."""
        packs = self.load_all()
        for pack in packs:
            self.register(pack, registry)
        return packs



def _hint(reference: str, available: dict[str, Any]) -> str:
    import difflib

    close = difflib.get_close_matches(reference, list(available), n=1, cutoff=0.6)
    if close:
        return f"; did you mean {close[0]!r}?"
    names = ", ".join(sorted(available)) or "none"
    return f" (available packs: {names}; `govlint packs` lists them; a path must end in .yaml)"
