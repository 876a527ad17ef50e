#!/usr/bin/env bash
# make run: start the sandbox, configure a throwaway QGIS profile for it, then QGIS with the
# plugin from the working tree; the sandbox stops when QGIS exits.
# Usage: run_qgis.sh <repo root> <staged plugin parent> <profile folder> <sandbox port> [qgis args]
set -euo pipefail
root=$1 stage=$2 profile=$3 port=$4
shift 4
cd "$root"
profile_root=$(realpath -m "$profile")
plugin_parent=$(realpath -m "$stage")

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<EOF
make run opens the QGIS desktop, which needs a display, and DISPLAY is not set.
On a headless machine run it under a virtual X server:

    xvfb-run -a -s "-screen 0 1600x1000x24" make run

EOF
  exit 2
fi

mkdir -p "$profile_root"
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then  # else Qt warns about it on every start
  export XDG_RUNTIME_DIR="$profile_root/runtime"
  mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
fi
sandbox_pid=""
stop_sandbox() {
  if [ -n "$sandbox_pid" ] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
    echo "UP42 sandbox stopped."
  fi
}
trap stop_sandbox EXIT
trap 'exit 130' INT TERM

sandbox_url=""
if [ -f tests/sandbox/__main__.py ]; then
  log="$profile_root/sandbox.log"
  /usr/bin/python3 -m tests.sandbox --host 127.0.0.1 --port "$port" \
    --data-dir "$profile_root/sandbox-data" >"$log" 2>&1 &
  sandbox_pid=$!
  for _ in $(seq 600); do  # it prints its URL once it listens; give it up to a minute
    sandbox_url=$(sed -n 's/.*UP42 sandbox: \(http:[^ ]*\).*/\1/p' "$log" | head -n 1)
    [ -n "$sandbox_url" ] && break
    if ! kill -0 "$sandbox_pid" 2>/dev/null; then
      echo "The sandbox exited before it was ready (port $port busy? SANDBOX_PORT=... make run):" >&2
      tail -n 20 "$log" >&2
      exit 1
    fi
    sleep 0.1
  done
  if [ -z "$sandbox_url" ]; then
    echo "The sandbox did not report its URL; see $log" >&2
    exit 1
  fi
  echo "UP42 sandbox: $sandbox_url (log: $log)"
else
  echo "No sandbox in this tree (tests/sandbox/__main__.py): QGIS starts without an account." >&2
fi

/usr/bin/python3 tests/tools/setup_run_profile.py --profiles "$profile_root" \
  ${sandbox_url:+--api-url "$sandbox_url"} ${RUN_LOCALE:+--locale "$RUN_LOCALE"}

# QGIS reads the throwaway profile's master password from this file instead of prompting.
export QGIS_AUTH_PASSWORD_FILE="$profile_root/auth-master-password"
export QGIS_PLUGINPATH="$plugin_parent"
# QGIS's own start-up (not the plugin) warns "setapi() is deprecated" on PyQt5: not news to a
# user of make run, so it stays off the console.
export PYTHONWARNINGS="ignore:setapi() is deprecated:DeprecationWarning${PYTHONWARNINGS:+,$PYTHONWARNINGS}"
unset QT_QPA_PLATFORM

# The project setup_run_profile.py wrote (the world and where the sandbox has scenes), then
# the map on Berlin and the dock open (tests/tools/run_start.py), unless QGIS_ARGS bring a
# --code script of their own (the screenshot scripts do).
start=()
project="$profile_root/up42-sandbox.qgz"
[ -f "$project" ] && start+=(--project "$project")
case " $* " in
  *" --code "*) ;;
  *) start+=(--code "$root/tests/tools/run_start.py") ;;
esac
# Not exec: the EXIT trap must stop the sandbox once QGIS is closed.
qgis --noversioncheck --nologo --profiles-path "$profile_root" "${start[@]}" "$@"
