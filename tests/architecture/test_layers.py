"""The layers import one way, with no cycles (see "What may import what" in CONTRIBUTING.md).

Every import statement counts, at module level or inside a function: a deferred import
still ties two modules together.
"""

from __future__ import annotations

import ast
from pathlib import Path

import netkeep

ROOT = Path(netkeep.__file__).parent


def _modules() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = ["netkeep", *path.relative_to(ROOT).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """What the module imports: netkeep modules by their full name, others by top package."""
    found = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    result = set()
    for target in found:
        if target.split(".")[0] != "netkeep":
            result.add(target.split(".")[0])
            continue
        while target and target not in MODULES:  # ``from netkeep.core import contacts`` → the module
            target = target.rpartition(".")[0]
        if target and target != name:
            result.add(target)
    return result


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(name: str) -> str:
    return name.split(".")[1] if name.count(".") else ""


def test_no_import_cycles():
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in GRAPH[node]:
            if other not in GRAPH:
                continue
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            part = []
            while True:
                other = stack.pop()
                part.append(other)
                if other == node:
                    break
            if len(part) > 1:
                cycles.append(sorted(part))

    for node in GRAPH:
        if node not in index:
            visit(node)
    assert cycles == []


def _breaks(layer: str, allowed) -> list[tuple[str, str]]:
    return sorted(
        (name, target)
        for name, targets in GRAPH.items()
        if _layer(name) == layer
        for target in targets
        if not allowed(target)
    )


def test_store_imports_only_itself():
    assert _breaks("store", lambda t: not t.startswith("netkeep") or _layer(t) in ("store", "paths")) == []


def test_core_imports_no_layer_above_it():
    assert _breaks("core", lambda t: _layer(t) not in ("interop", "demo", "tui", "cli")) == []


def test_interop_goes_through_core():
    assert (
        _breaks("interop", lambda t: t != "peewee" and _layer(t) not in ("store", "demo", "tui", "cli")) == []
    )


def test_cli_and_tui_never_touch_the_store():
    for layer in ("cli", "tui"):
        assert _breaks(layer, lambda t: t != "peewee" and _layer(t) != "store") == [], layer


def test_modules_are_at_most_400_lines():
    # netkeep/tui joins once its big modules (app, transfer, the letters pane) are split.
    long = {
        name: count
        for name, path in MODULES.items()
        if _layer(name) != "tui" and (count := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
