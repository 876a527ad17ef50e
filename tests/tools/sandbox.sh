# Sourced by the tool scripts (demo, screenshots): a throwaway sandbox on a free port.
# Needs $root, $python, $username and $password; sets $work (a temporary folder), and after
# `start_sandbox NAME [sandbox args…]` $sandbox_pid and $url. Both go away when the script exits.

work=$(mktemp -d)
sandbox_pid=""
cleanup() {
  if [ -n "$sandbox_pid" ]; then
    kill "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

start_sandbox() {
  local name=$1
  shift
  (cd "$root" && exec "$python" -m tests.sandbox --host 127.0.0.1 --port 0 \
      --data-dir "$work/sandbox-data" --username "$username" --password "$password" "$@") \
    >"$work/sandbox.log" 2>&1 &
  sandbox_pid=$!
  url=""
  for _ in $(seq 1 300); do
    url=$(sed -n 's|^UP42 sandbox: \(http://[^ ]*\).*|\1|p' "$work/sandbox.log" | head -n 1)
    [ -n "$url" ] && return 0
    if ! kill -0 "$sandbox_pid" 2>/dev/null; then
      cat "$work/sandbox.log" >&2
      echo "$name: the sandbox did not start" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "$name: the sandbox printed no URL" >&2
  exit 1
}
