#!/usr/bin/env bash
# Screenshot of the Search tab: starts the sandbox on a free port, stages the plugin, runs QGIS
# under Xvfb on a throwaway profile with search_shot.py and writes
# resources/screenshots/search.png (or $1). With a locale as $2 (`search_shot.sh
# resources/screenshots/search_de.png de`) QGIS runs in that language and number format;
# without one in English (en_US), both with the group separator on (tests/tools/shot_locale.py).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
out=$(realpath -m "${1:-$root/resources/screenshots/search.png}")
locale=${2:-}
python=${SANDBOX_PYTHON:-/usr/bin/python3}
username=sandbox@up42.local
password=sandbox

. "$root/tests/tools/sandbox.sh"

make -C "$root" --no-print-directory stage >/dev/null
[ -z "$locale" ] || make -C "$root" --no-print-directory qm >/dev/null
start_sandbox search_shot

mkdir -p "$(dirname "$out")"
cd "$root"
UP42_API_URL="$url" UP42_AUTH_URL="$url" UP42_USERNAME="$username" UP42_PASSWORD="$password" \
UP42_SHOT_OUT="$out" UP42_SHOT_LOCALE="$locale" "$python" - "$work/profiles" "$root/build/plugin" \
  "$root/tests/tools/screenshots/search_shot.py" <<'PY'
import os, sys
from pathlib import Path
from tests.tools.qgis_desktop import run_qgis
from tests.tools.shot_locale import prepare_shot_profile

profiles, plugin_parent, script = (Path(arg) for arg in sys.argv[1:4])
env = prepare_shot_profile(profiles, os.environ["UP42_SHOT_LOCALE"] or None)
keys = ("UP42_API_URL", "UP42_AUTH_URL", "UP42_USERNAME", "UP42_PASSWORD", "UP42_SHOT_OUT")
env.update({k: os.environ[k] for k in keys})
result = run_qgis(profiles, plugin_parent, script, env)
lines = [l for l in (result.stdout + result.stderr).splitlines()
         if "search_shot" in l or "Traceback" in l or "Error" in l]
print("\n".join(lines[-40:]))
sys.exit(result.returncode)
PY
echo "search_shot: $out"
