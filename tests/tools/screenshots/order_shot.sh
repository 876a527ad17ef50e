#!/usr/bin/env bash
# Screenshot of the order confirmation (the prices, before anything is placed): starts the
# sandbox on a free port, stages the plugin, runs QGIS under Xvfb on a throwaway profile with
# order_shot.py and writes resources/screenshots/order.png (or $1).
# With a locale as $2 (`order_shot.sh resources/screenshots/order_de.png de`) QGIS runs in
# that language and number format (see shot.sh).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
export SHOT_LOCALE=${2:-${SHOT_LOCALE:-}}
exec bash "$root/tests/tools/screenshots/shot.sh" order_shot \
  "${1:-$root/resources/screenshots/order.png}"
