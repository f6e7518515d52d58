#!/usr/bin/env bash
# `grantkit budget examples/s2i2-sdk-2022 --as-of 2022-11-30 -f json`, recomputed here from the files:
# per activity and booked category the outcome to date is the sum of the eligible ledger rows to the
# öre; the payroll overhead is 45,24 % of all personnel costs, rounded down once; in-kind time is
# 20 % × 30 000 kr a month for five contact persons over 15 months, plus 45,24 %.
source "$(dirname "$0")/lib.bash"
EX="$SRC/examples/s2i2-sdk-2022"

for by in activity category activity,category; do
  expect_exit 0 "$GK" budget "$EX" --as-of 2022-11-30 --format json --by "$by"
  cp "$TMP/out" "$TMP/budget-$by.json"
  cp "$TMP/err" "$TMP/budget.err"
done
python3 - "$EX" "$TMP" <<'PY' || fail "the budget differs from the figures recomputed from the files"
import csv, json, sys, pathlib
from decimal import Decimal, ROUND_FLOOR
ex, tmp = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
by_act, by_cat, by_both = (json.load(open(tmp / f"budget-{b}.json")) for b in ("activity", "category", "activity,category"))
acts = {"A3.1": 210000, "A3.2": 700000, "A3.3": 1300000, "A3.4": 385000, "A3.5": 350000}
booked = {}  # (activity, category) -> Decimal
def rows(path, delim, cols, encoding):
    for r in csv.DictReader(path.read_text(encoding=encoding).splitlines(), delimiter=delim):
        yield {k: r[v] for k, v in cols.items()}
canon = {k: k for k in ["date", "amount", "category", "activity"]}
sv = {"date": "Bokföringsdatum", "amount": "Belopp", "category": "Kostnadsslag", "activity": "Aktivitet"}
# Region Skåne's ledger is read from its SIE export (ledger/region-skane.se); ledger-csv/ holds the
# same rows as a CSV, summed here. Skånes Kommuner's CSV is Windows-1252 with decimal commas.
for path, delim, cols, encoding, comma in [(ex / "ledger-csv/region-skane.csv", ",", canon, "utf-8", False),
                                           (ex / "ledger/skanes-kommuner.csv", ";", sv, "cp1252", True)]:
    for r in rows(path, delim, cols, encoding):
        if r["category"] == "financing" or not ("2021-06-01" <= r["date"] <= "2022-11-30") or r["activity"] not in acts:
            continue
        amount = r["amount"].replace(" ", "").replace("\u00a0", "").replace(",", ".") if comma else r["amount"]
        key = (r["activity"], r["category"])
        booked[key] = booked.get(key, Decimal(0)) + Decimal(amount)
ok = True
def check(what, got, want):
    global ok
    if Decimal(str(got)) != want:
        print(f"{what}: grantkit {got}, recomputed {want}"); ok = False
both = {(r["activity"], r["category"]): r for r in by_both["rows"]}
for key, want in booked.items():
    check(f"{key}", both[key]["outcome_to_date"], want)
personal = sum(v for (a, c), v in booked.items() if c == "personal")
floor = lambda d: d.quantize(Decimal("0.01"), rounding=ROUND_FLOOR)
cats = {r["category"]: r for r in by_cat["rows"]}
check("payroll overhead", cats["schablonkostnader"]["outcome_to_date"], floor(personal * Decimal("0.4524")))
in_kind = 5 * 15 * Decimal(6000)
check("in kind", cats["offentligt_bidrag_i_annat_an_pengar"]["outcome_to_date"], in_kind + floor(in_kind * Decimal("0.4524")))
for row in by_act["rows"]:
    a = row["activity"]
    check(f"{a} booked", sum(Decimal(str(r["outcome_to_date"])) for k, r in both.items()
                             if k[0] == a and k[1] not in ("schablonkostnader", "offentligt_bidrag_i_annat_an_pengar")),
          sum(v for (x, c), v in booked.items() if x == a))
    check(f"{a} all", row["outcome_to_date"], sum(Decimal(str(r["outcome_to_date"])) for k, r in both.items() if k[0] == a))
    if row["budget"] != acts[a]: print(a, "budget", row["budget"]); ok = False
for report in (by_act, by_cat, by_both):
    for col in ("outcome_to_date", "outcome_period", "remaining", "planned_to_date", "variance"):
        if report["total"][col] is None:  # no row has a budget (activity,category without a split)
            if any(r[col] is not None for r in report["rows"]): print(col, "total missing"); ok = False
            continue
        check(f"{report['rows'][0].keys()} {col} adds up", report["total"][col],
              sum(Decimal(str(r[col])) for r in report["rows"] if r[col] is not None))
assert by_act["schema"] == "grantkit/budget/1" and by_act["currency"] == "SEK"
assert by_act["as_of"] == "2022-11-30" and by_act["period"] == {"from": "2022-11-01", "to": "2022-11-30"}
rules = sorted(d["rule"] for d in by_act["diagnostics"] if d["rule"].startswith("ledger.") and d["severity"] != "info")
if rules != ["ledger.outside-eligible-period", "ledger.unknown-activity"]:
    print("excluded rows:", rules); ok = False
sys.exit(0 if ok else 1)
PY
grep -q 'region-skane.se:[0-9]*:[0-9]*: warning: .*\[ledger.outside-eligible-period\]' "$TMP/budget.err" || fail "no ledger.outside-eligible-period on stderr"
grep -q 'skanes-kommuner.csv:[0-9]*:[0-9]*: warning: .*\[ledger.unknown-activity\]' "$TMP/budget.err" || fail "no ledger.unknown-activity on stderr"

# The other formats and groupings run and agree on the total.
expect_exit 0 "$GK" budget "$EX" --as-of 2022-11-30 --format csv --by category
head -1 "$TMP/out" | grep -q '^category,budget,outcome_period,outcome_to_date,remaining,used_pct,elapsed_pct,planned_to_date,variance,flags$' || fail "csv header"
expect_exit 0 "$GK" budget "$EX" --as-of 2022-11-30 --format table --lang en
grep -q 'Cumulative' "$TMP/out" || fail "English table"
expect_exit 0 "$GK" budget "$EX" --as-of 2022-11-30 --format table
grep -q 'Godkänt.*Denna period.*Ackumulerat.*Återstår' "$TMP/out" || fail "Swedish table (Tillväxtverket's labels)"
grep -Eq '[0-9] [0-9]{3} [0-9]{3},[0-9]{2}' "$TMP/out" || fail "Swedish number style in the table"
expect_exit 0 "$GK" budget "$EX" --as-of 2022-11-30 --period 2022-Q3 --monthly --format json
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert [m["month"] for m in r["rows"][0]["months"]]==["2022-07","2022-08","2022-09"]' "$TMP/out" || fail "--monthly months"
expect_exit 0 "$GK" budget "$EX" --as-of 2022-11-30 --by activity,category --format csv
finish
