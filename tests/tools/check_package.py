"""Scan a plugin zip as plugins.qgis.org does on upload, before we upload it.

    .venv-scan/bin/python tests/tools/check_package.py dist/up42_qgis-<version>.zip

The zip is unpacked into a temporary folder and checked there:
- Bandit, every default test at every severity and confidence (``bandit -r <unzipped>``, as the
  site runs it): any finding blocks a version on the site, so any finding fails here.
- detect-secrets, exactly as the site runs it (``detect-secrets scan --all-files
  --exclude-files 'metadata\\.txt' .`` inside the unpacked folder): any result fails.
- flake8 with tests/flake8.cfg (line length 120; each ignored code justified there).
- The site's advisory checks (executable files, hidden files or folders, ``__pycache__`` and
  ``.pyc``): advisory there, failures here, as the zip is clean of them.

Prints every finding and a summary; exits 1 on any finding, 2 when a scanner cannot run.
Needs the scanners importable from this interpreter (``make venv-scan``).
"""

from __future__ import annotations

import argparse
import json
import re
import stat
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

FLAKE8_CONFIG = Path(__file__).resolve().parents[1] / "flake8.cfg"
NOSEC = re.compile(r"#\s*nosec\b.*$")
CACHE_NAMES = re.compile(r"(^|/)__pycache__(/|$)|\.py[co]$")


class ScannerError(RuntimeError):
    """A scanner did not run (missing, crashed, or unreadable output): no verdict."""


@dataclass
class Check:
    label: str  # starts each finding's line
    detail: str = ""  # how it ran, for the summary
    findings: list[str] = field(default_factory=list)


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as error:
        raise ScannerError(f"{args[0]}: {error}") from None


def _tool(name: str) -> str:
    """The scanner's console script beside this interpreter (the scan venv's bin/)."""
    path = Path(sys.executable).parent / name
    if not path.exists():
        raise ScannerError(f"{name} is not installed next to {sys.executable} (make venv-scan)")
    return str(path)


def _version(module: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(module)
    except PackageNotFoundError:
        return "?"


def bandit(root: Path) -> Check:
    report = root.parent / "bandit.json"
    completed = _run(
        [
            _tool("bandit"),
            "-r",
            ".",
            "-f",
            "json",
            "-o",
            str(report),
            "--severity-level",
            "all",
            "--confidence-level",
            "all",
            "-q",
        ],
        cwd=root,
    )
    try:
        data = json.loads(report.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise ScannerError(f"bandit gave no report ({error}): {completed.stderr}") from None
    check = Check("Bandit", f"{_version('bandit')}, all tests, every severity and confidence")
    for issue in data.get("results", []):
        check.findings.append(
            f"{issue['filename'].removeprefix('./')}:{issue['line_number']}: {issue['test_id']} "
            f"{issue['issue_text']} (severity {issue['issue_severity']}, "
            f"confidence {issue['issue_confidence']})"
        )
    # A file Bandit cannot parse is a file the site cannot vouch for either.
    for error in data.get("errors", []):
        check.findings.append(f"{error.get('filename')}: Bandit could not scan it: {error}")
    totals = data.get("metrics", {}).get("_totals", {})
    check.detail += f"; {totals.get('loc', '?')} lines of code"
    return check


def detect_secrets(root: Path) -> Check:
    completed = _run(
        [_tool("detect-secrets"), "scan", "--all-files", "--exclude-files", r"metadata\.txt", "."],
        cwd=root,
    )
    try:
        results = json.loads(completed.stdout)["results"]
    except (ValueError, KeyError, TypeError):
        raise ScannerError(f"detect-secrets: {completed.stderr or completed.stdout}") from None
    check = Check("detect-secrets", f"{_version('detect-secrets')}, as the site runs it")
    for filename, secrets in sorted(results.items()):
        for secret in secrets:
            check.findings.append(f"{filename}:{secret['line_number']}: {secret['type']}")
    return check


def flake8(root: Path) -> Check:
    completed = _run([_tool("flake8"), "--config", str(FLAKE8_CONFIG), "."], cwd=root)
    if completed.returncode not in (0, 1) or completed.stderr.strip():
        raise ScannerError(f"flake8 exited {completed.returncode}: {completed.stderr}")
    check = Check("flake8", f"{_version('flake8')}, tests/{FLAKE8_CONFIG.name}")
    check.findings = [line.removeprefix("./") for line in completed.stdout.splitlines() if line]
    if completed.returncode == 1 and not check.findings:
        raise ScannerError("flake8 failed without naming an error")
    return check


def advisory(archive: zipfile.ZipFile) -> list[Check]:
    """The site's advisory checks, read from the zip's own entries (names and Unix modes)."""
    executable = Check("executable files")
    hidden = Check("hidden files or folders")
    caches = Check("__pycache__ or .pyc")
    for info in archive.infolist():
        name = info.filename
        mode = info.external_attr >> 16
        if not info.is_dir() and mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH):
            executable.findings.append(f"{name} (mode {stat.filemode(mode)})")
        if any(part.startswith(".") for part in name.rstrip("/").split("/")):
            hidden.findings.append(name)
        if CACHE_NAMES.search(name.rstrip("/")):
            caches.findings.append(name)
    return [executable, hidden, caches]


def nosec_lines(root: Path) -> list[str]:
    """Every ``# nosec`` in the package, so each one's reason is in the report."""
    lines = []
    for path in sorted(root.rglob("*.py")):
        for number, text in enumerate(path.read_text("utf-8").splitlines(), start=1):
            match = NOSEC.search(text)
            if match:
                lines.append(f"{path.relative_to(root)}:{number}: {match.group(0)}")
    return lines


def check_zip(zip_path: Path) -> tuple[list[Check], list[str]]:
    """Every check's findings, and every ``# nosec`` line of the unpacked zip."""
    with tempfile.TemporaryDirectory(prefix="check-package-") as work:
        unzipped = Path(work) / "unzipped"
        with zipfile.ZipFile(zip_path) as archive:
            checks = advisory(archive)
            archive.extractall(unzipped)
        checks = [bandit(unzipped), detect_secrets(unzipped), flake8(unzipped), *checks]
        return checks, nosec_lines(unzipped)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("zip", type=Path)
    args = parser.parse_args(argv)
    try:
        checks, nosec = check_zip(args.zip)
    except (ScannerError, zipfile.BadZipFile, OSError) as error:
        print(f"check-package: cannot check {args.zip}: {error}", file=sys.stderr)
        return 2
    print(f"check-package: {args.zip}")
    for check in checks:
        for finding in check.findings:
            print(f"  {check.label}: {finding}")
    print("--- summary")
    for check in checks:
        count = len(check.findings)
        detail = f" ({check.detail})" if check.detail else ""
        print(f"  {count:>3} finding{' ' if count == 1 else 's'}  {check.label}{detail}")
    print(f"  # nosec comments: {len(nosec) or 'none'}")
    for line in nosec:
        print(f"    {line}")
    failed = sum(len(check.findings) for check in checks)
    print(f"check-package: {f'FAILED, {failed} findings' if failed else 'clean'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
