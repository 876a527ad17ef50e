#!/usr/bin/env bash
# Screenshot of the order confirmation (the prices, before anything is placed): starts the
# sandbox on a free port, stages the plugin, runs QGIS under Xvfb on a throwaway profile with
# order_shot.py and writes resources/screenshots/order.png (or $1).
# With a locale as $2 (e.g. `order_shot.sh resources/screenshots/order_de.png de`) QGIS runs in
# that language and number format, as with Settings ▸ Options ▸ General ▸ Override system
# locale, and the plugin's .qm files are built first. Without one it runs in English (en_US),
# both with the thousands separator on (tests/tools/shot_locale.py).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
out=$(realpath -m "${1:-$root/resources/screenshots/order.png}")
locale=${2:-}
python=${SANDBOX_PYTHON:-/usr/bin/python3}
username=sandbox@up42.local
password=sandbox

. "$root/tests/tools/sandbox.sh"

make -C "$root" --no-print-directory stage >/dev/null
if [ -n "$locale" ]; then
  make -C "$root" --no-print-directory qm >/dev/null
  # Qt's own strings (the dialog's Cancel button) in that language, as QGIS's installers ship
  # them: Debian has them in qttranslations5-l10n, which QGIS does not pull in.
  if [ ! -f "/usr/share/qt5/translations/qtbase_${locale%%_*}.qm" ]; then
    sudo=$([ "$(id -u)" = 0 ] || echo sudo)
    $sudo apt-get install -y -q --no-install-recommends qttranslations5-l10n >/dev/null
  fi
fi
start_sandbox order_shot

mkdir -p "$(dirname "$out")"
cd "$root"
UP42_API_URL="$url" UP42_AUTH_URL="$url" UP42_USERNAME="$username" UP42_PASSWORD="$password" \
UP42_SHOT_OUT="$out" UP42_SHOT_LOCALE="$locale" "$python" - "$work/profiles" \
  "$root/build/plugin" "$root/tests/tools/screenshots/order_shot.py" <<'PY'
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
         if "order_shot" in l or "Traceback" in l or "Error" in l]
print("\n".join(lines[-40:]))
sys.exit(result.returncode)
PY
echo "order_shot: $out"
