#!/usr/bin/env bash
# Screenshot of a coverage plan in the Search tab: starts the sandbox on a free port, stages the plugin, runs QGIS
# under Xvfb on a throwaway profile with plan_shot.py and writes
# resources/screenshots/plan.png (or $1).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
out=$(realpath -m "${1:-$root/resources/screenshots/plan.png}")
python=${SANDBOX_PYTHON:-/usr/bin/python3}
username=sandbox@up42.local
password=sandbox

. "$root/tests/tools/sandbox.sh"

make -C "$root" --no-print-directory stage >/dev/null
start_sandbox plan_shot

mkdir -p "$(dirname "$out")"
cd "$root"
UP42_API_URL="$url" UP42_AUTH_URL="$url" UP42_USERNAME="$username" UP42_PASSWORD="$password" \
UP42_SHOT_OUT="$out" "$python" - "$work/profiles" "$root/build/plugin" \
  "$root/tests/tools/screenshots/plan_shot.py" <<'PY'
import os, sys
from pathlib import Path
from tests.tools.qgis_desktop import prepare_profile, run_qgis

profiles, plugin_parent, script = (Path(arg) for arg in sys.argv[1:4])
prepare_profile(profiles)
keys = ("UP42_API_URL", "UP42_AUTH_URL", "UP42_USERNAME", "UP42_PASSWORD", "UP42_SHOT_OUT")
result = run_qgis(profiles, plugin_parent, script, {k: os.environ[k] for k in keys})
lines = [l for l in (result.stdout + result.stderr).splitlines()
         if "plan_shot" in l or "Traceback" in l or "Error" in l]
print("\n".join(lines[-40:]))
sys.exit(result.returncode)
PY
echo "plan_shot: $out"
