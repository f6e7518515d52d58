#!/usr/bin/env bash
# Every printable page of `grantkit paperwork` in a real browser: headless Chromium prints each
# HTML file to PDF. Fails on a console error, on a page size other than A4, on more pages than the
# file has sheets (a time report: one page a month; an attestation: one a staff entry; an in-kind
# summary and the index: one), and on text cut off at the edge of the printable area (A4 less the
# page margins of 16 mm: Chromium clips what does not fit, so the clipped text touches that edge). Chromium and pdfinfo/pdftotext
# (poppler-utils) are required (scripts/setup installs them): without them the test fails.
source "$(dirname "$0")/lib.bash"
EX="$SRC/examples/s2i2-sdk-2022"

CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
for tool in "$CHROMIUM" "$(command -v pdfinfo || true)" "$(command -v pdftotext || true)"; do
  if [ -z "$tool" ]; then
    echo "FAIL: chromium or poppler-utils (pdfinfo, pdftotext) is not installed; run scripts/setup" >&2
    exit 1
  fi
done

# print_pdf HTML PDF: prints HTML to PDF, the browser's log in PDF.log; a console error fails.
print_pdf() {
  HOME="$TMP" timeout 180 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$TMP")" --enable-logging=stderr --v=0 --no-pdf-header-footer \
    --print-to-pdf="$2" "file://$1" >"$2.log" 2>&1 || fail "chromium failed on $1"
  [ -s "$2" ] || { fail "no PDF of $1"; sed 's/^/  chromium: /' "$2.log" >&2; return 1; }
  if grep -Eq 'Uncaught|CONSOLE|Refused to|Failed to load resource|net::ERR_' "$2.log"; then
    fail "console errors while rendering $1"
    grep -E 'Uncaught|CONSOLE|Refused to|Failed to load resource|net::ERR_' "$2.log" | sed 's/^/  chromium: /' >&2
  fi
}

# check_pdf PDF PAGES: A4, exactly PAGES pages, every word inside the printable area.
check_pdf() {
  pdfinfo "$1" >"$1.info" 2>&1 || { fail "pdfinfo cannot read $1"; return 1; }
  pdftotext -bbox "$1" "$1.bbox.html" 2>/dev/null || { fail "pdftotext cannot read $1"; return 1; }
  python3 - "$1" "$2" "${3:-16}" "${4:-}" <<'PY'
import re, sys
pdf, pages = sys.argv[1], int(sys.argv[2])
margin_mm = float(sys.argv[3]) if len(sys.argv) > 3 else 16
# The request page (the claim's HTML) fills the printable width itself: text may reach its edge
# but not pass it.
edge = len(sys.argv) > 4 and sys.argv[4] == "edge"
info = open(pdf + ".info").read()
problems = []
m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
w, h = (float(m.group(1)), float(m.group(2))) if m else (0, 0)
if abs(w - 595.28) > 3 or abs(h - 841.89) > 3:
    problems.append(f"page size {w} x {h} pt, not A4 (595 x 842)")
n = int(re.search(r"Pages:\s+(\d+)", info).group(1))
if pages and n != pages:
    problems.append(f"{n} pages printed, {pages} expected")
# The pages' @page margin is 16 mm and their content 2 mm narrower on each side: text that Chromium
# cut off at the printable area's edge touches it, text that fits stays 5 pt inside.
margin = margin_mm / 25.4 * 72
slack = 2
words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                   open(pdf + ".bbox.html", encoding="utf-8").read())
if not words:
    problems.append("no text on the pages")
for x0, y0, x1, y1, word in words:
    x0, y0, x1, y1 = map(float, (x0, y0, x1, y1))
    right = w - margin + 1 if edge else w - margin - slack
    if x0 < margin - slack or x1 > right or y1 > h - margin + slack:
        problems.append(f"'{word}' at x {x0:.0f}–{x1:.0f}, y {y0:.0f}–{y1:.0f} pt: cut off at the edge of the "
                        f"printable area ({margin:.0f}–{w - margin:.0f} pt)")
        break
for p in problems:
    print(f"PROBLEM {pdf}: {p}")
sys.exit(1 if problems else 0)
PY
}

expect_exit 0 "$GK" paperwork "$EX" --period 2022-H1 -o "$TMP/pw"
[ -d "$TMP/pw" ] || { fail "no paperwork folder"; finish; }
mkdir -p "$TMP/pdf"
count=0
for page in "$TMP/pw"/*.html; do
  name="$(basename "$page" .html)"
  case "$name" in
    tidrapport-*)  # one page a month with hours: the months of its CSV twin
      pages="$(python3 -c 'import csv,io,sys; print(len({r["Månad"] for r in csv.DictReader(io.StringIO(open(sys.argv[1],encoding="utf-8-sig").read()),delimiter=";")}))' "$TMP/pw/$name.csv")" ;;
    ansokan) pages=0; margin=12 ;;  # the request (the claim's HTML, 12 mm margins): its own length
    index) pages=0 ;;  # a row per file: as long as the folder's list
    *) pages=1 ;;
  esac
  [ "$name" = ansokan ] || margin=16
  print_pdf "$page" "$TMP/pdf/$name.pdf" && check_pdf "$TMP/pdf/$name.pdf" "$pages" "$margin" "$([ "$name" = ansokan ] && echo edge)" || fail "$name.html does not print on A4 as it should"
  count=$((count + 1))
done
[ "$count" = 23 ] || fail "$count printable pages, 23 expected (index, the request, 8 time reports, 8 attestations, 5 in-kind summaries)"
# Landskrona's contact person reported four months of the period: four pages.
grep -q 'Pages: *4$' "$TMP/pdf/tidrapport-kontaktperson-landskrona.pdf.info" || fail "Landskrona's time report is not 4 pages"

# The checks themselves fail: on a page wider than A4's printable area, on a page too many, and on a
# console error.
printf '<!DOCTYPE html><html><head><style>@page { size: A4; margin: 16mm; } body { margin: 0; }</style></head><body><p style="white-space:nowrap">%s</p></body></html>\n' \
  "$(printf 'Belopp %.0s' $(seq 1 40))" >"$TMP/wide.html"
before=$failures
print_pdf "$TMP/wide.html" "$TMP/pdf/wide.pdf" && check_pdf "$TMP/pdf/wide.pdf" 1 >/dev/null && fail "a page too wide for A4 passed"
print_pdf "$TMP/pw/intyg-arbetstid-kontaktperson-malmo.html" "$TMP/pdf/one-again.pdf" && check_pdf "$TMP/pdf/one-again.pdf" 2 >/dev/null &&
  fail "a page count that differs passed"
printf '<!DOCTYPE html><html><body><p>x</p><script>undefined_function()</script></body></html>\n' >"$TMP/error.html"
print_pdf "$TMP/error.html" "$TMP/pdf/error.pdf" 2>/dev/null
[ "$failures" -gt "$before" ] || fail "a console error went unnoticed"
failures=$before
finish
