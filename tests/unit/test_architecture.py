"""The architecture's import rules (../shared/architecture.md, rule 1 of the guide), checked on
the source with ``ast``: no QGIS, no import of the plugin, so it runs in the Qt-free suite.

Arrows point down only. Each part of ``up42_qgis`` may import the parts listed for it in
``MAY_IMPORT`` and nothing else of the plugin; a new package fails here until it is placed.
Imports under ``if TYPE_CHECKING:`` count too: a type-only arrow still says who knows whom.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "up42_qgis"
PACKAGE_DIR = Path(__file__).resolve().parents[2] / PACKAGE

# The small modules at the package's top, usable from anywhere above api/.
BASE = {"i18n", "paths", "compat", "__about__"}
# What the engine's QGIS side offers the two faces.
ENGINE = {"services", "tasks", "layers", "bridge", "settings", "toolbelt", "api", *BASE}
# Who may import whom (besides itself). Read top-down: gui and processing are the two faces,
# context is the composition root the dock's panels get, services/tasks/layers/bridge are the
# engine's QGIS side, toolbelt is shared by all of them, api knows nothing of the plugin.
MAY_IMPORT: dict[str, set[str]] = {
    "__init__": {"plugin", "__about__"},
    "plugin": {"context", "gui", "processing", "bridge", "settings", *BASE},
    "gui": {"context", *ENGINE},
    "processing": ENGINE,
    "context": {"services", "tasks", "bridge"},
    "services": {"tasks", "layers", "bridge", "settings", "toolbelt", "api", *BASE},
    "tasks": {"layers", "toolbelt", "api", *BASE},
    "layers": {"settings", "toolbelt", "api", *BASE},
    "bridge": {"settings", "toolbelt", "api", *BASE},
    "settings": {"toolbelt", "api", *BASE},
    # messages turns the api's typed errors into sentences: the toolbelt knows the api's
    # nouns, never the plugin's services or faces.
    "toolbelt": {"i18n", "api"},
    "i18n": set(),
    "paths": set(),
    "compat": set(),
    "__about__": {"paths"},
    "api": set(),
}
# api/ is Qt-free: the standard library, requests, shapely and itself, nothing else.
API_THIRD_PARTY = {"requests", "shapely"}
# Qt only through qgis.PyQt, so one code base runs on Qt5 and Qt6.
DIRECT_QT = {"PyQt5", "PyQt6", "PySide2", "PySide6", "sip"}


@dataclass(frozen=True)
class Import:
    module: str  # absolute, e.g. "up42_qgis.gui.dock" or "qgis.core"
    line: int


def part_of(path: Path, root: Path = PACKAGE_DIR) -> str:
    """The architecture part a file belongs to: its top package, or the top module's name."""
    relative = path.relative_to(root)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def module_name(path: Path, root: Path = PACKAGE_DIR) -> str:
    relative = path.relative_to(root).with_suffix("")
    parts = [PACKAGE, *relative.parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, root: Path = PACKAGE_DIR) -> Iterator[Import]:
    """Every import in the file, relative ones made absolute."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path, root).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                if node.level - 1 > len(package) - 1:
                    base = ["<above the package>"]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if node.module is None or target == PACKAGE:  # "from . import x", "from .. import x"
                for alias in node.names:
                    yield Import(f"{target}.{alias.name}", node.lineno)
            else:
                yield Import(target, node.lineno)


def plugin_part(module: str) -> str | None:
    """The part of the plugin an imported module is in, or None for anything else."""
    parts = module.split(".")
    if parts[0] != PACKAGE:
        return "<outside the package>" if parts[0] == "<above the package>" else None
    return parts[1] if len(parts) > 1 else "__init__"


def violations(root: Path = PACKAGE_DIR) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        part = part_of(path, root)
        allowed = MAY_IMPORT.get(part)
        where = path.relative_to(root.parent)
        if allowed is None:
            found.append(f"{where}: '{part}' has no place in MAY_IMPORT")
            continue
        for imported in imports_of(path, root):
            top = imported.module.split(".")[0]
            target = plugin_part(imported.module)
            if target is not None and target != part and target not in allowed:
                found.append(f"{where}:{imported.line}: {part} must not import {imported.module}")
            if top in DIRECT_QT:
                found.append(f"{where}:{imported.line}: Qt only through qgis.PyQt, not {top}")
            third_party = top not in sys.stdlib_module_names and top not in API_THIRD_PARTY
            if part == "api" and target is None and third_party:
                found.append(f"{where}:{imported.line}: api is Qt-free, not {top}")
    return found


# --- the rules, on the real code -------------------------------------------------------------
def test_the_package_is_where_the_test_looks():
    assert len(list(PACKAGE_DIR.rglob("*.py"))) >= 50
    assert {part_of(p) for p in PACKAGE_DIR.rglob("*.py")} >= {"api", "gui", "processing"}


def test_every_import_follows_the_architecture():
    found = violations()
    assert not found, "imports against the architecture:\n" + "\n".join(found)


def test_the_sketchs_rules_are_in_the_table():
    """The arrows the sketch names, spelled out so a loosened table shows in review."""
    forbidden = {
        ("gui", "processing"),
        ("processing", "gui"),
        ("tasks", "gui"),
        ("tasks", "services"),
        ("tasks", "processing"),
        ("layers", "tasks"),
        ("layers", "services"),
        ("services", "gui"),
        ("services", "processing"),
        ("services", "context"),
        ("bridge", "gui"),
        ("bridge", "services"),
        ("bridge", "tasks"),
        ("toolbelt", "services"),
    }
    assert MAY_IMPORT["api"] == set()
    for importer, imported in forbidden:
        assert imported not in MAY_IMPORT[importer], f"{importer} may import {imported}"
    # Nothing imports a face or the wiring from below.
    for part, allowed in MAY_IMPORT.items():
        if part not in ("plugin", "__init__"):
            assert "plugin" not in allowed, part
        if part not in ("plugin",):
            assert not {"gui", "processing"} & allowed - {part}, part


# --- the checker itself ----------------------------------------------------------------------
def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / PACKAGE
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("api/x.py", "from qgis.core import QgsTask\n", "api is Qt-free, not qgis"),
        ("api/x.py", "from ..settings import SettingsStore\n", "api must not import"),
        ("api/x.py", "import urllib3\n", "api is Qt-free, not urllib3"),
        ("gui/x.py", "from ..processing.common import one_line\n", "gui must not import"),
        ("processing/x.py", "from ..gui import dock\n", "processing must not import"),
        ("tasks/x.py", "from ..services.tracker import OrderTracker\n", "tasks must not"),
        ("tasks/x.py", "from up42_qgis.gui.dock import Dock\n", "tasks must not import"),
        ("layers/x.py", "from ..tasks.base import Up42Task\n", "layers must not import"),
        ("services/x.py", "from ..gui.dock import Dock\n", "services must not import"),
        ("gui/x.py", "from PyQt5.QtCore import Qt\n", "Qt only through qgis.PyQt"),
        (
            "services/x.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..gui import dock\n",
            "services must not import up42_qgis.gui",
        ),
        ("newpart/x.py", "import os\n", "'newpart' has no place"),
    ],
)
def test_the_checker_catches(tmp_path, name, text, expected):
    root = _tree(tmp_path, {"__init__.py": "", name: text})
    found = violations(root)
    assert any(expected in line for line in found), found


def test_the_checker_accepts_the_allowed_arrows(tmp_path):
    root = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "api/x.py": "import json\nimport requests\nfrom .models import Scene\n",
            "gui/x.py": "from qgis.PyQt.QtCore import Qt\nfrom ..services import tracker\n",
            "tasks/x.py": "from ..layers.footprints import x\nfrom ..api import models\n",
        },
    )
    assert violations(root) == []
