#!/usr/bin/env bash
# `grantkit staffing data/s2i2-sdk -f json`: the plan's 50 % entry over the full-time definition
# (2021-06-01..2022-11-30) is 1 290 planned hours on the 1 720 h basis, and 1 532 h on the calendar
# basis (`full_time: {basis: calendar}`; DOMAIN.md check figures 2 580 h and 3 064 h of full time).
source "$(dirname "$0")/lib.bash"
SEED="$SRC/data/s2i2-sdk"

check_half() {  # check_half JSON FULL_TIME_HOURS PLANNED_HOURS
  python3 - "$@" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
full, planned = int(sys.argv[2]), int(sys.argv[3])
assert doc["schema"] == "grantkit/staffing/1", doc["schema"]
keys = ["person", "role", "organisation", "percent", "from", "to", "full_time_hours", "planned_hours",
        "planned_cost", "funding", "flags"]
for row in doc["rows"]:
    assert list(row) == keys, list(row)
half = [r for r in doc["rows"] if r["percent"] == 50]
assert len(half) == 1, half
r = half[0]
assert (r["from"], r["to"]) == ("2021-06-01", "2022-11-30"), r
assert r["full_time_hours"] == full, r
assert r["planned_hours"] == planned, r
# Every entry: planned = share × full time, in whole minutes rounded down.
for row in doc["rows"]:
    want = row["full_time_hours"] * 60 * round(row["percent"] * 10000) // 1000000
    assert abs(row["planned_hours"] * 60 - want) < 0.5, row
# The plan lists Malmö's contact person twice: both entries are flagged, nothing else is.
dup = [r["person"] for r in doc["rows"] if "staff.duplicate-entry" in r["flags"]]
assert dup == ["kontaktperson-malmo", "kontaktperson-malmo"], dup
# No salaries in the plan: no cost, an info per entry.
assert all(r["planned_cost"] is None and "staff.no-salary" in r["flags"] for r in doc["rows"])
assert sum(d["rule"] == "staff.no-salary" for d in doc["diagnostics"]) == len(doc["rows"])
assert [k["financier"] for k in doc["in_kind"]] == ["tomelilla", "landskrona", "malmo", "helsingborg", "simrishamn"]
PY
}

expect_exit 0 "$GK" staffing "$SEED" --format json
check_half "$TMP/out" 2580 1290 || fail "1 720 h basis: the 50 % entry is not 1 290 h"
grep -q '"planned_hours": 1290' "$TMP/out" || fail "no planned_hours 1290 in the JSON"

mkdir -p "$TMP/calendar"
cp "$SEED"/*.yaml "$TMP/calendar/"
sed -i 's/^full_time:$/full_time:\n  basis: calendar/' "$TMP/calendar/project.yaml"
grep -q '^  basis: calendar$' "$TMP/calendar/project.yaml" || fail "could not set basis: calendar"
expect_exit 0 "$GK" staffing "$TMP/calendar" --format json
check_half "$TMP/out" 3064 1532 || fail "calendar basis: the 50 % entry is not 1 532 h"

expect_exit 0 "$GK" staffing "$SEED" --format csv
head -1 "$TMP/out" | grep -qx 'person,role,organisation,percent,from,to,full_time_hours,planned_hours,planned_cost,funding,flags' ||
  fail "CSV header: $(head -1 "$TMP/out")"

expect_exit 2 "$GK" staffing "$SEED" --period 2022
expect_stderr 'error: .*--period.* \[cli.usage\]$'
finish
