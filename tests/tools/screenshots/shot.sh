#!/usr/bin/env bash
# `shot.sh NAME OUT [sandbox args…]`: runs the screenshot script tests/tools/screenshots/NAME.py
# in QGIS and writes OUT (a PNG). Starts the sandbox on a free port (with the sandbox args, e.g.
# --dwell), stages the plugin, runs QGIS under Xvfb on a throwaway profile. The *_shot.sh
# scripts call it. QGIS runs in English (en_US) or in $SHOT_LOCALE (e.g. de: language and
# number format, the plugin's .qm files built first), with the thousands separator on
# (tests/tools/shot_locale.py); deliveries go into the throwaway profile.
set -euo pipefail

name=$1
root=$(cd "$(dirname "$0")/../../.." && pwd)
out=$(realpath -m "$2")
shift 2
python=${SANDBOX_PYTHON:-/usr/bin/python3}
username=sandbox@up42.local
password=sandbox

. "$root/tests/tools/sandbox.sh"

locale=${SHOT_LOCALE:-}
make -C "$root" --no-print-directory stage >/dev/null
if [ -n "$locale" ]; then
  make -C "$root" --no-print-directory qm >/dev/null
  # Qt's own strings (a dialog's Cancel button) in that language, as QGIS's installers ship
  # them: Debian has them in qttranslations5-l10n, which QGIS does not pull in.
  if [ ! -f "/usr/share/qt5/translations/qtbase_${locale%%_*}.qm" ]; then
    sudo=$([ "$(id -u)" = 0 ] || echo sudo)
    $sudo apt-get install -y -q --no-install-recommends qttranslations5-l10n >/dev/null
  fi
fi
start_sandbox "$name" "$@"

mkdir -p "$(dirname "$out")"
cd "$root"
UP42_API_URL="$url" UP42_AUTH_URL="$url" UP42_USERNAME="$username" UP42_PASSWORD="$password" \
UP42_SHOT_OUT="$out" UP42_SHOT_ROOT="$root" UP42_SHOT_NAME="$name" UP42_SHOT_LOCALE="$locale" \
  "$python" - "$work/profiles" \
  "$root/build/plugin" "$root/tests/tools/screenshots/$name.py" <<'PY'
import os, sys
from pathlib import Path
from tests.tools.qgis_desktop import profile_dir, run_qgis, set_ini_values
from tests.tools.shot_locale import prepare_shot_profile

profiles, plugin_parent, script = (Path(arg) for arg in sys.argv[1:4])
env = prepare_shot_profile(profiles, os.environ["UP42_SHOT_LOCALE"] or None)
# Deliveries into the throwaway profile, not the user's ~/UP42 downloads.
ini = profile_dir(profiles) / "QGIS" / "QGIS3.ini"
set_ini_values(ini, "up42", {"download_folder": str(profiles / "UP42 downloads")})
keys = ("UP42_API_URL", "UP42_AUTH_URL", "UP42_USERNAME", "UP42_PASSWORD", "UP42_SHOT_OUT",
        "UP42_SHOT_ROOT")
env.update({k: os.environ[k] for k in keys})
result = run_qgis(profiles, plugin_parent, script, env)
name = os.environ["UP42_SHOT_NAME"]
lines = [l for l in (result.stdout + result.stderr).splitlines()
         if name in l or "Traceback" in l or "Error" in l]
print("\n".join(lines[-40:]))
sys.exit(result.returncode)
PY
echo "$name: $out"
