#!/usr/bin/env bash
# Screenshot of a delivered order loaded over its footprint, with the Orders tab: starts the
# sandbox (short dwell times) on a free port, stages the plugin, runs QGIS under Xvfb on a
# throwaway profile with delivery_shot.py and writes resources/screenshots/delivery.png (or $1).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
out=$(realpath -m "${1:-$root/resources/screenshots/delivery.png}")
python=${SANDBOX_PYTHON:-/usr/bin/python3}
username=sandbox@up42.local
password=sandbox

. "$root/tests/tools/sandbox.sh"

make -C "$root" --no-print-directory stage >/dev/null
start_sandbox delivery_shot --dwell CREATED=0.5,BEING_PLACED=0.5,PLACED=0.5,BEING_FULFILLED=1

mkdir -p "$(dirname "$out")"
cd "$root"
UP42_API_URL="$url" UP42_AUTH_URL="$url" UP42_USERNAME="$username" UP42_PASSWORD="$password" \
UP42_SHOT_OUT="$out" UP42_SHOT_ROOT="$root" "$python" - "$work/profiles" "$root/build/plugin" \
  "$root/tests/tools/screenshots/delivery_shot.py" <<'PY'
import os, sys
from pathlib import Path
from tests.tools.qgis_desktop import prepare_profile, run_qgis

profiles, plugin_parent, script = (Path(arg) for arg in sys.argv[1:4])
prepare_profile(profiles)
keys = ("UP42_API_URL", "UP42_AUTH_URL", "UP42_USERNAME", "UP42_PASSWORD", "UP42_SHOT_OUT",
        "UP42_SHOT_ROOT")
result = run_qgis(profiles, plugin_parent, script, {k: os.environ[k] for k in keys})
lines = [l for l in (result.stdout + result.stderr).splitlines()
         if "delivery_shot" in l or "Traceback" in l or "Error" in l]
print("\n".join(lines[-40:]))
sys.exit(result.returncode)
PY
echo "delivery_shot: $out"
