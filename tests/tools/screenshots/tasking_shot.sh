#!/usr/bin/env bash
# Screenshots of tasking: the "New tasking order" form of a sandbox tasking product, and the
# Orders tab with a quotation waiting for a decision. Starts the sandbox on a free port,
# stages the plugin, runs QGIS under Xvfb on a throwaway profile with tasking_shot.py and
# writes tasking_form.png and tasking_quotation.png into resources/screenshots/ (or $1).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
out=$(realpath -m "${1:-$root/resources/screenshots}")
python=${SANDBOX_PYTHON:-/usr/bin/python3}
username=sandbox@up42.local
password=sandbox

. "$root/tests/tools/sandbox.sh"

make -C "$root" --no-print-directory stage >/dev/null
start_sandbox tasking_shot --dwell CREATED=0.5,BEING_PLACED=0.5,PLACED=0.5,BEING_FULFILLED=1

mkdir -p "$out"
cd "$root"
UP42_API_URL="$url" UP42_AUTH_URL="$url" UP42_USERNAME="$username" UP42_PASSWORD="$password" \
UP42_SHOT_OUT="$out" UP42_SHOT_ROOT="$root" "$python" - "$work/profiles" "$root/build/plugin" \
  "$root/tests/tools/screenshots/tasking_shot.py" <<'PY'
import os, sys
from pathlib import Path
from tests.tools.qgis_desktop import prepare_profile, run_qgis

profiles, plugin_parent, script = (Path(arg) for arg in sys.argv[1:4])
prepare_profile(profiles)
keys = ("UP42_API_URL", "UP42_AUTH_URL", "UP42_USERNAME", "UP42_PASSWORD", "UP42_SHOT_OUT",
        "UP42_SHOT_ROOT")
result = run_qgis(profiles, plugin_parent, script, {k: os.environ[k] for k in keys})
lines = [l for l in (result.stdout + result.stderr).splitlines()
         if "tasking_shot" in l or "Traceback" in l or "Error" in l]
print("\n".join(lines[-40:]))
sys.exit(result.returncode)
PY
echo "tasking_shot: $out/tasking_form.png $out/tasking_quotation.png"
