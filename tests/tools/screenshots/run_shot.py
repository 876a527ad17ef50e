"""Take the README screenshot from the real QGIS: ``python3 tests/tools/screenshots/run_shot.py``.

Runs ``make run`` (sandbox, a fresh profile configured for it, QGIS with the plugin from the
working tree) with ``shot_dock.py`` as QGIS's ``--code`` script, under Xvfb when there is no
display. The profile lives in build/, so the user's ``.run-profile`` is never touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DRIVER = Path(__file__).resolve().parent / "shot_dock.py"
PROFILE = ROOT / "build" / "screenshot-profile"
SCREEN = "1600x1000x24"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "resources/screenshots/dock.png")
    parser.add_argument("--locale", help="QGIS locale for the shot, e.g. de")
    args = parser.parse_args()
    shutil.rmtree(PROFILE, ignore_errors=True)
    output = args.output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    output.unlink(missing_ok=True)
    command = [
        "make", "--no-print-directory", "run", f"RUN_PROFILE={PROFILE}",
        f"SANDBOX_PORT={free_port()}", f"QGIS_ARGS=--code {DRIVER}",
    ]  # fmt: skip
    if not os.environ.get("DISPLAY"):
        command = ["xvfb-run", "--auto-servernum", f"--server-args=-screen 0 {SCREEN}", *command]
    env = {**os.environ, "SHOT_OUTPUT": str(output)}
    if args.locale:
        env["RUN_LOCALE"] = args.locale
    subprocess.run(command, cwd=ROOT, env=env, timeout=600, check=False)
    if not output.exists():
        print(f"no screenshot was written to {output}", file=sys.stderr)
        return 1
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
