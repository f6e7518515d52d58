#!/usr/bin/env bash
# `grantkit indicators`: the seed project's four result goals with null progress (no
# indicators.yaml: unknown, not zero, and no rule fires); the example's latest cumulative values
# against targets and time, indicator.behind on the goal planted behind near the end; a value that
# goes down (indicator.decreasing) and an unknown indicator (ref.unknown) with file:line:col.
source "$(dirname "$0")/lib.bash"
EX="$SRC/examples/s2i2-sdk-2022"

expect_exit 0 "$GK" indicators "$SRC/data/s2i2-sdk" --as-of 2023-03-31 -f json --lang en
python3 - "$TMP/out" <<'PY' || fail "the seed project's indicators"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["schema"] == "grantkit/indicators/1"
rows = {r["indicator"]: r for r in doc["rows"]}
assert list(rows) == ["municipalities-supported", "municipalities-trained", "procurement-analysis", "standard-manual"], list(rows)
assert [rows[k]["target"] for k in rows] == [33, 33, 1, 1]
for r in rows.values():
    assert r["value"] is None and r["achieved_pct"] is None and r["date"] is None, r
    assert r["elapsed_pct"] == 100 and r["flags"] == [], r
assert doc["reported"] == []
assert not [d for d in doc["diagnostics"] if d["rule"].startswith("indicator.")], doc["diagnostics"]
PY

expect_exit 0 "$GK" indicators "$EX" --as-of 2022-11-30 -f json --lang en
expect_stderr 'indicators\.yaml:[0-9]+:[0-9]+: warning: municipalities-trained: 9 of 33 municipalities reached .*\[indicator\.behind\]'
python3 - "$TMP/out" <<'PY' || fail "the example's indicators"
import json, sys
doc = json.load(open(sys.argv[1]))
rows = {r["indicator"]: r for r in doc["rows"]}
assert [(k, r["value"], r["date"]) for k, r in rows.items()] == [
    ("municipalities-supported", 27, "2022-11-30"), ("municipalities-trained", 9, "2022-11-30"),
    ("procurement-analysis", 1, "2022-10-31"), ("standard-manual", 1, "2022-10-31")], rows
assert rows["municipalities-trained"]["flags"] == ["indicator.behind"]
assert all(r["flags"] == [] for k, r in rows.items() if k != "municipalities-trained")
assert rows["municipalities-supported"]["achieved_pct"] == 81.8181, rows["municipalities-supported"]
assert rows["municipalities-supported"]["expected_to_date"] == 27  # 33 × 548 / 669 days, down
assert len(doc["reported"]) == 10
PY
# Earlier, before the last quarter of the project period, nothing is flagged.
expect_exit 0 "$GK" indicators "$EX" --as-of 2022-06-30 -f json --lang en
grep -q 'indicator\.' "$TMP/err" && fail "an indicator flagged before the end: $(cat "$TMP/err")"

# A value that goes down, and one of an indicator the project does not have.
cp -r "$EX" "$TMP/ex"
cat >>"$TMP/ex/indicators.yaml" <<'YAML'
  - {indicator: municipalities-supported, date: 2023-01-31, value: 25}
  - {indicator: municipalities-helped, date: 2023-01-31, value: 3}
YAML
expect_exit 1 "$GK" indicators "$TMP/ex" --as-of 2023-03-31 --lang en
expect_stderr 'indicators\.yaml:21:5: warning: municipalities-supported: 25 on 2023-01-31 is less than the 27 reported on 2022-11-30.*\[indicator\.decreasing\]'
expect_stderr 'indicators\.yaml:22:17: error: indicator .municipalities-helped. is not in project\.yaml.*\[ref\.unknown\]'
finish
