"""The layer checker behind tests/architecture/test_layers.py: reads every module of a package
with ``ast`` (nothing is imported or run) and reports, one line each naming the file, the
imports the layer rules forbid, the import cycles and the modules over the size limit.

Every ``import`` and ``from … import`` in a file counts, at module level or inside a function
or an ``if``. ``from pkg import name`` is an import of the submodule ``pkg.name`` when there is
such a module, else of ``pkg`` itself; relative imports are resolved against the importer.
An import of ``pkg.mod`` is an edge to ``pkg.mod`` alone, not to the packages above it.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

#: Below the TUI: the layers that run without a screen.
BELOW_TUI = ("netkeep.store", "netkeep.core", "netkeep.interop", "netkeep.sync", "netkeep.demo")


class Rule(NamedTuple):
    """A module named in ``who`` (or inside one of those packages) may not import a module
    named in ``banned`` (or inside one of those)."""

    who: tuple[str, ...]
    banned: tuple[str, ...]
    why: str


NO_TEXTUAL_BELOW_TUI = Rule(
    BELOW_TUI,
    ("textual", "rich"),
    "no Textual or Rich below the TUI (the CLI must not pay their import time)",
)
TUI_SKIPS_THE_STORE = Rule(
    ("netkeep.tui",), ("netkeep.store", "peewee"), "the TUI reaches the database through netkeep.core only"
)
NOTHING_BELOW_IMPORTS_THE_TUI = Rule(
    BELOW_TUI, ("netkeep.tui",), "store, core, interop and demo never import the TUI"
)
STORE_STANDS_ALONE = Rule(
    ("netkeep.store",),
    ("netkeep.core", "netkeep.interop", "netkeep.demo", "netkeep.cli", "netkeep.tui"),
    "the store imports nothing of netkeep but itself and netkeep.paths",
)
CORE_LOOKS_DOWN = Rule(
    ("netkeep.core",),
    ("netkeep.interop", "netkeep.sync", "netkeep.demo", "netkeep.cli", "netkeep.tui"),
    "core imports only the store below it",
)
INTEROP_AND_CLI_GO_THROUGH_CORE = Rule(
    ("netkeep.interop", "netkeep.cli"),
    ("netkeep.store", "peewee"),
    "file formats and the command line reach the database through netkeep.core only",
)
SYNC_BESIDE_INTEROP = Rule(
    ("netkeep.sync",),
    ("netkeep.store", "peewee", "netkeep.demo", "netkeep.cli", "netkeep.tui"),
    "sync sits beside interop: it imports core and interop only",
)
FORMATS_NEVER_SYNC = Rule(
    ("netkeep.interop",), ("netkeep.sync",), "interop never imports sync (sync uses it)"
)
RULES = (
    NO_TEXTUAL_BELOW_TUI,
    TUI_SKIPS_THE_STORE,
    NOTHING_BELOW_IMPORTS_THE_TUI,
    STORE_STANDS_ALONE,
    CORE_LOOKS_DOWN,
    INTEROP_AND_CLI_GO_THROUGH_CORE,
    SYNC_BESIDE_INTEROP,
    FORMATS_NEVER_SYNC,
)

MAX_LINES = 400


@dataclass(frozen=True)
class Module:
    name: str  # netkeep.core.contacts; a package is its __init__: netkeep.core
    path: Path  # the file, relative to the folder holding the package
    is_package: bool


@dataclass(frozen=True)
class Import:
    importer: Module
    target: str  # the absolute name of the module imported
    line: int
    statement: str  # the import as written, one name of it: from netkeep.core import contacts

    def where(self) -> str:
        return f"{self.importer.path}:{self.line}"


def find_modules(package_dir: Path) -> dict[str, Module]:
    """Every module of the package in ``package_dir`` (whose folder name is the package name)."""
    base = package_dir.parent
    modules = {}
    for path in sorted(package_dir.rglob("*.py")):
        relative = path.relative_to(base)
        parts = list(relative.with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        module = Module(".".join(parts), relative, is_package)
        modules[module.name] = module
    return modules


def imports_of(module: Module, base: Path, known: Iterable[str]) -> list[Import]:
    """Every import in the module's file, wherever it is in the file."""
    known = set(known)
    source = (base / module.path).read_text(encoding="utf-8")
    found = []
    for node in ast.walk(ast.parse(source, str(module.path))):
        if isinstance(node, ast.Import):
            found += [Import(module, alias.name, node.lineno, f"import {alias.name}") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            origin = _resolve(module, node.module, node.level)
            written = "." * node.level + (node.module or "")
            for alias in node.names:
                submodule = f"{origin}.{alias.name}"
                target = submodule if submodule in known else origin
                found.append(Import(module, target, node.lineno, f"from {written} import {alias.name}"))
    return sorted(found, key=lambda found_import: (found_import.line, found_import.target))


def _resolve(module: Module, name: str | None, level: int) -> str:
    if level == 0:
        return name or ""
    package = module.name.split(".") if module.is_package else module.name.split(".")[:-1]
    anchor = package[: len(package) - (level - 1)]
    return ".".join([*anchor, name] if name else anchor)


def _within(name: str, prefixes: Iterable[str]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


class Checker:
    """The modules and imports of one package, and what the rules find wrong with them."""

    def __init__(self, package_dir: Path) -> None:
        self.base = package_dir.parent
        self.modules = find_modules(package_dir)
        self.imports = {
            name: imports_of(module, self.base, self.modules) for name, module in self.modules.items()
        }

    def broken(self, rule: Rule) -> list[str]:
        """One line per import that breaks the rule."""
        return [
            f"{found.where()}: {found.importer.name} imports {found.target} (`{found.statement}`): {rule.why}"
            for name, imports in self.imports.items()
            if _within(name, rule.who)
            for found in imports
            if _within(found.target, rule.banned)
        ]

    def graph(self) -> dict[str, dict[str, Import]]:
        """module -> {module it imports: the first such import}, within the package."""
        edges: dict[str, dict[str, Import]] = {name: {} for name in self.modules}
        for name, imports in self.imports.items():
            for found in imports:
                if found.target in self.modules and found.target != name:
                    edges[name].setdefault(found.target, found)
        return edges

    def cycles(self) -> list[str]:
        """One line per group of modules that import each other (a strongly connected
        component): its shortest cycle through its first module, each step with its file,
        line and import statement, and any other modules caught in the same group."""
        edges = self.graph()
        problems = []
        for component in _strongly_connected(edges):
            start = min(component)
            path = _shortest_cycle(start, edges, component)
            steps = " -> ".join(
                f"{edges[a][b].target} ({edges[a][b].where()} `{edges[a][b].statement}`)"
                for a, b in itertools.pairwise(path)
            )
            others = sorted(set(component) - set(path))
            also = f"; the same knot also holds {', '.join(others)}" if others else ""
            problems.append(f"{self.modules[start].path}: import cycle: {start} -> {steps}{also}")
        return problems

    def oversized(self, limit: int = MAX_LINES) -> list[str]:
        problems = []
        for module in self.modules.values():
            lines = len((self.base / module.path).read_text(encoding="utf-8").splitlines())
            if lines > limit:
                problems.append(f"{module.path}: {lines} lines, over the limit of {limit}")
        return problems


def _strongly_connected(edges: dict[str, dict[str, Import]]) -> list[list[str]]:
    """The components of more than one module (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
    return sorted(components)


def _shortest_cycle(start: str, edges: dict[str, dict[str, Import]], component: list[str]) -> list[str]:
    """start -> … -> start, by breadth-first search inside the component."""
    inside = set(component)
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in sorted(edges[node]):
                if child not in inside:
                    continue
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [*reversed(path), start]
                if child not in came_from:
                    came_from[child] = node
                    following.append(child)
        frontier = following
    raise AssertionError(f"no cycle through {start}")  # a component always has one
