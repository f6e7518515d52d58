#!/usr/bin/env bash
# `grantkit report --period 2022-10 -f xlsx` against `-f json`: every table of every section is a
# sheet; every number is a numeric cell with a number format (kr, %, h) and equals the JSON to the
# öre; money columns add up to their totals row, which is a value, never a formula; headers are
# frozen; sheet names are unique and at most 31 characters. Also a single report (`budget`, the
# format taken from -o's extension, English labels), xlsx to a pipe, and no CSV for `report`.
source "$(dirname "$0")/lib.bash"
EX="$SRC/examples/s2i2-sdk-2022"

expect_exit 0 "$GK" report "$EX" --period 2022-10 -f json
cp "$TMP/out" "$TMP/report.json"
expect_exit 0 "$GK" report "$EX" --period 2022-10 -f xlsx -o "$TMP/report.xlsx"
[ -s "$TMP/report.xlsx" ] || fail "no report.xlsx"
[ ! -s "$TMP/out" ] || fail "xlsx with -o printed to stdout"

check_xlsx() {
python3 - "$(dirname "$0")" "$1" "$2" <<'PY'
import datetime, json, re, sys
from decimal import Decimal, ROUND_HALF_UP
sys.path.insert(0, sys.argv[1])
from xlsx import Workbook

report = json.load(open(sys.argv[2]), parse_float=Decimal)
wb = Workbook(sys.argv[3])
problems = []
def bad(msg):
    problems.append(msg)

names = wb.names()
if len({n.lower() for n in names}) != len(names): bad(f"sheet names not unique: {names}")
for n in names:
    if len(n) > 31: bad(f"sheet name over 31 characters: {n}")
    xml = wb.sheet_xml(n)
    if "<f>" in xml or "<f " in xml: bad(f"{n}: a formula")
    if not re.search(r'<pane [^>]*ySplit="1"[^>]*state="frozen"', xml): bad(f"{n}: header row not frozen")
    if "<col " not in xml: bad(f"{n}: no column widths")

# The tables, in the order the sections and their tables come in the JSON.
sections = report["sections"] if "sections" in report else {report["schema"]: report}
tables = []
for sec_key, sec in sections.items():
    for k, v in sec.items():
        if k == "diagnostics" or not isinstance(v, list): continue
        tables.append((sec_key, k, v, sec.get("total" if k == "rows" else k + "_total")))
    # The aid object is shown to readers as the section's last sheet: one row per item.
    if isinstance(sec.get("aid"), dict):
        tables.append((sec_key, "aid", [{"item": k, "value": v} for k, v in sec["aid"].items()], None))
if len(names) != len(tables) + 2:
    bad(f"{len(names)} sheets for {len(tables)} tables (+ findings and about): {names}")

def columns(rows, total):
    keys = list((rows[0] if rows else total or {}).keys())
    out = []
    for k in keys:
        samples = [r[k] for r in rows] + ([total[k]] if total else [])
        if any(isinstance(s, dict) for s in samples):
            labels = []
            for s in samples:
                for l in (s or {}):
                    if l not in labels: labels.append(l)
            out += [(k, l) for l in labels]
        else:
            out.append((k, None))
    return out

def excel_date(serial):
    return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(serial))).isoformat()

checked = 0
for (sec, key, rows, total), name in zip(tables, names):
    cells = wb.sheet(name)
    cols = columns(rows, total)
    for j in range(len(cols)):
        if (0, j) not in cells or cells[(0, j)].kind != "s": bad(f"{name}: no header in column {j}")
    lines = [(i + 1, r) for i, r in enumerate(rows)] + ([(len(rows) + 1, total)] if total else [])
    money_sum, money_total, money_cols = {}, {}, set()
    for row_no, r in lines:
        for j, (k, label) in enumerate(cols):
            v = r.get(k)
            if label is not None: v = (v or {}).get(label)
            c = cells.get((row_no, j))
            where = f"{name}!{key}[{row_no}].{k}{'.' + label if label else ''}"
            if v is None or v == [] or v == "":
                if c is not None and c.value not in ("", None): bad(f"{where}: {c} for null")
                continue
            if c is None:
                bad(f"{where}: missing cell for {v!r}"); continue
            if isinstance(v, (int, Decimal)) and not isinstance(v, bool):
                checked += 1
                if c.kind != "n": bad(f"{where}: not a numeric cell: {c}"); continue
                if "kr" in c.fmt or "SEK" in c.fmt:
                    # The cell is a double (the file format's); to the öre it is exact.
                    ore = int((c.value * 100).quantize(Decimal(1), ROUND_HALF_UP))
                    if not c.fmt.startswith("#,##0.00"): bad(f"{where}: money format {c.fmt}")
                    if abs(c.value * 100 - ore) > Decimal("0.000001"): bad(f"{where}: {c.value} is not whole öre")
                    if ore != int(Decimal(v) * 100): bad(f"{where}: {c.value} != {v}")
                    money_cols.add(j)
                    if row_no <= len(rows): money_sum[j] = money_sum.get(j, 0) + ore
                    else: money_total[j] = ore
                elif "%" in c.fmt:
                    if (c.value * 100).quantize(Decimal("0.0001"), ROUND_HALF_UP) != Decimal(v):
                        bad(f"{where}: {c.value} × 100 != {v}")
                elif '"h"' in c.fmt:
                    if c.value.quantize(Decimal("0.01"), ROUND_HALF_UP) != Decimal(v): bad(f"{where}: {c.value} h != {v}")
                elif c.fmt == "#,##0":
                    if c.value != Decimal(v): bad(f"{where}: {c.value} != {v}")
                else:
                    bad(f"{where}: number without a known format: {c}")
            elif isinstance(v, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", v):
                if c.kind != "d" or excel_date(c.value) != v: bad(f"{where}: date {c} != {v}")
            elif isinstance(v, (str, list)):
                if c.kind != "s": bad(f"{where}: text {v!r} is not a string cell: {c}")
    # Money columns add up to their totals row (and so, by the checks above, to the JSON total).
    for j, t in money_total.items():
        if money_sum.get(j, 0) != t:
            bad(f"{name}: column {cols[j][0]}: rows sum to {money_sum.get(j, 0)} öre, total {t} öre")
    print(f"{name}: {len(rows)} rows, {len(money_cols)} money columns")

# The summary's key figures and the budget totals, to the öre.
if "sections" in report:
    b = report["sections"]["budget_category"]["total"]
    fig = {r["measure"]: r["value"] for r in report["sections"]["summary"]["key_figures"]}
    for k in ("budget", "outcome_to_date", "remaining"):
        if fig[k] != b[k]: bad(f"key figure {k} {fig[k]} != budget total {b[k]}")
print(f"{checked} numeric cells compared")
for p in problems: print("PROBLEM:", p)
sys.exit(1 if problems or checked == 0 else 0)
PY
}
check_xlsx "$TMP/report.json" "$TMP/report.xlsx" || fail "report.xlsx differs from report.json"

# A single report: -f inferred from -o's extension; English labels.
expect_exit 0 "$GK" budget "$EX" --as-of 2022-11-30 --by category --format json
cp "$TMP/out" "$TMP/budget.json"
expect_exit 0 "$GK" budget "$EX" --as-of 2022-11-30 --by category --lang en -o "$TMP/budget.xlsx"
check_xlsx "$TMP/budget.json" "$TMP/budget.xlsx" || fail "budget.xlsx differs from budget.json"
python3 - "$(dirname "$0")" "$TMP/budget.xlsx" <<'PY' || fail "English budget.xlsx"
import sys
sys.path.insert(0, sys.argv[1])
from xlsx import Workbook
wb = Workbook(sys.argv[2])
assert wb.names() == ["Budget versus outcome", "Findings", "About"], wb.names()
cells = wb.sheet("Budget versus outcome")
assert cells[(0, 1)].value == "Approved", cells[(0, 1)]
assert cells[(1, 1)].fmt == '#,##0.00\\ "SEK"', cells[(1, 1)]
PY
# To a pipe: the same bytes as a file.
"$GK" budget "$EX" --as-of 2022-11-30 -f xlsx 2>/dev/null >"$TMP/piped.xlsx" || fail "xlsx to a pipe"
python3 -c 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).testzip()' "$TMP/piped.xlsx" || fail "piped xlsx is not a zip"
# CSV prints one table: budget_activity unless --table names another; an unknown name lists them.
expect_exit 0 "$GK" report "$EX" --period 2022-10 -f csv
head -1 "$TMP/out" | grep -q '^activity,budget,outcome_period,' || fail "report CSV default: $(head -1 "$TMP/out")"
expect_exit 0 "$GK" report "$EX" --period 2022-10 -f csv --table claim.transactions
head -1 "$TMP/out" | grep -q '^date,voucher,account,text,category,activity,amount$' || fail "claim.transactions: $(head -1 "$TMP/out")"
expect_exit 2 "$GK" report "$EX" --period 2022-10 -f csv --table nosuch
expect_stderr "no table 'nosuch'.*budget_activity.*claim.transactions"
expect_exit 2 "$GK" report "$EX" --period 2022-10 -f json --table transactions
finish
