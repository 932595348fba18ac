#!/usr/bin/env bash
# Benchmarks on a generated 10,000-submission corpus. Every figure is printed beside a
# reference tool run on the same input in the same run, because the machine is shared and noisy:
#   check  vs  xmllint --noout --relaxng (same schemas, same files)
#   select (through the final round) vs check
#   build --format docbook,text on a 10,000-entry book vs pandoc -f docbook -t plain
#   validation of that book.xml: libxml2 (xmllint, and the build without jing) vs jing
set -euo pipefail
BIN=${1:-.build/release/modelbook}
N=${BENCH_SUBMISSIONS:-10000}
WORK=${BENCH_DIR:-build/bench}
SCHEMAS=Sources/ManuscriptReader/Resources/schemas
rm -rf "$WORK"; mkdir -p "$WORK"
CORPUS="$WORK/corpus"

measure() { # label, command...: prints "label  seconds  peak-MB"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >"$WORK/$label.out" 2>"$WORK/$label.err" || true
  read -r secs kb <"$WORK/time.txt"
  printf '%-34s %8.2f s %8.1f MB\n' "$label" "$secs" "$(echo "$kb/1024" | bc -l)"
  echo "$secs" >"$WORK/$label.secs"
}

echo "generating $N submissions into $CORPUS"
"$BIN" generate --submissions "$N" --out "$CORPUS" --force >/dev/null
echo "files: $(find "$CORPUS" -name '*.xml' | wc -l) XML, $(du -sh "$CORPUS" | cut -f1)"
echo
echo "== check (2 cores) vs xmllint --relaxng (1 process per schema)"
measure "modelbook check" "$BIN" check --manuscript "$CORPUS"
xmllint_all() {
  xmllint --noout --relaxng "$SCHEMAS/submission.rng" "$CORPUS"/submissions/*.xml
  xmllint --noout --relaxng "$SCHEMAS/reviews.rng" "$CORPUS"/reviews/*.xml
}
export -f xmllint_all; export SCHEMAS CORPUS
measure "xmllint --noout --relaxng" bash -c xmllint_all
echo "ratio check/xmllint: $(echo "$(cat "$WORK/modelbook check.secs") / $(cat "$WORK/xmllint --noout --relaxng.secs")" | bc -l | cut -c1-5)"
echo
echo "== select through the final round vs check"
measure "modelbook select" "$BIN" select --manuscript "$CORPUS" --no-record
echo "ratio select/check: $(echo "$(cat "$WORK/modelbook select.secs") / $(cat "$WORK/modelbook check.secs")" | bc -l | cut -c1-5)"
# select reads the manuscript exactly as check does, then runs the rounds: the difference is
# the rounds' own time (eligibility, scoring, ranking, the exact optimisation).
echo "rounds alone (select - check): $(echo "$(cat "$WORK/modelbook select.secs") - $(cat "$WORK/modelbook check.secs")" | bc -l | cut -c1-5) s"
echo
echo "== build --format docbook,text of a book with every candidate vs pandoc"
# Select everything: no eligibility rule, keep all, no quotas.
cat >"$CORPUS/selection.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<selection>
  <round id="eligibility" type="screen"/>
  <round id="shortlist" type="rank" keep="$N" min-reviews="1" aggregate="mean"/>
  <round id="final" type="optimize" count="$N"/>
</selection>
XML
rm -rf "$CORPUS/rounds"
measure "modelbook build docbook,text" "$BIN" build --manuscript "$CORPUS" --out "$WORK/book" --format docbook,text
if command -v pandoc >/dev/null; then
  measure "pandoc -f docbook -t plain" pandoc -f docbook -t plain -o "$WORK/pandoc.txt" "$WORK/book/book.xml"
  echo "ratio pandoc/build: $(echo "$(cat "$WORK/pandoc -f docbook -t plain.secs") / $(cat "$WORK/modelbook build docbook,text.secs")" | bc -l | cut -c1-6)"
fi
# The build must validate book.xml against the official DocBook 5 schema with libxml2. That
# validation alone, run by xmllint on the same file, bounds how fast the build can be: even
# split perfectly over both cores it takes half of xmllint's time.
DOCBOOK_RNG=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng
if [ -f "$DOCBOOK_RNG" ]; then
  measure "xmllint --relaxng book.xml" xmllint --noout --relaxng "$DOCBOOK_RNG" "$WORK/book/book.xml"
  half=$(echo "$(cat "$WORK/xmllint --relaxng book.xml.secs") / 2" | bc -l)
  echo "validation alone, ideally split over 2 cores: $(echo "$half" | cut -c1-5) s"
  if [ -f "$WORK/pandoc -f docbook -t plain.secs" ]; then
    p=$(cat "$WORK/pandoc -f docbook -t plain.secs")
    echo "so with libxml2 validation the build is at most $(echo "$p / $half" | bc -l | cut -c1-5)x faster than pandoc;"
    echo "with reading the manuscript as well (check, above): at most $(echo "$p / ($half + $(cat "$WORK/modelbook check.secs"))" | bc -l | cut -c1-5)x"
  fi
fi
# The build validates book.xml with jing when it is installed, else with libxml2 in process: the
# two validators on the same file, alone and inside the build (docbook only; PATH without jing).
if [ -f "$DOCBOOK_RNG" ] && command -v jing >/dev/null; then
  echo
  echo "== validation of book.xml: libxml2 vs jing"
  measure "jing book.xml" jing "$DOCBOOK_RNG" "$WORK/book/book.xml"
  echo "ratio xmllint/jing: $(echo "$(cat "$WORK/xmllint --relaxng book.xml.secs") / $(cat "$WORK/jing book.xml.secs")" | bc -l | cut -c1-5)"
  measure "modelbook build docbook (jing)" "$BIN" build --manuscript "$CORPUS" --out "$WORK/book-jing" --format docbook
  measure "modelbook build docbook (libxml2)" env PATH=/nonexistent "$BIN" build --manuscript "$CORPUS" --out "$WORK/book-libxml2" --format docbook
  grep -h "checked by" "$WORK/modelbook build docbook (jing).err" "$WORK/modelbook build docbook (libxml2).err" || true
  echo "ratio build libxml2/jing: $(echo "$(cat "$WORK/modelbook build docbook (libxml2).secs") / $(cat "$WORK/modelbook build docbook (jing).secs")" | bc -l | cut -c1-5)"
fi
echo
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
measure "modelbook assign" "$BIN" assign --manuscript "$ACORPUS" --round shortlist --per 4 --seed 1
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
