"""up42_qgis.api is Qt-free: every module imports only the standard library, requests,
shapely and the api package itself (rule 1 of the architecture)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import up42_qgis.api

API_DIR = Path(up42_qgis.api.__file__).parent
ALLOWED_THIRD_PARTY = {"requests", "shapely"}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:
                roots.add(node.module.split(".")[0])
            elif node.level > 1:
                roots.add("<outside the api package>")
    return roots


def test_the_api_package_has_modules():
    assert len(list(API_DIR.glob("*.py"))) >= 8


def test_every_api_module_imports_only_stdlib_requests_shapely_and_itself():
    offenders = {}
    for path in sorted(API_DIR.rglob("*.py")):
        roots = imported_roots(path)
        bad = {
            r for r in roots if r not in sys.stdlib_module_names and r not in ALLOWED_THIRD_PARTY
        }
        if bad:
            offenders[path.name] = sorted(bad)
    assert offenders == {}


def test_the_checker_would_catch_a_qt_import(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("from qgis.core import QgsTask\nfrom ..gui import dock\nimport urllib3\n")
    assert imported_roots(sample) == {"qgis", "<outside the api package>", "urllib3"}
