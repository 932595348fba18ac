#!/usr/bin/env bash
# The review desk's throughput for draft saves on loopback: `modelbook desk serve` on a generated
# manuscript, one signed-in reviewer, wrk with 50 connections for 10 s (requests/s and p99).
set -euo pipefail
BIN=${1:-.build/release/modelbook}
WORK=${BENCH_DIR:-build/bench}/desk
rm -rf "$WORK"; mkdir -p "$WORK"
MS="$WORK/ms"
"$BIN" generate --submissions 200 --reviewers 50 --out "$MS" --force >/dev/null
# Three reviewers per eligible candidate, as the editors would assign them.
"$BIN" assign --manuscript "$MS" --round shortlist --per 3 --write >/dev/null

"$BIN" desk serve --lang en --manuscript "$MS" --port 0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q listening "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
PORT=$(sed -n 's/^listening on http:\/\/127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$WORK/serve.out")
ORIGIN="http://127.0.0.1:$PORT"
LINK=$("$BIN" desk invite --manuscript "$MS" --round shortlist --port "$PORT" --format json 2>/dev/null \
  | /usr/bin/python3 -c 'import json,sys; links = json.load(sys.stdin); print(links[sorted(links)[0]])')
curl -s -o /dev/null -c "$WORK/cookies" -H "Origin: $ORIGIN" -X POST "$LINK"
COOKIE="desk_session=$(awk '$6 == "desk_session" {print $7}' "$WORK/cookies")"
ME=$(curl -s -H "Cookie: $COOKIE" "$ORIGIN/api/me")
FIRST=$(curl -s -H "Cookie: $COOKIE" "$ORIGIN/api/assignments" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
export DESK_COOKIE=$COOKIE DESK_ORIGIN=$ORIGIN DESK_SUBMISSION=$FIRST
export DESK_CSRF=$(echo "$ME" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf"])')
export DESK_CRITERION=$(echo "$ME" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["criteria"][0]["key"])')
export DESK_MIN=$(echo "$ME" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["min"])')
export DESK_MAX=$(echo "$ME" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["max"])')

echo "== desk: draft saves on loopback (wrk, 2 threads, 50 connections, 10 s)"
wrk -t2 -c50 -d10s --latency -s scripts/desk-save.lua "$ORIGIN" >"$WORK/wrk.out"
echo "requests/s: $(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.out")"
echo "p50: $(awk '$1 == "50%" {print $2}' "$WORK/wrk.out")  p99: $(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")"
grep -E 'Non-2xx|Socket errors' "$WORK/wrk.out" || echo "errors: none"
echo "score-log rows: $(sqlite3 "$MS/desk/desk.sqlite" 'SELECT COUNT(*) FROM score_log')"
