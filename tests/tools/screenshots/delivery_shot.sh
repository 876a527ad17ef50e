#!/usr/bin/env bash
# Screenshot of a delivered order loaded over its footprint, with the Orders tab: starts the
# sandbox (short dwell times) on a free port, stages the plugin, runs QGIS under Xvfb on a
# throwaway profile with delivery_shot.py and writes resources/screenshots/delivery.png (or $1).
# With a locale as $2 (e.g. `delivery_shot.sh /tmp/delivery_de.png de`) QGIS runs in that
# language and number format.
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
export SHOT_LOCALE=${2:-${SHOT_LOCALE:-}}  # e.g. de: QGIS in German (see shot.sh)
exec bash "$root/tests/tools/screenshots/shot.sh" delivery_shot \
  "${1:-$root/resources/screenshots/delivery.png}" \
  --dwell CREATED=0.5,BEING_PLACED=0.5,PLACED=0.5,BEING_FULFILLED=1
