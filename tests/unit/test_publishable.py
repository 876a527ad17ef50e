"""plugins.qgis.org blocks a version on any Bandit or detect-secrets finding in its zip.

``make check-package`` builds the real zip and scans it as the site does
(tests/tools/check_package.py, with the pinned scanners of .venv-scan). The first test runs it
on the plugin; the second proves the check sees what the site blocks, on a zip with one of
each planted in it.
"""

from __future__ import annotations

import re
import subprocess
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "tests" / "tools" / "check_package.py"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scan_python() -> Path:
    completed = subprocess.run(
        ["make", "--no-print-directory", "venv-scan"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return ROOT / ".venv-scan" / "bin" / "python"


def test_the_plugin_zip_has_no_finding(scan_python: Path, tmp_path: Path) -> None:
    completed = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "check-package",
            f"DIST={tmp_path / 'dist'}",
            f"PACKAGE_BUILD={tmp_path / 'build'}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    report = completed.stdout + completed.stderr
    assert completed.returncode == 0, report
    assert "check-package: clean" in completed.stdout, report
    # Each scanner really ran on the plugin (a summary line each), not on an empty folder.
    assert "Bandit" in completed.stdout
    assert "detect-secrets" in completed.stdout
    assert "flake8" in completed.stdout
    lines = re.search(r"; (\d+) lines of code", completed.stdout)
    assert lines, report
    assert int(lines.group(1)) > 1000, report


# One of each thing the site blocks (Bandit, detect-secrets) or reports (flake8, files).
PLANTED = textwrap.dedent(
    '''\
    """Planted findings."""

    PASSWORD_VARIABLE = "UP42_PASSWORD"


    def check(value):
        assert value
        try:
            int(value)
        except Exception:
            pass
        assert value, "justified"  # nosec B101 # the reason goes here
        return "LONG"
    '''
).replace("LONG", "." * 120)  # a line past flake8's 120 characters


def _planted_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("up42_qgis/__init__.py", "")
        archive.writestr("up42_qgis/planted.py", PLANTED)
        # The site leaves metadata.txt out of detect-secrets: a keyword there is not a finding.
        archive.writestr("up42_qgis/metadata.txt", "[general]\npassword = 'not-scanned'\n")
        script = zipfile.ZipInfo("up42_qgis/run.sh")
        script.external_attr = 0o100755 << 16
        archive.writestr(script, "#!/bin/sh\n")
        archive.writestr("up42_qgis/.env", "x=1\n")
        archive.writestr("up42_qgis/__pycache__/planted.cpython-311.pyc", b"\0")
    return path


def test_the_check_reports_what_the_site_blocks(scan_python: Path, tmp_path: Path) -> None:
    completed = subprocess.run(
        [str(scan_python), str(CHECK), str(_planted_zip(tmp_path / "planted.zip"))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    out = completed.stdout
    assert completed.returncode == 1, out + completed.stderr
    assert "Bandit: up42_qgis/planted.py:3: B105" in out
    assert "Bandit: up42_qgis/planted.py:7: B101" in out
    assert "Bandit: up42_qgis/planted.py:10: B110" in out
    assert "planted.py:12: B101" not in out  # the nosec'd one is not a finding...
    assert "up42_qgis/planted.py:12: # nosec B101 # the reason goes here" in out  # ...but listed
    assert "detect-secrets: up42_qgis/planted.py:3: Secret Keyword" in out
    assert "metadata.txt" not in out
    assert "flake8: up42_qgis/planted.py:13:121: E501" in out
    assert "executable files: up42_qgis/run.sh (mode -rwxr-xr-x)" in out
    assert "hidden files or folders: up42_qgis/.env" in out
    assert "__pycache__ or .pyc: up42_qgis/__pycache__/planted.cpython-311.pyc" in out
    assert "check-package: FAILED" in out
