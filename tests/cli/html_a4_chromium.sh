#!/usr/bin/env bash
# Every HTML document grantkit writes, printed on A4 portrait, in headless Chromium: the report,
# every single report that takes `-f html` (budget in its three groupings and monthly, claim,
# cofinancing, staffing, time per person and month and per person, ledger, indicators) and every
# page of the paperwork folder, for both bundled examples (examples/s2i2-sdk-2022 under
# 2014–2020, examples/kustturism-2024 under 2021–2027), the seed project data/s2i2-sdk and a
# project with long names (activities, financiers, staff ids). tests/cli/html_a4.py lays each page
# out at A4's width less its @page margins under print media and fails, naming the document and
# the table, on a table wider than the page, a cell whose content is wider than the cell, a date,
# id or code (a word of at most 30 characters) broken over two lines, a figure not right-aligned,
# or a console error. Then the checks themselves are shown to fail on such pages.
# Chromium is required (scripts/setup installs it): without it the test fails, it does not skip.
source "$(dirname "$0")/lib.bash"
HERE="$(cd "$(dirname "$0")" && pwd)"
CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$CHROMIUM" ]; then
  echo "FAIL: chromium is not installed; run scripts/setup (Debian package chromium)" >&2
  exit 1
fi
OUT="$TMP/html"
mkdir -p "$OUT"

# html NAME CMD...: runs grantkit CMD into $OUT/NAME.html. Exit 0 or 1 (findings) is fine; the
# page must be written.
html() {
  local name="$1"; shift
  local got=0
  "$GK" "$@" -f html -o "$OUT/$name.html" >"$TMP/out" 2>"$TMP/err" || got=$?
  if [ "$got" -gt 1 ] || [ ! -s "$OUT/$name.html" ]; then
    fail "exit $got, no page: $*"
    sed 's/^/  stderr: /' "$TMP/err" >&2
  fi
}
# every PREFIX DIR PERIOD CLAIM-PERIOD AS-OF: every single report and the report of one project.
every() {
  local p="$1" dir="$2" period="$3" claim="$4" asof="$5"
  html "$p-report" report "$dir" --period "$period"
  html "$p-report-en" report "$dir" --period "$period" --lang en
  html "$p-budget" budget "$dir" --as-of "$asof"
  html "$p-budget-category" budget "$dir" --as-of "$asof" --by category
  html "$p-budget-both-monthly" budget "$dir" --as-of "$asof" --by activity,category --monthly
  html "$p-budget-monthly" budget "$dir" --as-of "$asof" --monthly
  html "$p-claim" claim "$dir" --period "$claim" --as-of "$asof"
  html "$p-cofinancing" cofinancing "$dir" --as-of "$asof"
  html "$p-staffing" staffing "$dir"
  html "$p-time" time "$dir" --as-of "$asof"
  html "$p-time-person" time "$dir" --as-of "$asof" --by person
  html "$p-time-monthly" time "$dir" --as-of "$asof" --by person --monthly
  html "$p-ledger" ledger "$dir"
  html "$p-indicators" indicators "$dir" --as-of "$asof"
}
# paperwork PREFIX DIR PERIOD AS-OF: every printable page of the folder, under PREFIX-.
paperwork() {
  local got=0
  "$GK" paperwork "$2" --period "$3" --as-of "$4" -o "$TMP/pw-$1" >"$TMP/out" 2>"$TMP/err" || got=$?
  [ "$got" -le 1 ] || fail "paperwork $2: exit $got"
  local f
  for f in "$TMP/pw-$1"/*.html; do
    [ -e "$f" ] || { fail "paperwork $2 wrote no page"; return; }
    cp "$f" "$OUT/$1-pw-$(basename "$f")"
  done
}

S2="$SRC/examples/s2i2-sdk-2022"
KT="$SRC/examples/kustturism-2024"
every s2i2 "$S2" 2022-10 2022-H1 2022-11-30
paperwork s2i2 "$S2" 2022-H1 2022-11-30
every kust "$KT" 2025-06 2025-H1 2025-07-31
paperwork kust "$KT" 2025-H1 2025-07-31
every seed "$SRC/data/s2i2-sdk" 2022-10 2022-H1 2022-11-30

# Long names: activities, financiers and staff ids as long as real ones get, and longer.
LONG="$TMP/long"
cp -r "$S2" "$LONG"
python3 - "$LONG" <<'PY'
import re, sys, pathlib
root = pathlib.Path(sys.argv[1])
p = root / "project.yaml"
y = p.read_text(encoding="utf-8")
y = re.sub(r'(  - id: A3\.\d\n    name: ")([^"]*)"',
           lambda m: m.group(1) + m.group(2) + ", med förankring hos samtliga kommuner i Skåne län och "
           "uppföljning av införandet i kommunernas förvaltningar\"", y)
for short, longer in [("Tomelilla kommun", "Tomelilla kommun, kommunstyrelsens förvaltning för samhällsbyggnad"),
                      ("Helsingborgs stad", "Helsingborgs stad, stadsledningsförvaltningen, digitaliseringsavdelningen"),
                      ("Skånes Kommuner", "Skånes Kommuner, kommunförbundet för Skånes 33 kommuner")]:
    y = y.replace(f"name: {short},", f"name: \"{longer}\",")
p.write_text(y, encoding="utf-8")
for f in [root / "staff.yaml", *sorted((root / "time").glob("*.csv"))]:
    t = f.read_text(encoding="utf-8")
    t = t.replace("processledning-region-skane", "processledare-och-processtod-avdelningen-for-digitalisering-region-skane")
    t = t.replace("projektadministrator-skanes-kommuner", "projektadministrator-for-sakerdigitalkommunikation-skaneskommuner")
    f.write_text(t, encoding="utf-8")
PY
grep -q 'uppföljning av införandet' "$LONG/project.yaml" || fail "the long activity names were not written"
grep -q 'processledare-och-processtod-avdelningen' "$LONG/staff.yaml" || fail "the long staff ids were not written"
every long "$LONG" 2022-10 2022-H1 2022-11-30
paperwork long "$LONG" 2022-H1 2022-11-30

count="$(ls "$OUT"/*.html | wc -l)"
[ "$count" -ge 90 ] || fail "$count HTML documents, at least 90 expected"
python3 "$HERE/html_a4.py" "$CHROMIUM" "$TMP/measure" "$OUT"/*.html ||
  fail "HTML documents that do not fit A4 portrait (above)"

# The checks themselves: a table too wide, a date broken over two lines, a figure aligned left,
# each found and named.
mkdir -p "$TMP/bad"
row="$(printf '<td class="num">1 234 567</td>%.0s' $(seq 1 30))"
cat >"$TMP/bad/wide.html" <<EOF
<!DOCTYPE html><html><head><style>@page { size: A4; margin: 14mm 12mm; }</style></head><body>
<h3>Bred tabell</h3><table><tr>$row</tr></table></body></html>
EOF
cat >"$TMP/bad/broken.html" <<'EOF'
<!DOCTYPE html><html><head><style>@page { size: A4; margin: 14mm 12mm; } td { overflow-wrap: anywhere; }</style></head><body>
<h3>Bemanning</h3><table style="width: 30px"><tr><td>2025-04-01</td></tr></table>
<h3>Belopp</h3><table><thead><tr><th>Belopp</th></tr></thead><tr><td style="text-align: left">17 704,10</td></tr></table></body></html>
EOF
python3 "$HERE/html_a4.py" "$CHROMIUM" "$TMP/measure-bad" "$TMP/bad/wide.html" "$TMP/bad/broken.html" >"$TMP/bad.out" &&
  fail "pages that do not fit passed the A4 check"
grep -q "wide.html: OVERFLOW table 1 'Bred tabell'" "$TMP/bad.out" || fail "a table too wide went unnoticed: $(cat "$TMP/bad.out")"
grep -q "broken.html: BROKEN table 1 'Bemanning': '2025-04-01'" "$TMP/bad.out" || fail "a broken date went unnoticed: $(cat "$TMP/bad.out")"
grep -q "broken.html: ALIGN table 2 'Belopp'" "$TMP/bad.out" || fail "a left-aligned figure went unnoticed: $(cat "$TMP/bad.out")"
finish
