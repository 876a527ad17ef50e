#!/usr/bin/env bash
# Screenshot of the UP42 dock at its default width: the account header (who am I) over the
# Orders tab with several orders. Starts the sandbox on a free port, stages the plugin,
# runs QGIS under Xvfb on a throwaway profile with orders_shot.py; writes $1 (a PNG).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
exec bash "$root/tests/tools/screenshots/shot.sh" orders_shot \
  "${1:-$root/resources/screenshots/orders.png}" \
  --dwell CREATED=0.2,BEING_PLACED=0.2,PLACED=0.2,BEING_FULFILLED=3600
