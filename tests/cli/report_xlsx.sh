#!/usr/bin/env bash
# `grantkit report --period 2022-10 -f xlsx` against `-f json`, for both bundled examples: every
# table of every section is a sheet with a title row (project, report, period, as-of) above its
# frozen header row; every number is a numeric cell with a number format (kr, %, h) and equals the
# JSON to the öre; every total that is the sum of its JSON rows is the formula SUM over exactly
# its column's rows, read back from the sheet XML (<f>), its cached value (<v>) the JSON total and
# the sum of the cells above it; the used share is its formula over the totals; hours carry no
# long tail of decimals; sheet names are unique, readable and at most 31 characters. Also a
# single report (`budget`, the format taken from -o's extension, English labels), xlsx to a pipe,
# and no CSV for `report`.
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
# Written in libxlsxwriter's constant_memory mode (rows streamed to disk): no shared-string table,
# every string inline in its sheet.
if "xl/sharedStrings.xml" in wb.raw: bad("a shared-string table: not written in constant_memory mode")
if not any('t="inlineStr"' in wb.sheet_xml(n) for n in names): bad("no inline string in any sheet")
for n in names:
    if len(n) > 31: bad(f"sheet name over 31 characters: {n}")
    if re.search(r"\b(per|mot|och|of|by|versus|against)$", n): bad(f"sheet name cut after a joining word: {n}")
    xml = wb.sheet_xml(n)
    if not re.search(r'<pane [^>]*ySplit="2"[^>]*state="frozen"', xml): bad(f"{n}: title and header rows not frozen")
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
# Every sheet's title row names the project, and the period and as-of date of its section (the
# findings and about sheets: of the whole report).
def check_title(n, doc):
    title = wb.sheet(n).get((0, 0))
    want = [report["project"]["name"], doc["period"]["from"], doc["period"]["to"], doc["as_of"]]
    if title is None or title.kind != "s" or not all(w in title.value for w in want):
        bad(f"{n}: title row {title} lacks one of {want}")
for (sec, *_), n in zip(tables, names): check_title(n, sections[sec])
for n in names[len(tables):]: check_title(n, report)
if "Budget mot utfall per kostnadss" in names or ("budget_category" in sections and "Budget per kostnadsslag" not in names):
    bad(f"the budget per cost category sheet is not named readably: {names}")
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
formulas = 0
for (sec, key, rows, total), name in zip(tables, names):
    cells = wb.sheet(name)
    cols = columns(rows, total)
    for j in range(len(cols)):
        if (1, j) not in cells or cells[(1, j)].kind != "s": bad(f"{name}: no header in column {j}")
    lines = [(i + 2, r) for i, r in enumerate(rows)] + ([(len(rows) + 2, total)] if total else [])
    total_row = len(rows) + 2
    # Formulas: hours cells (`=minutes/60`, `=seconds/3600`) anywhere, and in the totals row.
    for (r, j), c in cells.items():
        if c.formula is None: continue
        if re.fullmatch(r"-?\d+/(60|3600)", c.formula):
            a, b = c.formula.split("/")
            if abs(c.value - Decimal(a) / Decimal(b)) > Decimal("1e-12"): bad(f"{name}: {c.formula} cached {c.value}")
        elif r != total_row or not total:
            bad(f"{name}: formula {c.formula!r} outside the totals row at row {r + 1}")
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
                    if row_no < len(rows) + 2: money_sum[j] = money_sum.get(j, 0) + ore
                    else: money_total[j] = ore
                elif "%" in c.fmt:
                    if (c.value * 100).quantize(Decimal("0.0001"), ROUND_HALF_UP) != Decimal(v):
                        bad(f"{where}: {c.value} × 100 != {v}")
                elif '"h"' in c.fmt:
                    if c.value.quantize(Decimal("0.01"), ROUND_HALF_UP) != Decimal(v): bad(f"{where}: {c.value} h != {v}")
                    if c.formula is None and c.value != c.value.quantize(Decimal("0.01")):
                        bad(f"{where}: hours {c.value} as a long decimal")
                elif c.fmt == "#,##0":
                    if c.value != Decimal(v): bad(f"{where}: {c.value} != {v}")
                else:
                    bad(f"{where}: number without a known format: {c}")
            elif isinstance(v, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", v):
                if c.kind != "d" or excel_date(c.value) != v: bad(f"{where}: date {c} != {v}")
            elif isinstance(v, (str, list)):
                if c.kind != "s": bad(f"{where}: text {v!r} is not a string cell: {c}")
                # Free text round-trips through the inline strings of constant_memory mode.
                elif k in ("text", "voucher", "account_name", "supplier", "reason", "message") and c.value != v:
                    bad(f"{where}: text {c.value!r} != {v!r}")
    # Money columns add up to their totals row (and so, by the checks above, to the JSON total).
    for j, t in money_total.items():
        if money_sum.get(j, 0) != t:
            bad(f"{name}: column {cols[j][0]}: rows sum to {money_sum.get(j, 0)} öre, total {t} öre")
    # The totals row's formulas: a total that is the sum of its JSON rows is =SUM over exactly its
    # column's data rows, and its cached value (already compared with the JSON above) is what the
    # formula computes from the cells.
    if total:
        for j, (k, label) in enumerate(cols):
            tv = total.get(k)
            if label is not None: tv = (tv or {}).get(label)
            if not isinstance(tv, (int, Decimal)) or isinstance(tv, bool): continue
            c = cells.get((total_row, j))
            where = f"{name}!total.{k}{'.' + label if label else ''}"
            vals = []
            for r in rows:
                x = r.get(k)
                if label is not None: x = (x or {}).get(label)
                vals.append(x)
            sums = rows and all(x is None or isinstance(x, (int, Decimal)) for x in vals) and \
                sum(Decimal(x) for x in vals if x is not None) == Decimal(tv)
            if k.endswith("_pct") and k != "used_pct": sums = False
            if sums:
                col = chr(ord("A") + j)
                want = f"SUM({col}3:{col}{len(rows) + 2})"
                if c.formula != want: bad(f"{where}: {c.formula!r}, want {want!r}"); continue
                above = sum(cells[(r, j)].value for r in range(2, total_row) if (r, j) in cells)
                if abs(above - c.value) > Decimal("0.000001"): bad(f"{where}: cached {c.value}, cells sum to {above}")
                formulas += 1
            elif k == "used_pct":
                m = re.fullmatch(r"\(([A-Z])(\d+)-([A-Z])(\d+)\)/([A-Z])(\d+)", c.formula or "")
                if not m: bad(f"{where}: used share is not (budget-remaining)/budget: {c.formula!r}"); continue
                get = lambda letter, num: cells[(int(num) - 1, ord(letter) - 65)].value
                share = (get(m[1], m[2]) - get(m[3], m[4])) / get(m[5], m[6])
                if abs(share - c.value) > Decimal("0.000001"): bad(f"{where}: formula gives {share}, cached {c.value}")
                formulas += 1
    print(f"{name}: {len(rows)} rows, {len(money_cols)} money columns")

# The summary's key figures and the budget totals, to the öre.
if "sections" in report:
    b = report["sections"]["budget_category"]["total"]
    fig = {r["measure"]: r["value"] for r in report["sections"]["summary"]["key_figures"]}
    for k in ("budget", "outcome_to_date", "remaining"):
        if fig[k] != b[k]: bad(f"key figure {k} {fig[k]} != budget total {b[k]}")
print(f"{checked} numeric cells compared, {formulas} totals formulas checked")
for p in problems: print("PROBLEM:", p)
sys.exit(1 if problems or checked == 0 or formulas == 0 else 0)
PY
}
check_xlsx "$TMP/report.json" "$TMP/report.xlsx" || fail "report.xlsx differs from report.json"
EX24="$SRC/examples/kustturism-2024"
expect_exit 0 "$GK" report "$EX24" --period 2024-06 -f json
cp "$TMP/out" "$TMP/report24.json"
expect_exit 0 "$GK" report "$EX24" --period 2024-06 -f xlsx -o "$TMP/report24.xlsx"
check_xlsx "$TMP/report24.json" "$TMP/report24.xlsx" || fail "kustturism report.xlsx differs from its JSON"

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
assert cells[(1, 1)].value == "Approved", cells[(1, 1)]
assert cells[(2, 1)].fmt == '#,##0.00\\ "SEK"', cells[(2, 1)]
assert "Budget versus outcome" in cells[(0, 0)].value and "as of 2022-11-30" in cells[(0, 0)].value, cells[(0, 0)]
PY
# To a pipe: the same bytes as a file.
"$GK" budget "$EX" --as-of 2022-11-30 -f xlsx 2>/dev/null >"$TMP/piped.xlsx" || fail "xlsx to a pipe"
python3 -c 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).testzip()' "$TMP/piped.xlsx" || fail "piped xlsx is not a zip"
# CSV prints one table: budget_activity unless --table names another; an unknown name lists them.
expect_exit 0 "$GK" report "$EX" --period 2022-10 -f csv
head -1 "$TMP/out" | grep -q '^activity,budget,outcome_period,' || fail "report CSV default: $(head -1 "$TMP/out")"
expect_exit 0 "$GK" report "$EX" --period 2022-10 -f csv --table claim.transactions
head -1 "$TMP/out" | grep -q '^date,late_from,voucher,account,text,category,activity,amount$' || fail "claim.transactions: $(head -1 "$TMP/out")"
expect_exit 2 "$GK" report "$EX" --period 2022-10 -f csv --table nosuch --lang en
expect_stderr "no table 'nosuch'.*budget_activity.*claim.transactions"
expect_exit 2 "$GK" report "$EX" --period 2022-10 -f json --table transactions
finish
