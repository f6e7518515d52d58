#!/usr/bin/env bash
# `grantkit budget examples/s2i2-sdk-2022 --as-of 2022-11-30 -f json`: each activity's outcome to
# date equals, to the öre, the sum of its eligible ledger rows, recomputed here from the files.
source "$(dirname "$0")/lib.bash"
EX="$SRC/examples/s2i2-sdk-2022"

expect_exit 0 "$GK" budget "$EX" --as-of 2022-11-30 --format json
cp "$TMP/out" "$TMP/budget.json"
cp "$TMP/err" "$TMP/budget.err"
python3 - "$EX" "$TMP/budget.json" <<'PY' || fail "outcome per activity differs from the ledger"
import csv, json, sys, pathlib, re
from decimal import Decimal
ex, report = pathlib.Path(sys.argv[1]), json.load(open(sys.argv[2]))
acts = {"A3.1": 210000, "A3.2": 700000, "A3.3": 1300000, "A3.4": 385000, "A3.5": 350000}
sums = {a: Decimal(0) for a in acts}
def rows(path, delim, dec, cols):
    text = path.read_text(encoding="utf-8-sig")
    for r in csv.DictReader(text.splitlines(), delimiter=delim):
        yield {k: r[v] for k, v in cols.items()}
canon = {k: k for k in ["date", "amount", "category", "activity"]}
sv = {"date": "Bokföringsdatum", "amount": "Belopp", "category": "Kostnadsslag", "activity": "Aktivitet"}
sources = [(ex / "ledger/region-skane.csv", ",", ".", canon), (ex / "ledger/skanes-kommuner.csv", ";", ",", sv)]
for path, delim, dec, cols in sources:
    for r in rows(path, delim, dec, cols):
        if r["category"] == "financing": continue
        if not ("2021-06-01" <= r["date"] <= "2022-11-30"): continue
        if r["activity"] not in acts: continue
        amount = r["amount"].replace(" ", "").replace(",", ".") if dec == "," else r["amount"]
        sums[r["activity"]] += Decimal(amount)
got = {row["activity"]: row for row in report["rows"]}
ok = True
for a, budget in acts.items():
    if Decimal(str(got[a]["outcome_to_date"])) != sums[a] or got[a]["budget"] != budget:
        print(a, got[a]["outcome_to_date"], sums[a], got[a]["budget"], budget); ok = False
if Decimal(str(report["total"]["outcome_to_date"])) != sum(sums.values()):
    print("total", report["total"]["outcome_to_date"], sum(sums.values())); ok = False
assert report["schema"] == "grantkit/budget/1" and report["currency"] == "SEK"
assert report["as_of"] == "2022-11-30" and report["period"] == {"from": "2022-11-01", "to": "2022-11-30"}
rules = sorted(d["rule"] for d in report["diagnostics"] if d["rule"].startswith("ledger."))
if rules != ["ledger.outside-eligible-period", "ledger.unknown-activity"]:
    print("excluded rows:", rules); ok = False
sys.exit(0 if ok else 1)
PY
grep -q 'region-skane.csv:[0-9]*: warning: .*\[ledger.outside-eligible-period\]' "$TMP/budget.err" || fail "no ledger.outside-eligible-period on stderr"
grep -q 'skanes-kommuner.csv:[0-9]*: warning: .*\[ledger.unknown-activity\]' "$TMP/budget.err" || fail "no ledger.unknown-activity on stderr"

# The other formats and groupings run and agree on the total.
expect_exit 0 "$GK" budget "$EX" --as-of 2022-11-30 --format csv --by category
head -1 "$TMP/out" | grep -q '^category,budget,outcome_period,outcome_to_date,remaining,used_pct,elapsed_pct,planned_to_date,variance,flags$' || fail "csv header"
expect_exit 0 "$GK" budget "$EX" --as-of 2022-11-30 --format table --lang en
grep -q 'Outcome to date' "$TMP/out" || fail "English table"
expect_exit 0 "$GK" budget "$EX" --as-of 2022-11-30 --format table
grep -q 'Utfall ackumulerat' "$TMP/out" || fail "Swedish table"
grep -q '1 524 801,55' "$TMP/out" || fail "Swedish number style in the table"
expect_exit 0 "$GK" budget "$EX" --as-of 2022-11-30 --period 2022-Q3 --monthly --format json
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert [m["month"] for m in r["rows"][0]["months"]]==["2022-07","2022-08","2022-09"]' "$TMP/out" || fail "--monthly months"
expect_exit 0 "$GK" budget "$EX" --as-of 2022-11-30 --by activity,category --format csv
finish
