"""The layer rules of CONTRIBUTING.md, checked on netkeep's source (read with ``ast``, never
imported): what may import what, no import cycles, no module over 400 lines. Then the checker
itself, shown to catch each kind of problem in a small made-up package."""

from __future__ import annotations

from pathlib import Path

import pytest

import netkeep
from helpers.layers import (
    MAX_LINES,
    NO_TEXTUAL_BELOW_TUI,
    NOTHING_BELOW_IMPORTS_THE_TUI,
    RULES,
    TUI_SKIPS_THE_STORE,
    Checker,
)

NETKEEP = Path(netkeep.__file__).parent


def listed(problems: list[str]) -> str:
    return "\n" + "\n".join(problems)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(NETKEEP)


# ------------------------------------------------------------------ netkeep itself


def test_no_textual_or_rich_below_the_tui(checker):
    problems = checker.broken(NO_TEXTUAL_BELOW_TUI)
    assert not problems, listed(problems)


def test_the_tui_never_imports_the_store_or_peewee(checker):
    problems = checker.broken(TUI_SKIPS_THE_STORE)
    assert not problems, listed(problems)


def test_nothing_below_the_tui_imports_it(checker):
    problems = checker.broken(NOTHING_BELOW_IMPORTS_THE_TUI)
    assert not problems, listed(problems)


@pytest.mark.parametrize("rule", RULES[3:], ids=["store", "core", "interop-cli", "sync", "interop-sync"])
def test_the_lower_layers_import_only_downwards(checker, rule):
    problems = checker.broken(rule)
    assert not problems, listed(problems)


def test_no_import_cycles(checker):
    problems = checker.cycles()
    assert not problems, listed(problems)


def test_no_module_over_400_lines(checker):
    problems = checker.oversized(MAX_LINES)
    assert not problems, listed(problems)


def test_the_checker_reads_the_whole_package(checker):
    """Not vacuous: every layer is there, and the store's imports are seen."""
    assert {
        "netkeep.store",
        "netkeep.core",
        "netkeep.interop",
        "netkeep.sync",
        "netkeep.demo",
        "netkeep.tui",
    } <= set(checker.modules)
    assert len(checker.modules) > 50
    assert any(found.target == "peewee" for found in checker.imports["netkeep.store.models"])


# ------------------------------------------------------------------ the checker, on a made-up package


def make_package(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (paths inside the package ``netkeep``) under ``root``, with an empty
    ``__init__.py`` in every folder that has none; the package's folder."""
    package = root / "netkeep"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for folder in [package, *(p for p in package.rglob("*") if p.is_dir())]:
        (folder / "__init__.py").touch()
    return package


CLEAN = {
    "paths.py": "import os\n",
    "store/models.py": "import peewee\n\nfrom netkeep import paths\n",
    "core/contacts.py": "from netkeep.store import models\nfrom . import dates\n",
    "core/dates.py": "import pendulum\n",
    "interop/vcard.py": "from netkeep.core import contacts\n",
    "tui/app.py": "import textual\n\nfrom netkeep.core import contacts\nfrom netkeep.interop import vcard\n",
    "cli/main.py": "import rich\nfrom netkeep.core import contacts\nfrom netkeep.tui import app\n",
}


def test_a_clean_package_passes(tmp_path):
    checker = Checker(make_package(tmp_path, CLEAN))
    assert [checker.broken(rule) for rule in RULES] == [[] for _ in RULES]
    assert checker.cycles() == []
    assert checker.oversized() == []


def test_forbidden_imports_are_found_wherever_they_are(tmp_path):
    checker = Checker(
        make_package(
            tmp_path,
            CLEAN
            | {
                "store/models.py": "import peewee\n\n\ndef style():\n    from rich.text import Text\n",
                "core/dates.py": "import pendulum\n\nif pendulum:\n    import textual.app\n",
                "interop/vcard.py": "from netkeep.tui import app\nfrom netkeep import tui\n",
                "demo/network.py": "def run():\n    import netkeep.tui.app\n",
                "tui/app.py": (
                    "from netkeep.store.models import Contact\n"
                    "from netkeep import store\n\n\n"
                    "class App:\n    def load(self):\n        import peewee\n"
                ),
            },
        )
    )
    assert checker.broken(NO_TEXTUAL_BELOW_TUI) == [
        "netkeep/core/dates.py:4: netkeep.core.dates imports textual.app (`import textual.app`): "
        + NO_TEXTUAL_BELOW_TUI.why,
        "netkeep/store/models.py:5: netkeep.store.models imports rich.text (`from rich.text import Text`): "
        + NO_TEXTUAL_BELOW_TUI.why,
    ]
    assert checker.broken(TUI_SKIPS_THE_STORE) == [
        "netkeep/tui/app.py:1: netkeep.tui.app imports netkeep.store.models "
        "(`from netkeep.store.models import Contact`): " + TUI_SKIPS_THE_STORE.why,
        "netkeep/tui/app.py:2: netkeep.tui.app imports netkeep.store (`from netkeep import store`): "
        + TUI_SKIPS_THE_STORE.why,
        "netkeep/tui/app.py:7: netkeep.tui.app imports peewee (`import peewee`): " + TUI_SKIPS_THE_STORE.why,
    ]
    assert [problem.split(" (")[0] for problem in checker.broken(NOTHING_BELOW_IMPORTS_THE_TUI)] == [
        "netkeep/demo/network.py:2: netkeep.demo.network imports netkeep.tui.app",
        "netkeep/interop/vcard.py:1: netkeep.interop.vcard imports netkeep.tui.app",
        "netkeep/interop/vcard.py:2: netkeep.interop.vcard imports netkeep.tui",
    ]


def test_cycles_are_found_through_functions_submodules_relative_imports_and_packages(tmp_path):
    checker = Checker(
        make_package(
            tmp_path,
            CLEAN
            | {
                # through a function-level import and `from package import submodule`
                "core/meetings.py": "from netkeep.core import thanks\n",
                "core/thanks.py": "def window():\n    import netkeep.core.meetings\n",
                # through relative imports, three modules round
                "interop/a.py": "from . import b\n",
                "interop/b.py": "from .c import READ\n",
                "interop/c.py": "from .. import interop\nfrom .a import WRITE\n",
                # through a package's __init__: `run` is not a module, so the import is of netkeep.cli
                "cli/__init__.py": "from netkeep.cli.parser import parse\n\n\ndef run():\n    pass\n",
                "cli/parser.py": "def parse():\n    from netkeep.cli import run\n",
            },
        )
    )
    assert checker.cycles() == [
        "netkeep/cli/__init__.py: import cycle: netkeep.cli"
        " -> netkeep.cli.parser (netkeep/cli/__init__.py:1 `from netkeep.cli.parser import parse`)"
        " -> netkeep.cli (netkeep/cli/parser.py:2 `from netkeep.cli import run`)",
        "netkeep/core/meetings.py: import cycle: netkeep.core.meetings"
        " -> netkeep.core.thanks (netkeep/core/meetings.py:1 `from netkeep.core import thanks`)"
        " -> netkeep.core.meetings (netkeep/core/thanks.py:2 `import netkeep.core.meetings`)",
        "netkeep/interop/a.py: import cycle: netkeep.interop.a"
        " -> netkeep.interop.b (netkeep/interop/a.py:1 `from . import b`)"
        " -> netkeep.interop.c (netkeep/interop/b.py:1 `from .c import READ`)"
        " -> netkeep.interop.a (netkeep/interop/c.py:2 `from .a import WRITE`)",
    ]


def test_a_knot_bigger_than_its_shortest_cycle_is_named_whole(tmp_path):
    checker = Checker(
        make_package(
            tmp_path,
            CLEAN
            | {
                "core/a.py": "from netkeep.core import b\n",
                "core/b.py": "from netkeep.core import a, c\n",
                "core/c.py": "from netkeep.core import b\n",
            },
        )
    )
    [problem] = checker.cycles()
    assert problem.startswith("netkeep/core/a.py: import cycle: netkeep.core.a -> netkeep.core.b")
    assert problem.endswith("; the same knot also holds netkeep.core.c")


def test_modules_over_the_limit_are_named_with_their_size(tmp_path):
    checker = Checker(
        make_package(tmp_path, CLEAN | {"core/big.py": "x = 1\n" * 401, "core/full.py": "x = 1\n" * 400})
    )
    assert checker.oversized(400) == ["netkeep/core/big.py: 401 lines, over the limit of 400"]
