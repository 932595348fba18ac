#!/usr/bin/env bash
# Smoke test for styles/: renders the sample book to chunked HTML and to PDF exactly as the
# build must (see styles/README.md), then checks what DocBook XSL and FOP do not fail on:
# log lines, fonts, Vietnamese text, encoding, names, index links.
#
#   styles/smoke.sh [OUTDIR]        (default: a new temporary directory, kept for inspection)
#
# Needs: xsltproc, xmllint, fop, pdffonts, pdftotext (jing is used when present).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
src="$repo/Tests/BookWriterTests/Fixtures/styles-sample.xml"
images="$repo/Tests/BookWriterTests/Fixtures/images"
rng=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng

out=${1:-$(mktemp -d "${TMPDIR:-/tmp}/modelbook-styles.XXXXXX")}
mkdir -p "$out"
out=$(cd "$out" && pwd)
html="$out/html"
pdf="$out/pdf"
rm -rf "$html" "$pdf"
mkdir -p "$html" "$pdf"

failures=0
fail() { printf 'FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }
pass() { printf 'ok:   %s\n' "$*"; }

# Log lines that are known to be harmless (everything else on stderr fails the smoke test).
harmless='^\[INFO\] |Making (portrait|landscape) pages on|Hyphenation pattern not found\. URI: vi|coverage set class table not yet supported|span="inherit" on fo:block, but no explicit value found on the parent FO|JVM flavor .* not understood|Unable to locate avalon-framework'
# Lines that always mean a broken book, whatever else is said.
fatal='ERROR|SEVERE|FATAL|Exception|Glyph .* not available|not available in font|Unresolved ID reference|Image not found|has no generated link text|No template for|No localization|No context named|no template matches|is not a chunk|is not an id in the book'

check_log() { # name logfile
  local name=$1 log=$2 bad
  bad=$(grep -E "$fatal" "$log" || true)
  if [ -n "$bad" ]; then fail "$name log has fatal lines:"; printf '%s\n' "$bad" >&2; return; fi
  bad=$(grep -vE "$harmless" "$log" | grep -v '^[[:space:]]*$' || true)
  if [ -n "$bad" ]; then fail "$name log has unexpected lines:"; printf '%s\n' "$bad" >&2; return; fi
  pass "$name log is clean"
}

# 1. The sample is valid DocBook 5.0.
if xmllint --noout --relaxng "$rng" "$src" 2>"$out/validate.log"; then pass "sample valid (xmllint --relaxng)"; else fail "sample invalid:"; cat "$out/validate.log" >&2; fi
if command -v jing >/dev/null; then
  rc=0; jing "$rng" "$src" >"$out/jing.log" 2>&1 || rc=$?
  if [ "$rc" -eq 0 ] && ! grep -vE "$harmless" "$out/jing.log" | grep -q .; then pass "sample valid (jing)"
  else fail "jing:"; cat "$out/jing.log" >&2; fi
fi

# 2. HTML: chunked, UTF-8, next to book.css and images/.
xsltproc --nonet --stringparam base.dir "$html/" "$here/html.xsl" "$src" 2>"$out/html.log" || fail "xsltproc html.xsl exited $?"
cp "$here/book.css" "$html/book.css"
cp -R "$images" "$html/images"
check_log "xsltproc html.xsl" "$out/html.log"

# 3. PDF: FO with images/ beside it (FOP resolves relative URIs against the FO file), then FOP.
xsltproc --nonet --output "$pdf/book.fo" "$here/fo.xsl" "$src" 2>"$out/fo.log" || fail "xsltproc fo.xsl exited $?"
cp -R "$images" "$pdf/images"
check_log "xsltproc fo.xsl" "$out/fo.log"
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1735689600} \
  fop -q -c "$here/fop.xconf" -fo "$pdf/book.fo" -pdf "$pdf/book.pdf" 2>"$out/fop.log" >>"$out/fop.log" \
  || fail "fop exited $?"
check_log "fop" "$out/fop.log"

# 4. Fonts: every font embedded, and only Noto.
if [ -s "$pdf/book.pdf" ]; then
  pdffonts "$pdf/book.pdf" >"$out/pdffonts.txt"
  fonts=$(tail -n +3 "$out/pdffonts.txt")
  if [ -z "$fonts" ]; then fail "pdffonts lists no fonts"
  else
    not_embedded=$(printf '%s\n' "$fonts" | awk '$(NF-4) != "yes"')
    not_noto=$(printf '%s\n' "$fonts" | awk '{ n = $1; sub(/^[A-Z]+\+/, "", n); if (n !~ /^Noto(Serif|Sans)-/) print }')
    [ -z "$not_embedded" ] && pass "all fonts embedded" || { fail "fonts not embedded:"; printf '%s\n' "$not_embedded" >&2; }
    [ -z "$not_noto" ] && pass "only Noto Serif/Sans fonts" || { fail "non-Noto fonts:"; printf '%s\n' "$not_noto" >&2; }
  fi

  # 5. Text: diacritics survive, names family-first, index page numbers.
  pdftotext -enc UTF-8 "$pdf/book.pdf" "$out/book.txt"
  for phrase in "Ưu tiên" "Đảng bộ" "Nghị quyết" "Nguyễn Thị Hằng" "Ứng Hòa"; do
    grep -qF "$phrase" "$out/book.txt" && pass "PDF text has \"$phrase\"" || fail "PDF text lacks \"$phrase\""
  done
  grep -qF "Nguyễn, Thị" "$out/book.txt" && fail "PDF prints the name as \"Nguyễn, Thị …\""
  grep -qF "Publication" "$out/book.txt" && fail "PDF title page says \"Publication …\" in English"
  grep -qE '^Gia Viễn, [0-9]+, [0-9]+$' "$out/book.txt" && pass "PDF index: Gia Viễn with two page numbers" \
    || fail "PDF index lacks \"Gia Viễn, <page>, <page>\""
  grep -qx 'Đ' "$out/book.txt" && pass "PDF index has the letter group Đ" || fail "PDF index lacks the letter group Đ"
else
  fail "no PDF written"
fi

# 6. HTML: UTF-8 bytes, lang="vi", stylesheet link, no character references, index links.
n=0
for f in "$html"/*.html; do
  n=$((n + 1))
  iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || fail "$(basename "$f") is not valid UTF-8"
  grep -q '<html lang="vi"' "$f" || fail "$(basename "$f") lacks <html lang=\"vi\">"
  grep -qi 'charset=UTF-8' "$f" || fail "$(basename "$f") does not declare charset=UTF-8"
  grep -q 'href="book.css"' "$f" || fail "$(basename "$f") does not link book.css"
  grep -qE '&#[0-9]+;|&#x[0-9a-fA-F]+;' "$f" && fail "$(basename "$f") has numeric character references"
done
[ "$n" -gt 0 ] && pass "$n HTML chunks checked (UTF-8, lang=vi, book.css)" || fail "no HTML written"
for chunk in index NB-2024-0137 NB-2023-0042 NB-2024-0211 phan-kinh-te chi-muc-dia-ban chi-muc-don-vi; do
  [ -f "$html/$chunk.html" ] || fail "missing chunk $chunk.html (use.id.as.filename)"
done
grep -q 'Ưu tiên' "$html/loi-gioi-thieu.html" && pass "HTML text has \"Ưu tiên\"" || fail "HTML lacks \"Ưu tiên\""
sed -e 's/<[^>]*>//g' "$html/index.html" | grep -qF 'Nguyễn Thị Hằng' && pass "HTML title page: Nguyễn Thị Hằng" || fail "HTML title page lacks \"Nguyễn Thị Hằng\""
sed -e 's/<[^>]*>//g' "$html/index.html" | grep -qF 'Nguyễn, Thị' && fail "HTML prints the name as \"Nguyễn, Thị …\""
grep -q 'Gia Viễn, <a class="indexref" href="NB-2024-0137.html"' "$html/chi-muc-dia-ban.html" \
  && pass "HTML index links Gia Viễn to its entries" || fail "HTML index lacks the link from Gia Viễn to NB-2024-0137.html"
[ -f "$html/images/bieu-do-ty-le.svg" ] && grep -q 'data="images/bieu-do-ty-le.svg"' "$html/NB-2024-0137.html" \
  && pass "HTML figure points at images/ next to the HTML" || fail "HTML figure/image layout is wrong"

echo "output: $out (html/index.html, pdf/book.pdf, *.log)"
if [ "$failures" -gt 0 ]; then echo "smoke: $failures failure(s)" >&2; exit 1; fi
echo "smoke: all checks passed"
