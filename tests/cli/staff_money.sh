#!/usr/bin/env bash
# A small project of two organisations under erdf-2014-2020 (booked salaries): a project manager
# at the owner on a fixed share, a developer at the partner paid by the hour, both cash-funded,
# salaries booked per person. Checks, with every expected figure computed here from the inputs:
# - staff.plan-over-budget: the staffing plan's salaries over the budget for `personal` (fires;
#   silent once the budget holds them);
# - staff.salary-mismatch: a month's booked salary 53 600 kr against 52 000 kr × 100 % (fires at
#   its ledger line; silent within the rule set's 2 %, and for the hourly developer);
# - the time rules on the rule's basis: 149 h in a month is no over-full-time, July's semester
#   is no deviation, three months running 15 % off are one.
source "$(dirname "$0")/lib.bash"
P="$TMP/p"
mkdir -p "$P/ledger" "$P/time"
cat >"$P/project.yaml" <<'YAML'
schema: grantkit/project/1
project: {id: tva-org, name: "Två organisationer", owner: Kommunen, programme: erdf-2014-2020, currency: SEK}
organisations:
  - {id: kommunen, name: Kommunen, role: owner}
  - {id: bolaget, name: Bolaget AB, role: partner}
decision:
  case_id: "20221234"
  date: 2021-12-15
  eligible: {from: 2022-01-01, to: 2022-12-31}
  aid: {rate: 50%, max: 600000}
  rates: {}
  budget:
    total: 1200000
    categories: {personal: 700000, schablonkostnader: 316680, externa_tjanster: 183320}
changes: []
full_time:
  from: 2022-01-01
  to: 2022-12-31
  definition: "Med heltid avses 1 720 timmar per år"
activities:
  - {id: A1, name: "Projektledning", budget: 700000, period: {from: 2022-01-01, to: 2022-12-31}}
  - {id: A2, name: "Utveckling", budget: 500000, period: {from: 2022-01-01, to: 2022-12-31}}
financing:
  - {id: kommunen, name: Kommunen, type: public, cash: 400000, in_kind: 0, total: 400000}
  - {id: bolaget, name: Bolaget AB, type: private, cash: 200000, in_kind: 0, total: 200000}
sources:
  ledger:
    - {path: "ledger/*.csv", format: csv}
  time:
    - {path: "time/*.csv", format: csv}
YAML
cat >"$P/staff.yaml" <<'YAML'
schema: grantkit/staff/1
staff:
  - id: projektledare-kommunen
    role: Projektledare
    organisation: kommunen
    percent: 100%
    basis: fixed_percent
    funding: cash
    monthly_salary: 52000
    activities: {A1: 100%}
  - id: utvecklare-bolaget
    role: Utvecklare
    organisation: bolaget
    percent: 25%
    basis: hourly
    funding: cash
    monthly_salary: 40000
    activities: {A2: 100%}
YAML
# Salaries: the manager 52 000 kr every month but March (53 600 kr); the developer 10 000 kr.
python3 - "$P" <<'PY'
import sys
p = sys.argv[1]
with open(f"{p}/ledger/lon.csv", "w") as f:
    f.write("date,voucher,account,text,amount,category,activity,person\n")
    for m in range(1, 13):
        f.write(f"2022-{m:02d}-25,L{m:02d}1,7210,Lön,{53600 if m == 3 else 52000},personal,A1,projektledare-kommunen\n")
        f.write(f"2022-{m:02d}-25,L{m:02d}2,7210,Lön,10000,personal,A2,utvecklare-bolaget\n")
# Time: the manager 143 h 20 min a month (1 720 h / 12), 149 h in May and 137 h 40 min in June,
# 40 h in July (semester) made up in August; 15 % above plan in September–November and 15 %
# below in December: the year 3 × 21 h 30 min − 21 h 30 min = 43 h above 1 720 h, passed in
# December (by November 1 641 h 10 min).
with open(f"{p}/time/tid.csv", "w") as f:
    f.write("person,activity,month,hours\n")
    plan = 8600  # minutes
    mins = {m: plan for m in range(1, 13)}
    mins[5], mins[6], mins[7] = 149 * 60, plan - (149 * 60 - plan), 40 * 60
    mins[8] = plan + (plan - 40 * 60)  # July's hours made up in August: 246 h 40 min, 72 % above
    for m in (9, 10, 11): mins[m] = plan * 115 // 100
    mins[12] = plan * 85 // 100
    for m in range(1, 13):
        f.write(f"projektledare-kommunen,A1,2022-{m:02d},{mins[m] // 60}:{mins[m] % 60:02d}\n")
        f.write(f"utvecklare-bolaget,A2,2022-{m:02d},36\n")
PY

expect_exit 0 "$GK" validate "$P" --as-of 2022-12-31 -f json --lang en
python3 - "$TMP/out" <<'PY' || fail "validate of the made-up project"
import json, sys
doc = json.load(open(sys.argv[1]))
diags = doc["diagnostics"]
def of(rule): return [d for d in diags if d["rule"] == rule]
# Plan: the manager 52 000 × 12 = 624 000; the developer 25 % of 1 720 h = 430 h × 40 000 × 12 /
# 1 720 = 120 000; 744 000 kr against personal 700 000 kr: 44 000 kr over.
plan = 52000 * 12 + 430 * 40000 * 12 // 1720
assert plan == 744000
[d] = of("staff.plan-over-budget")
assert d["severity"] == "warning" and d["file"].endswith("project.yaml") and d["line"] == 14, d
assert "744,000 kr" in d["message"] and "700,000 kr" in d["message"] and "44,000 kr" in d["message"], d["message"]
# with the payroll overhead 45,24 %: 744 000 × 1,4524 = 1 080 585,60 against 1 016 680
assert "payroll_overhead 45.24 %" in d["message"] and "1,080,585.60 kr against 1,016,680 kr" in d["message"], d["message"]
# Salary: March 53 600 against 52 000 × 100 %: 3,08 % apart, above 2 %; line 6 of lon.csv.
[s] = of("staff.salary-mismatch")
assert s["file"].endswith("ledger/lon.csv") and s["line"] == 6, s
assert s["message"].startswith("projektledare-kommunen, 2022-03: 53,600 kr booked"), s["message"]
assert "52,000 kr" in s["message"] and "1,600 kr apart" in s["message"], s["message"]
PY

expect_exit 0 "$GK" time "$P" --period 2022 --as-of 2022-12-31 -f json --lang en
python3 - "$TMP/out" <<'PY' || fail "time rules of the made-up project"
import json, sys
doc = json.load(open(sys.argv[1]))
diags = [d for d in doc["diagnostics"] if d["rule"].startswith("time.")]
rows = {(r["person"], r["month"]): r for r in doc["rows"]}
def flagged(month, rule): return rule in rows[("projektledare-kommunen", month)]["flags"]
# 149 h in May is no finding: the 1 720 h are yearly.
assert not flagged("2022-05", "time.over-full-time")
# The year: 1 720 h + 43 h, passed in December.
over = [d for d in diags if d["rule"] == "time.over-full-time"]
assert len(over) == 1 and "passed in 2022-12" in over[0]["message"], over
assert flagged("2022-12", "time.over-full-time") and not flagged("2022-11", "time.over-full-time")
# July (40 h of 143 h 20 min, semester) is silent and passed over; August (72 % above) is a
# deviation by itself, and with September–December (15 % off) a run of five months, told once
# where it is 3 long (October).
dev = [d["message"] for d in diags if d["rule"] == "time.deviation"]
assert not flagged("2022-07", "time.deviation"), dev
assert not flagged("2022-06", "time.deviation"), dev
assert flagged("2022-08", "time.deviation")
assert any(m.startswith("projektledare-kommunen, 2022-08:") and "in one month" in m for m in dev), dev
assert any(m.startswith("projektledare-kommunen, 2022-10:") and "2022-08–2022-10" in m for m in dev), dev
assert len(dev) == 2, dev
for m in ("2022-09", "2022-10", "2022-11", "2022-12"): assert flagged(m, "time.deviation"), m
# The hourly developer: 36 h × 12 = 432 h, under no share and far under the cap.
assert not [d for d in diags if "utvecklare" in d["message"]], diags
PY

# Silent: a budget that holds the plan, March's salary booked as planned (and 2 % off in April:
# 53 040 kr is within the rule set's tolerance).
sed -i 's/personal: 700000, schablonkostnader: 316680, externa_tjanster: 183320/personal: 744000, schablonkostnader: 316680, externa_tjanster: 139320/' "$P/project.yaml"
sed -i 's/^2022-03-25,L031,7210,Lön,53600,/2022-03-25,L031,7210,Lön,52000,/; s/^2022-04-25,L041,7210,Lön,52000,/2022-04-25,L041,7210,Lön,53040,/' "$P/ledger/lon.csv"
expect_exit 0 "$GK" validate "$P" --as-of 2022-12-31 -f json --lang en
python3 - "$TMP/out" <<'PY' || fail "the made-up project, consistent"
import json, sys
doc = json.load(open(sys.argv[1]))
rules = [d["rule"] for d in doc["diagnostics"]]
assert "staff.plan-over-budget" not in rules and "staff.salary-mismatch" not in rules, doc["diagnostics"]
PY
# The tolerance comes from the rule set: at 1 % April's 53 040 kr is a mismatch.
cp "$SRC/data/programmes/erdf-2014-2020.yaml" "$P/rules.yaml"
python3 - "$P/rules.yaml" <<'PY'
import sys
s = open(sys.argv[1]).read().replace("salary_mismatch:\n  percent: 2%", "salary_mismatch:\n  percent: 1%")
open(sys.argv[1], "w").write(s)
PY
sed -i 's/programme: erdf-2014-2020/programme: rules.yaml/' "$P/project.yaml"
expect_exit 0 "$GK" validate "$P" --as-of 2022-12-31 -f json --lang en
python3 - "$TMP/out" <<'PY' || fail "salary_mismatch.percent from the rule set"
import json, sys
doc = json.load(open(sys.argv[1]))
hits = [d for d in doc["diagnostics"] if d["rule"] == "staff.salary-mismatch"]
assert len(hits) == 1 and hits[0]["message"].startswith("projektledare-kommunen, 2022-04:"), hits
PY
finish
