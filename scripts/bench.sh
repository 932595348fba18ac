#!/usr/bin/env bash
# Benchmarks of the board's work between the rounds, on a generated 10,000-submission corpus:
#   assign (K=4, 40 reviewers) against the bounds of a perfectly balanced load
#   the review desk under load (scripts/bench-desk.sh)
# The growth of check, select, build and rebuilds from 1,000 to 50,000 submissions, each beside a
# reference tool on the same input, is scripts/bench-growth.sh; `make bench` runs both.
set -euo pipefail
BIN=${1:-.build/release/modelbook}
N=${BENCH_SUBMISSIONS:-10000}
WORK=${BENCH_DIR:-build/bench}
rm -rf "$WORK"; mkdir -p "$WORK"

measure() { # label, command...: prints "label  seconds  peak-MB"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >"$WORK/$label.out" 2>"$WORK/$label.err" || true
  read -r secs kb <"$WORK/time.txt"
  printf '%-34s %8.2f s %8.1f MB\n' "$label" "$secs" "$(echo "$kb/1024" | bc -l)"
  echo "$secs" >"$WORK/$label.secs"
}

echo "== assign: $N candidates x 40 reviewers x K=4"
# Its own corpus with 40 reviewers; a screen round without rules lets every submission into the
# rank round, so the pool is all $N candidates.
ACORPUS="$WORK/assign-corpus"
"$BIN" generate --submissions "$N" --reviewers 40 --out "$ACORPUS" --force >/dev/null
cat >"$ACORPUS/selection.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<selection>
  <round id="eligibility" type="screen"/>
  <round id="shortlist" type="rank" keep="$N" min-reviews="1" aggregate="mean"/>
</selection>
XML
measure "modelbook check (assign corpus)" "$BIN" check --manuscript "$ACORPUS"
measure "modelbook assign" "$BIN" assign --lang en --manuscript "$ACORPUS" --round shortlist --per 4 --seed 1
echo "assignment alone (assign - check): $(echo "$(cat "$WORK/modelbook assign.secs") - $(cat "$WORK/modelbook check (assign corpus).secs")" | bc -l | cut -c1-5) s"
head -2 "$WORK/modelbook assign.out"
# The proof of optimal balance: 40 loads summing to N x 4 cannot all be below ceil(N*4/40) nor
# all above floor(N*4/40); assign reaches both bounds (or proves by its flow searches that
# conflicts of interest forbid them, and says so in the line above).
total=$((N * 4)); lo=$((total / 40)); hi=$(((total + 39) / 40))
read -r min max < <(sed -n 's/^load per reviewer: min \([0-9]*\), max \([0-9]*\).*/\1 \2/p' "$WORK/modelbook assign.out")
echo "bounds from N*K/R = $total/40: min <= $lo, max >= $hi; assign gives min $min, max $max"
if [ "$min" = "$lo" ] && [ "$max" = "$hi" ]; then echo "optimal balance: both bounds reached"; else echo "bounds not reached: see the proof above"; fi
echo
bash "$(dirname "$0")/bench-desk.sh" "$BIN"
