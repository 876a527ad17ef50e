#!/usr/bin/env bash
# `shot.sh NAME OUT [sandbox args…]`: runs the screenshot script tests/tools/screenshots/NAME.py
# in QGIS and writes OUT (a PNG). Starts the sandbox on a free port (with the sandbox args, e.g.
# --dwell), stages the plugin, runs QGIS under Xvfb on a throwaway profile. The *_shot.sh
# scripts call it.
set -euo pipefail

name=$1
root=$(cd "$(dirname "$0")/../../.." && pwd)
out=$(realpath -m "$2")
shift 2
python=${SANDBOX_PYTHON:-/usr/bin/python3}
username=sandbox@up42.local
password=sandbox

. "$root/tests/tools/sandbox.sh"

make -C "$root" --no-print-directory stage >/dev/null
start_sandbox "$name" "$@"

mkdir -p "$(dirname "$out")"
cd "$root"
UP42_API_URL="$url" UP42_AUTH_URL="$url" UP42_USERNAME="$username" UP42_PASSWORD="$password" \
UP42_SHOT_OUT="$out" UP42_SHOT_ROOT="$root" UP42_SHOT_NAME="$name" "$python" - "$work/profiles" \
  "$root/build/plugin" "$root/tests/tools/screenshots/$name.py" <<'PY'
import os, sys
from pathlib import Path
from tests.tools.qgis_desktop import prepare_profile, run_qgis

profiles, plugin_parent, script = (Path(arg) for arg in sys.argv[1:4])
prepare_profile(profiles)
keys = ("UP42_API_URL", "UP42_AUTH_URL", "UP42_USERNAME", "UP42_PASSWORD", "UP42_SHOT_OUT",
        "UP42_SHOT_ROOT")
result = run_qgis(profiles, plugin_parent, script, {k: os.environ[k] for k in keys})
name = os.environ["UP42_SHOT_NAME"]
lines = [l for l in (result.stdout + result.stderr).splitlines()
         if name in l or "Traceback" in l or "Error" in l]
print("\n".join(lines[-40:]))
sys.exit(result.returncode)
PY
echo "$name: $out"
