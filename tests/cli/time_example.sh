#!/usr/bin/env bash
# `grantkit time examples/s2i2-sdk-2022 --period 2022 -f json`: every person-month's reported hours
# (and per activity) equal the sums recomputed here from time/*.csv, planned hours equal share ×
# 143 h 20 min for each month of the person's period, and each planted fault of time/README.md
# appears exactly once under its rule id.
source "$(dirname "$0")/lib.bash"
EX="$SRC/examples/s2i2-sdk-2022"

expect_exit 0 "$GK" time "$EX" --period 2022 --format json
python3 - "$EX" "$TMP/out" <<'PY' || fail "time report differs from the time reports"
import csv, json, pathlib, re, sys
from collections import defaultdict
ex, doc = pathlib.Path(sys.argv[1]), json.load(open(sys.argv[2]))
assert doc["schema"] == "grantkit/time/1"
assert doc["period"] == {"from": "2022-01-01", "to": "2022-12-31"}

def minutes(text):
    if ":" in text:
        h, m = text.split(":")
        return int(h) * 60 + int(m)
    h, _, frac = text.replace(",", ".").partition(".")
    return int(h) * 60 + (int(frac.ljust(2, "0")) * 60 // 100 if frac else 0)

reported = defaultdict(int)
per_activity = defaultdict(lambda: defaultdict(int))
where = {}
for path in sorted((ex / "time").glob("*.csv")):
    with open(path, encoding="utf-8-sig", newline="") as f:
        for line, r in enumerate(csv.DictReader(f), start=2):
            key = (r["person"], r["month"])
            where.setdefault((r["person"], r["month"], r["activity"]), (path.name, line))
            if not r["month"].startswith("2022-"):
                continue
            reported[key] += minutes(r["hours"])
            per_activity[key][r["activity"]] += minutes(r["hours"])

# staff.yaml: id, percent and period (default: the full-time definition); all periods whole months.
staff, cur = {}, None
for line in (ex / "staff.yaml").read_text(encoding="utf-8").splitlines():
    if m := re.match(r"\s*- id: (\S+)", line):
        cur = m.group(1)
        staff[cur] = {"percent": None, "from": "2021-06", "to": "2022-11"}
    elif cur and (m := re.match(r"\s+percent: (\d+)%", line)):
        staff[cur]["percent"] = int(m.group(1))
    elif cur and (m := re.match(r"\s+period: \{from: (\d{4}-\d{2})-\d{2}, to: (\d{4}-\d{2})-\d{2}\}", line)):
        staff[cur]["from"], staff[cur]["to"] = m.group(1), m.group(2)

def close(hours, mins):
    return abs(hours * 60 - mins) < 0.5

rows = {(r["person"], r["month"]): r for r in doc["rows"]}
assert len(rows) == len(doc["rows"]), "a person-month listed twice"
expected = set(reported)
for person, s in staff.items():
    for mo in range(1, 13):
        month = f"2022-{mo:02d}"
        if s["from"] <= month <= s["to"]:
            expected.add((person, month))
assert set(rows) == expected, sorted(set(rows) ^ expected)
for key, r in rows.items():
    s = staff[key[0]]
    planned = s["percent"] * 8600 // 100 if s["from"] <= key[1] <= s["to"] else 0
    assert close(r["planned_hours"], planned), (key, r["planned_hours"], planned)
    assert close(r["reported_hours"], reported.get(key, 0)), (key, r["reported_hours"], reported.get(key, 0))
    assert close(r["difference_hours"], reported.get(key, 0) - planned), key
    acts = per_activity.get(key, {})
    assert set(r["activities"]) == set(acts), (key, r["activities"], dict(acts))
    for a, h in r["activities"].items():
        assert close(h, acts[a]), (key, a)
total = doc["total"]
assert close(total["reported_hours"], sum(reported.values()))

def found(rule):
    return [d for d in doc["diagnostics"] if d["rule"] == rule]

def once(rule, person, month, file=None, line=None):
    hits = [d for d in found(rule) if d["message"].startswith(f"{person}, {month}:")]
    assert len(hits) == 1, (rule, person, month, hits)
    if file:
        assert hits[0]["file"].endswith("/time/" + file) and hits[0]["line"] == line, hits[0]
    if month.startswith("2022"):
        assert rule in rows[(person, month)]["flags"], (rule, person, month)

# Planted: Landskrona's contact person reported nothing for May and June 2022.
once("time.missing-report", "kontaktperson-landskrona", "2022-05")
once("time.missing-report", "kontaktperson-landskrona", "2022-06")
assert len(found("time.missing-report")) == 2, found("time.missing-report")
# Planted: the project administrator (55 %) reported 164 h in September 2022: more than 50 % above
# the month's plan, a deviation on its own. It is not over full time: 1 720 h is a yearly figure,
# and no one reported more than that in a calendar year (recomputed here from the rows).
once("time.deviation", "projektadministrator-skanes-kommuner", "2022-09")
assert rows[("projektadministrator-skanes-kommuner", "2022-09")]["reported_hours"] == 164
per_year = defaultdict(int)  # minutes of 2022 per person
for (person, month), mins in reported.items():
    per_year[person] += mins
assert max(per_year.values()) <= 1720 * 60, max(per_year.items(), key=lambda x: x[1])
assert not found("time.over-full-time"), found("time.over-full-time")
# July (semester) below plan is no deviation.
assert not [d for d in found("time.deviation") if ", 2022-07:" in d["message"]], found("time.deviation")
# Planted: 6.5 h on A3.3 in November 2021, before A3.3 opens (2022-03-01); reported whatever the
# window, at its line of 2021.csv.
file, line = where[("processledning-region-skane", "2021-11", "A3.3")]
once("time.outside-period", "processledning-region-skane", "2021-11", file, line)
assert len(found("time.outside-period")) == 1
for rule in ["time.unknown-person", "time.unknown-activity", "time.annual-cap"]:
    assert not found(rule), found(rule)
PY

# The same month sums through --by person and --monthly.
expect_exit 0 "$GK" time "$EX" --period 2022 --by person --format json
python3 - "$TMP/out" <<'PY' || fail "--by person"
import json, sys
doc = json.load(open(sys.argv[1]))
assert all("month" not in r for r in doc["rows"])
r = {r["person"]: r for r in doc["rows"]}["kontaktperson-landskrona"]
assert "time.missing-report" in r["flags"], r
PY
expect_exit 0 "$GK" time "$EX" --period 2022 --monthly --format csv
head -1 "$TMP/out" | grep -q '^month,planned_hours,reported_hours,difference_hours,activities.A3.2' ||
  fail "--monthly CSV header: $(head -1 "$TMP/out")"
[ "$(wc -l <"$TMP/out")" = 13 ] || fail "--monthly: a header and 12 months expected"
finish
