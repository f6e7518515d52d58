#!/usr/bin/env bash
# A ledger text that a spreadsheet would take for a formula (`=HYPERLINK("x")`, `@SUM(1)`) comes
# out of XLSX as a string cell (never a formula) with the text format `@`, and out of CSV
# prefixed with ' (CLI.md "CSV injection"); a text with HTML in it comes out of HTML escaped.
source "$(dirname "$0")/lib.bash"
# A project of its own (from `init`'s template) with a ledger that carries the texts.
expect_exit 0 "$GK" init "$TMP/ex"
cat >"$TMP/ex/ledger/ledger.csv" <<'CSV'
date,voucher,account,account_name,amount,text,category,activity
2023-05-10,V1,7399,"=HYPERLINK(""x"")",1000,"=HYPERLINK(""x"")",externa_tjanster,A1
2023-05-12,@SUM(1),6550,Konsulttjänster,500,<script>alert(1)</script> <b>AB</b>,externa_tjanster,A1
CSV

expect_exit 0 "$GK" report "$TMP/ex" --period 2023-05 -o "$TMP/r.xlsx"
python3 - "$(dirname "$0")" "$TMP/r.xlsx" <<'PY' || fail "XLSX: formula-like text"
import re, sys
sys.path.insert(0, sys.argv[1])
from xlsx import Workbook
wb = Workbook(sys.argv[2])
found = {}
for name in wb.names():
    # The only formulas are grantkit's own: totals (SUM over a column, the used share) and hours.
    for (r, c), cell in wb.sheet(name).items():
        if cell.formula is not None:
            assert re.fullmatch(r"SUM\([A-Z]+\d+:[A-Z]+\d+\)|\([A-Z]+\d+-[A-Z]+\d+\)/[A-Z]+\d+|-?\d+/(60|3600)",
                                cell.formula), f"{name}: formula {cell.formula!r}"
    for (r, c), cell in wb.sheet(name).items():
        if cell.kind == "s" and cell.value in ('=HYPERLINK("x")', "@SUM(1)"):
            assert cell.fmt == "@", f"{name}: {cell} lacks the text format"
            found[cell.value] = found.get(cell.value, 0) + 1
assert found.get('=HYPERLINK("x")', 0) >= 1 and found.get("@SUM(1)", 0) >= 1, found
print("string cells:", found)
PY

# CSV: `ledger` lists accounts with their names; the name is prefixed with ' (and quoted).
expect_exit 0 "$GK" ledger "$TMP/ex" -f csv
grep -q ',"'"'"'=HYPERLINK(""x"")",' "$TMP/out" || fail "CSV: the formula-like account name is not prefixed with '"
grep -q ',=HYPERLINK' "$TMP/out" && fail "CSV: a bare formula"
expect_exit 0 "$GK" ledger "$TMP/ex" -f csv --csv-dialect excel-sv
grep -q ';"'"'"'=HYPERLINK(""x"")";' "$TMP/out" || fail "CSV excel-sv: the formula-like account name is not prefixed with '"

expect_exit 0 "$GK" report "$TMP/ex" --period 2023-05 -f html -o "$TMP/r.html"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$TMP/r.html" || fail "HTML: the ledger text is not escaped"
grep -q '<script' "$TMP/r.html" && fail "HTML: a script element from a ledger text"
grep -q '&lt;b&gt;AB&lt;/b&gt;' "$TMP/r.html" || fail "HTML: markup in a ledger text is not escaped"

expect_exit 0 "$GK" report "$TMP/ex" --period 2023-05 -f md
grep -q '=HYPERLINK("x")' "$TMP/out" || fail "Markdown shows the text as it is"
finish
