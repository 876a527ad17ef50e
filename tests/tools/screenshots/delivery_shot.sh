#!/usr/bin/env bash
# Screenshot of a delivered order loaded over its footprint, with the Orders tab: starts the
# sandbox (short dwell times) on a free port, stages the plugin, runs QGIS under Xvfb on a
# throwaway profile with delivery_shot.py and writes resources/screenshots/delivery.png (or $1).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
out=$(realpath -m "${1:-$root/resources/screenshots/delivery.png}")
locale=${2:-}  # e.g. de: QGIS in German (tests/tools/shot_locale.py); English by default
python=${SANDBOX_PYTHON:-/usr/bin/python3}
username=sandbox@up42.local
password=sandbox

. "$root/tests/tools/sandbox.sh"

make -C "$root" --no-print-directory stage >/dev/null
[ -z "$locale" ] || make -C "$root" --no-print-directory qm >/dev/null
start_sandbox delivery_shot --dwell CREATED=0.5,BEING_PLACED=0.5,PLACED=0.5,BEING_FULFILLED=1

mkdir -p "$(dirname "$out")"
cd "$root"
UP42_API_URL="$url" UP42_AUTH_URL="$url" UP42_USERNAME="$username" UP42_PASSWORD="$password" \
UP42_SHOT_OUT="$out" UP42_SHOT_ROOT="$root" UP42_SHOT_LOCALE="$locale" "$python" - "$work/profiles" "$root/build/plugin" \
  "$root/tests/tools/screenshots/delivery_shot.py" <<'PY'
import os, sys
from pathlib import Path
from tests.tools.qgis_desktop import profile_dir, run_qgis, set_ini_values
from tests.tools.shot_locale import prepare_shot_profile

profiles, plugin_parent, script = (Path(arg) for arg in sys.argv[1:4])
env = prepare_shot_profile(profiles, os.environ["UP42_SHOT_LOCALE"] or None)
# The delivery goes into the throwaway profile, not the user's ~/UP42 downloads.
ini = profile_dir(profiles) / "QGIS" / "QGIS3.ini"
set_ini_values(ini, "up42", {"download_folder": str(profiles / "UP42 downloads")})
keys = ("UP42_API_URL", "UP42_AUTH_URL", "UP42_USERNAME", "UP42_PASSWORD", "UP42_SHOT_OUT",
        "UP42_SHOT_ROOT")
env.update({k: os.environ[k] for k in keys})
result = run_qgis(profiles, plugin_parent, script, env)
lines = [l for l in (result.stdout + result.stderr).splitlines()
         if "delivery_shot" in l or "Traceback" in l or "Error" in l]
print("\n".join(lines[-40:]))
sys.exit(result.returncode)
PY
echo "delivery_shot: $out"
