#!/usr/bin/env bash
# Growth benchmark: the same steps at 1,000, 10,000 and 50,000 generated submissions (about four
# reviews each), printed as one table from one run. Every modelbook figure has a reference tool
# run on the same input in the same run, because the machine is shared and noisy:
#   check                    vs  xmllint --noout --relaxng (same schemas, same submissions and reviews)
#   select (all rounds)
#   cold build docbook,text  vs  pandoc -f docbook -t plain (same book.xml)
#   rebuild after changing one submission's text; rebuild after adding one review
#   validation of book.xml:  xmllint --relaxng (libxml2)  vs  jing
# Each row shows wall seconds and peak resident memory (MB) at each size, and how the time grew
# from the second size to the third (5x the submissions: linear growth is 5).
#
#   bash scripts/bench-growth.sh [BIN]          BENCH_SIZES="1000 10000 50000" BENCH_DIR=build/bench-growth BENCH_PANDOC_UPTO=10000
set -euo pipefail
BIN=${1:-.build/release/modelbook}
SIZES=${BENCH_SIZES:-"1000 10000 50000"}
# pandoc needs about 1 GB of heap per 1,000 entries and exceeded 12 GB on the 50,000-entry book
# (docs/benchmarks.md), so by default it runs only up to 10,000.
PANDOC_UPTO=${BENCH_PANDOC_UPTO:-10000}
WORK=${BENCH_DIR:-build/bench-growth}
SCHEMAS=Sources/ManuscriptReader/Resources/schemas
DOCBOOK_RNG=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng
rm -rf "$WORK"; mkdir -p "$WORK"
RESULTS="$WORK/results.tsv"   # size \t label \t seconds \t peak MB
: >"$RESULTS"

measure() { # size, label, command...
  local size=$1 label=$2; shift 2
  local log="$WORK/$size/$(echo "$label" | tr ' /,' '___')"
  if /usr/bin/time -f "%e %M" -o "$log.time" "$@" >"$log.out" 2>"$log.err"; then
    read -r secs kb <"$log.time"
    printf '%s\t%s\t%s\t%s\n' "$size" "$label" "$secs" "$((kb / 1024))" >>"$RESULTS"
  else
    printf '%s\t%s\tfailed\t-\n' "$size" "$label" >>"$RESULTS"
    echo "  $label failed at $size: see $log.err" >&2
  fi
  printf '  %-34s %s\n' "$label" "$(tail -1 "$RESULTS" | cut -f3,4 | tr '\t' ' ')" >&2
}

xmllint_inputs() { # corpus: the submissions and the reviews, each against its schema
  find "$1/submissions" -name '*.xml' -print0 | xargs -0 xmllint --noout --relaxng "$SCHEMAS/submission.rng"
  find "$1/reviews" -name '*.xml' -print0 | xargs -0 xmllint --noout --relaxng "$SCHEMAS/reviews.rng"
}
export -f xmllint_inputs; export SCHEMAS

for N in $SIZES; do
  echo "== $N submissions" >&2
  mkdir -p "$WORK/$N"
  CORPUS="$WORK/$N/corpus"
  "$BIN" generate --submissions "$N" --out "$CORPUS" --force >/dev/null
  echo "  $(find "$CORPUS/reviews" -name '*.xml' -exec grep -c '<review ' {} + | awk -F: '{s+=$NF} END {print s}') reviews," \
       "$(du -sh "$CORPUS" | cut -f1)" >&2

  measure "$N" "check" "$BIN" check --quiet --manuscript "$CORPUS"
  measure "$N" "xmllint --relaxng inputs" bash -c 'xmllint_inputs "$0"' "$CORPUS"
  measure "$N" "select" "$BIN" select --quiet --manuscript "$CORPUS" --no-record

  # The book holds every candidate: no eligibility rule, keep all, no quotas.
  cat >"$CORPUS/selection.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<selection>
  <round id="eligibility" type="screen"/>
  <round id="shortlist" type="rank" keep="$N" min-reviews="1" aggregate="mean"/>
  <round id="final" type="optimize" count="$N"/>
</selection>
XML
  rm -rf "$CORPUS/rounds"
  # Take one review out now, to add it back for the second rebuild.
  SHEET=$(find "$CORPUS/reviews" -name '*.xml' | sort | head -1)
  python3 - "$SHEET" "$WORK/$N/review.xml" <<'PY'
import re, sys
sheet, keep = sys.argv[1], sys.argv[2]
text = open(sheet, encoding="utf-8").read()
last = list(re.finditer(r"  <review .*?</review>\n", text, re.S))[-1]
open(keep, "w", encoding="utf-8").write(last.group(0))
open(sheet, "w", encoding="utf-8").write(text[:last.start()] + text[last.end():])
PY
  OUT="$WORK/$N/book"
  measure "$N" "cold build docbook,text" "$BIN" build --quiet --manuscript "$CORPUS" --out "$OUT" --format docbook,text
  if command -v pandoc >/dev/null && [ "$N" -le "$PANDOC_UPTO" ]; then
    # Its heap is capped (12 GB) so that a book too big for it fails alone instead of exhausting the machine.
    measure "$N" "pandoc -f docbook -t plain" pandoc +RTS -M12g -RTS -f docbook -t plain -o "$WORK/$N/pandoc.txt" "$OUT/book.xml"
  fi

  # One submission's text changes: a word of its first paragraph.
  SUBMISSION=$(find "$CORPUS/submissions" -name '*.xml' | sort | sed -n "$(( (N + 1) / 2 ))p")
  python3 - "$SUBMISSION" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
at = text.index("<p>") + len("<p>")
open(path, "w", encoding="utf-8").write(text[:at] + "Nay bổ sung: " + text[at:])
PY
  measure "$N" "rebuild, one submission changed" "$BIN" build --quiet --manuscript "$CORPUS" --out "$OUT" --format docbook,text
  python3 - "$SHEET" "$WORK/$N/review.xml" <<'PY'
import sys
sheet, review = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
text = open(sheet, encoding="utf-8").read()
at = text.rindex("</reviews>")
open(sheet, "w", encoding="utf-8").write(text[:at] + review + text[at:])
PY
  measure "$N" "rebuild, one review added" "$BIN" build --quiet --manuscript "$CORPUS" --out "$OUT" --format docbook,text

  if [ -f "$DOCBOOK_RNG" ]; then
    measure "$N" "book.xml: xmllint --relaxng" xmllint --noout --relaxng "$DOCBOOK_RNG" "$OUT/book.xml"
    command -v jing >/dev/null && measure "$N" "book.xml: jing" jing "$DOCBOOK_RNG" "$OUT/book.xml"
  fi
  # Keep the disk small: the corpus and the book of this size are not needed any more.
  rm -rf "$CORPUS" "$OUT" "$WORK/$N/pandoc.txt"
done

# One table: a row per step, seconds and peak MB per size, growth of the time over the last 5x.
python3 - "$RESULTS" $SIZES <<'PY'
import sys
path, sizes = sys.argv[1], sys.argv[2:]
rows, order = {}, []
for line in open(path, encoding="utf-8"):
    size, label, secs, mb = line.rstrip("\n").split("\t")
    if label not in rows:
        rows[label] = {}
        order.append(label)
    rows[label][size] = (secs, mb)
def n(s): return f"{int(s):,}"
head = ["step"] + [f"{n(s)}: s" for s in sizes] + [f"{n(s)}: MB" for s in sizes]
if len(sizes) >= 2:
    head.append(f"time {n(sizes[-1])}/{n(sizes[-2])}")
print("| " + " | ".join(head) + " |")
print("|" + "---|" * len(head))
for label in order:
    r = rows[label]
    cells = [label] + [r.get(s, ("-", "-"))[0] for s in sizes] + [r.get(s, ("-", "-"))[1] for s in sizes]
    if len(sizes) >= 2:
        a, b = r.get(sizes[-2], ("-",))[0], r.get(sizes[-1], ("-",))[0]
        try:
            cells.append(f"{float(b) / float(a):.1f}")
        except (ValueError, ZeroDivisionError):
            cells.append("-")
    print("| " + " | ".join(cells) + " |")
def ratio(top, bottom, size):
    try:
        return f"{float(rows[top][size][0]) / float(rows[bottom][size][0]):.2f}"
    except (KeyError, ValueError, ZeroDivisionError):
        return "-"
print()
for s in sizes:
    print(f"{n(s)}: check/xmllint {ratio('check', 'xmllint --relaxng inputs', s)}; "
          f"pandoc/cold build {ratio('pandoc -f docbook -t plain', 'cold build docbook,text', s)}; "
          f"rebuild (one submission)/cold build {ratio('rebuild, one submission changed', 'cold build docbook,text', s)}; "
          f"rebuild (one review)/cold build {ratio('rebuild, one review added', 'cold build docbook,text', s)}; "
          f"xmllint/jing on book.xml {ratio('book.xml: xmllint --relaxng', 'book.xml: jing', s)}")
PY
