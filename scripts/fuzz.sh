#!/usr/bin/env bash
# Fuzzes the manuscript reader with libFuzzer for a bounded time.
#   scripts/fuzz.sh [SECONDS]   (default 60)
# Builds Fuzz/ReaderFuzzer with -sanitize=fuzzer into .build/fuzz, makes a seed corpus from the
# test fixtures and the sample manuscript (each file prefixed by the byte that names its kind,
# as SingleFileReader.tags says), and runs with the limits every input must keep: no crash, no
# input over 2 s, no more than 200 MB. An input that breaks one is copied into the regression
# fixtures, which `swift test --filter FuzzRegressionTests` replays, and the run fails.
# FUZZ_SANITIZE=fuzzer,address adds AddressSanitizer (slower; for the reader's unsafe buffers);
# its shadow memory and quarantine count in the process's memory, so give it FUZZ_RSS_MB=1000.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-60}
SWIFT=${SWIFT:-swift}
BUILD=.build/fuzz
REGRESSIONS=Tests/ManuscriptReaderTests/Fixtures/fuzz-regressions
SANITIZE=${FUZZ_SANITIZE:-fuzzer}
RSS_MB=${FUZZ_RSS_MB:-200}

MODELBOOK_FUZZ=1 "$SWIFT" build -c debug --build-path "$BUILD" --product reader-fuzzer \
  -Xswiftc -sanitize="$SANITIZE" -Xswiftc -parse-as-library
FUZZER="$BUILD/debug/reader-fuzzer"

# Seeds: tag byte + file. Folders and names say the kind.
SEEDS="$BUILD/seeds"
# Artefacts are this run's finds only.
rm -rf "$SEEDS" "$BUILD/artifacts"; mkdir -p "$SEEDS" "$BUILD/corpus" "$BUILD/artifacts"
tag_of() { # path -> tag letter, or nothing for a file the reader does not take as input
  case "$1" in
    */submissions/*.xml) echo s ;; */edits/*.xml) echo e ;; */reviews/*.xml) echo r ;;
    */selection.xml) echo l ;; */book.xml) echo b ;; */districts.xml) echo d ;;
    */fields.xml) echo f ;; */rubric.xml) echo u ;; */reviewers.xml) echo v ;;
  esac
}
n=0
for folder in Tests/ManuscriptReaderTests/Fixtures/valid manuscript; do
  # Every configuration file, and the first few submissions, edits and score sheets.
  files=$(find "$folder" -maxdepth 1 -name '*.xml'; for sub in submissions edits reviews; do
            find "$folder/$sub" -name '*.xml' 2>/dev/null | sort | head -n 8; done)
  for file in $files; do
    tag=$(tag_of "$file"); [ -n "$tag" ] || continue
    n=$((n + 1)); { printf '%s' "$tag"; cat "$file"; } >"$SEEDS/seed-$n"
  done
done
echo "fuzz: $n seeds; running for $SECONDS_TO_RUN s"

status=0
"$FUZZER" "$BUILD/corpus" "$SEEDS" "$REGRESSIONS" \
  -max_total_time="$SECONDS_TO_RUN" -timeout=2 -rss_limit_mb="$RSS_MB" -max_len=65536 \
  -artifact_prefix="$BUILD/artifacts/" -print_final_stats=1 || status=$?
found=$(find "$BUILD/artifacts" -type f | wc -l)
if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
  for artefact in "$BUILD"/artifacts/*; do
    [ -f "$artefact" ] || continue
    cp "$artefact" "$REGRESSIONS/$(basename "$artefact")"
    echo "fuzz: kept $REGRESSIONS/$(basename "$artefact") as a regression fixture"
  done
  echo "fuzz: the reader crashed, hung or ran out of memory on an input (exit $status); fix it and keep the fixture"
  exit 1
fi
echo "fuzz: no crash, hang or memory blow-up in $SECONDS_TO_RUN s"
