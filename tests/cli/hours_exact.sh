#!/usr/bin/env bash
# Hours are summed exactly and rounded once: 100 rows of 0,01 h are 1 h and 100 rows of 0,99 h are
# 99 h in `time` (JSON and CSV) and in `paperwork` (staff cost rows and time reports), and the
# hourly staff cost is priced from those exact hours (the hourly rate, monthly salary × 12 / 1 720
# rounded down to öre, × the exact hours, rounded down to öre once: the cost is the rate the row
# shows times its hours) — figures recomputed here from the rows with exact fractions. Before hours were
# kept in seconds, every row was rounded to a whole minute (1,67 h and 98,33 h).
source "$(dirname "$0")/lib.bash"
P="$TMP/p"
mkdir -p "$P/time"
cat >"$P/project.yaml" <<'YAML'
schema: grantkit/project/1
project: {id: test, name: Testprojekt, owner: Region Test, programme: erdf-2014-2020, currency: SEK}
organisations:
  - {id: region-test, name: Region Test, role: owner}
decision:
  case_id: "0012345"
  date: 2021-04-29
  eligible: {from: 2021-06-01, to: 2023-03-31}
  aid: {rate: 50%, max: 500000}
  rates: {}
  budget:
    total: 1000000
    categories: {personal: 600000, externa_tjanster: 400000}
changes: []
full_time: {from: 2021-06-01, to: 2022-11-30}
activities:
  - {id: A1, name: "Analys", budget: 400000, period: {from: 2021-06-01, to: 2021-12-31}}
  - {id: A2, name: "Utbildning", budget: 600000, period: {from: 2022-01-01, to: 2022-12-31}}
financing:
  - {id: kommunen, name: Testkommun, type: public, cash: 300000, in_kind: 200000, total: 500000}
sources:
  time:
    - {path: "time/*.csv", format: csv}
YAML
cat >"$P/staff.yaml" <<'YAML'
schema: grantkit/staff/1
staff:
  - {id: utredare-a, role: Utredare, organisation: region-test, percent: 10%, basis: hourly,
     period: {from: 2021-06-01, to: 2021-12-31}, funding: cash, monthly_salary: 40000}
  - {id: utredare-b, role: Utredare, organisation: region-test, percent: 10%, basis: hourly,
     period: {from: 2021-06-01, to: 2021-12-31}, funding: cash, monthly_salary: 40000}
YAML
python3 - "$P/time/2021.csv" <<'PY'
import sys
rows = ["person,activity,date,hours"]
rows += ['utredare-a,A1,2021-06-%02d,"0,01"' % (1 + i % 28) for i in range(100)]
rows += ['utredare-b,A1,2021-06-%02d,"0,99"' % (1 + i % 28) for i in range(100)]
open(sys.argv[1], "w").write("\n".join(rows) + "\n")
PY

expect_exit 0 "$GK" time "$P" -p 2021-06 --as-of 2021-12-31 -f json
cp "$TMP/out" "$TMP/time.json"
expect_exit 0 "$GK" time "$P" -p 2021-06 --as-of 2021-12-31 -f csv
cp "$TMP/out" "$TMP/time.csv"
expect_exit 0 "$GK" paperwork "$P" -p 2021-06 --as-of 2021-12-31 -o "$TMP/pw"

python3 - "$P/time/2021.csv" "$TMP/time.json" "$TMP/time.csv" "$TMP/pw" <<'PY' || fail "hours or cost not exact"
import csv, json, sys
from collections import defaultdict
from fractions import Fraction
from pathlib import Path
src, doc, tcsv, pw = sys.argv[1], json.load(open(sys.argv[2])), sys.argv[3], Path(sys.argv[4])
hours = defaultdict(Fraction)
for r in csv.DictReader(open(src, newline="")):
    hours[r["person"]] += Fraction(r["hours"].replace(",", "."))
assert hours == {"utredare-a": 1, "utredare-b": 99}, hours
def two(x):  # a figure as the reports print it: at most two decimals
    return round(Fraction(x) * 100) / 100
rows = {r["person"]: r for r in doc["rows"]}
for person, h in hours.items():
    assert rows[person]["reported_hours"] == two(h), (person, rows[person])
    assert rows[person]["activities"]["A1"] == two(h)
assert doc["total"]["reported_hours"] == two(sum(hours.values()))
for r in csv.DictReader(open(tcsv, newline="")):
    if r["person"] in hours:
        assert Fraction(r["reported_hours"]) == hours[r["person"]], r
# paperwork: staff cost rows, Swedish Excel dialect (BOM, ';', decimal comma)
def kr(text): return Fraction(text.replace(",", "."))
staff = list(csv.DictReader(open(pw / "personalkostnader.csv", encoding="utf-8-sig", newline=""), delimiter=";"))
assert len(staff) == 2, staff
for r in staff:
    h = hours[r["Person (roll)"]]
    assert kr(r["Timmar"]) == h, r
    rate_ore = 40000 * 100 * 12 // 1720
    assert kr(r["Timpris"]) * 100 == rate_ore, r
    cost_ore = (rate_ore * h).__floor__()  # the shown rate × the exact hours, rounded once
    assert kr(r["Kostnad"]) * 100 == cost_ore, (r, cost_ore)
for person, h in hours.items():
    sheet = list(csv.DictReader(open(pw / f"tidrapport-{person}.csv", encoding="utf-8-sig", newline=""), delimiter=";"))
    assert len(sheet) == 100 and sum(kr(l["Timmar"]) for l in sheet) == h, person
PY
grep -q 'Summa arbetad tid i projektet</td><td class="num">99 h<' "$TMP/pw/tidrapport-utredare-b.html" ||
  fail "the time report page does not total 99 h"
grep -q 'Summa arbetad tid i projektet</td><td class="num">1 h<' "$TMP/pw/tidrapport-utredare-a.html" ||
  fail "the time report page does not total 1 h"
finish
