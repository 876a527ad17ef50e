"""``python -m tests.tools.qt6_check [folder ...]``: prints ``file:line: chain: why`` per finding
and exits 1 when there is any (2 when the check itself cannot run)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from . import collect
from .model import Chain, Finding

REPO = Path(__file__).resolve().parents[3]
DEFAULT_QGIS_PYTHON = os.environ.get("QT6_CHECK_QGIS_PYTHON", "/usr/bin/python3")


class CheckError(Exception):
    """The check could not run (no PyQt6, no QGIS): never reported as a clean result."""


def python_files(folders: list[Path]) -> list[Path]:
    files: list[Path] = []
    for folder in folders:
        if folder.is_file():
            files.append(folder)
        elif folder.is_dir():
            files.extend(sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts))
        else:
            raise CheckError(f"no such file or folder: {folder}")
    return files


def qt_findings(chains: list[Chain]) -> list[Finding]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PyQt6 import QtCore  # noqa: F401  (the check means PyQt6, not PyQt5)
    except ImportError as error:
        raise CheckError(f"PyQt6 is not importable here ({error}): run in .venv-lint") from error
    from . import qt_pass

    return qt_pass.run(chains)


def qgis3_findings(chains: list[Chain], qgis_python: str) -> tuple[str, list[Finding]]:
    wanted = [chain.to_json() for chain in chains if chain.is_pyqgis() or chain.is_qt()]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    try:
        done = subprocess.run(
            [qgis_python, "-m", "tests.tools.qt6_check.qgis3_pass"],
            input=json.dumps(wanted), capture_output=True, text=True, cwd=REPO, env=env,
            timeout=300, check=False,
        )
    except OSError as error:
        raise CheckError(f"cannot run QGIS's Python {qgis_python}: {error}") from error
    if done.returncode != 0:
        raise CheckError(f"the QGIS 3 pass failed under {qgis_python}:\n{done.stderr}")
    answer = json.loads(done.stdout)
    return answer["version"], [Finding(**item) for item in answer["findings"]]


def check(folders: list[Path], qgis_python: str) -> tuple[list[Finding], str, int]:
    chains: list[Chain] = []
    findings: list[Finding] = []
    allowed: set[tuple[str, int]] = set()
    files = python_files(folders)
    for path in files:
        shown = os.path.relpath(path)
        result = collect.read_file(shown, path.read_text(encoding="utf-8"))
        chains += result.chains
        findings += result.findings
        allowed |= {(shown, line) for line in result.allowed_lines}
    findings += qt_findings(chains)
    version, qgis3 = qgis3_findings(chains, qgis_python)
    findings += qgis3
    kept = sorted({f for f in findings if (f.path, f.line) not in allowed})
    return kept, version, len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qt6_check", description=__doc__)
    parser.add_argument("folders", nargs="*", type=Path, default=[Path("up42_qgis")])
    parser.add_argument("--qgis-python", default=DEFAULT_QGIS_PYTHON,
                        help="the interpreter that imports qgis (default %(default)s)")
    args = parser.parse_args(argv)
    try:
        findings, version, count = check(args.folders, args.qgis_python)
    except CheckError as error:
        print(f"qt6-check: cannot check: {error}", file=sys.stderr)
        return 2
    for finding in findings:
        print(finding)
    from PyQt6.QtCore import PYQT_VERSION_STR

    print(
        f"qt6-check: {len(findings)} finding(s) in {count} file(s) (PyQt6 {PYQT_VERSION_STR}; "
        f"PyQGIS enums and Qt5 spellings on QGIS {version})",
        file=sys.stderr,
    )
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
