#!/usr/bin/env bash
# Screenshot of the UP42 dock at its default width: the account header (who am I) over the
# Orders tab with several orders. Starts the sandbox on a free port, stages the plugin,
# runs QGIS under Xvfb on a throwaway profile with orders_shot.py; writes $1 (a PNG).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
out=$(realpath -m "${1:-$root/resources/screenshots/orders.png}")
python=${SANDBOX_PYTHON:-/usr/bin/python3}
username=sandbox@up42.local
password=sandbox

. "$root/tests/tools/sandbox.sh"

make -C "$root" --no-print-directory stage >/dev/null
start_sandbox orders_shot --dwell CREATED=0.2,BEING_PLACED=0.2,PLACED=0.2,BEING_FULFILLED=3600

mkdir -p "$(dirname "$out")"
cd "$root"
UP42_API_URL="$url" UP42_AUTH_URL="$url" UP42_USERNAME="$username" UP42_PASSWORD="$password" \
UP42_SHOT_OUT="$out" UP42_SHOT_ROOT="$root" "$python" - "$work/profiles" "$root/build/plugin" \
  "$root/tests/tools/screenshots/orders_shot.py" <<'PY'
import os, sys
from pathlib import Path
from tests.tools.qgis_desktop import prepare_profile, run_qgis

profiles, plugin_parent, script = (Path(arg) for arg in sys.argv[1:4])
prepare_profile(profiles)
keys = ("UP42_API_URL", "UP42_AUTH_URL", "UP42_USERNAME", "UP42_PASSWORD", "UP42_SHOT_OUT",
        "UP42_SHOT_ROOT")
result = run_qgis(profiles, plugin_parent, script, {k: os.environ[k] for k in keys})
lines = [l for l in (result.stdout + result.stderr).splitlines()
         if "orders_shot" in l or "Traceback" in l or "Error" in l]
print("\n".join(lines[-40:]))
sys.exit(result.returncode)
PY
echo "orders_shot: $out"
