#!/usr/bin/env bash
# Start-up of the packaged launcher: `keyward slmgr /dli` (on a store with one installation, this
# machine's hardware) and `keyward --version`, measured with hyperfine (apt-get install hyperfine).
# Prints each command's median, mean and min in milliseconds. Settings (environment): RUNS (20),
# WARMUP (3), KEYWARD (the launcher; default bin/keyward of this checkout), OUT (hyperfine's JSON).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
keyward="${KEYWARD:-$root/bin/keyward}"
runs="${RUNS:-20}"
warmup="${WARMUP:-3}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
out="${OUT:-$scratch/startup.json}"

export KEYWARD_STORE="$scratch/store"
"$keyward" --version >/dev/null # builds the jar and its class archive when needed
"$keyward" init --product winserver --version 2022 --edition ServerStandard >/dev/null
hyperfine -N --warmup "$warmup" --runs "$runs" --export-json "$out" \
  "$keyward slmgr /dli" "$keyward --version" >/dev/null
python3 - "$out" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("%-40s median %5.0f ms  mean %5.0f ms  min %5.0f ms" % (
        r["command"].split("/bin/", 1)[-1], r["median"] * 1000, r["mean"] * 1000, r["min"] * 1000))
PY
