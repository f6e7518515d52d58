#!/usr/bin/env bash
# Triage of findings (README "Choices": triage of findings; docs/formats.md#accept):
# - on every bundled example (examples/* and data/s2i2-sdk) the monthly report's action list
#   ("Att åtgärda först") holds only findings of rules of class `action` (the class column of
#   docs/rules.md, read here), warnings or errors, ranked by the money at stake, at most 3 rows a
#   rule, and every such finding of the report is a row or counted in its rule's "… and N more";
# - the routine table sums exactly the routine findings of the report's diagnostics per rule and
#   file (count and amount, recomputed here from JSON's diagnostics);
# - `accept:` fires (the finding becomes information with its reason, leaves the action list and
#   the warning count), stays silent for other findings, and is itself a finding when it matches
#   nothing (accept.unused, judged by validate) or has expired (accept.expired).
source "$(dirname "$0")/lib.bash"

python3 - "$SRC/docs/rules.md" >"$TMP/classes.json" <<'PY'
import json, re, sys
classes = {}
col = None
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("| rule |"):
        col = [c.strip() for c in line.strip().strip("|").split("|")].index("class")
    elif line.startswith("| `"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        for rule in re.findall(r"`([a-z]+\.[a-z0-9-]+)`", cells[0]):
            classes[rule] = cells[col]
json.dump(classes, sys.stdout)
PY

check_report() {  # check_report NAME REPORT.json
  python3 - "$TMP/classes.json" "$2" "$1" <<'PY' || fail "$1: the action list or the routine table is wrong"
import json, sys
from collections import Counter, defaultdict
from decimal import Decimal
classes = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
name = sys.argv[3]
s = doc["sections"]["summary"]
diags = doc["diagnostics"]
def n(d): return 1  # a kept finding; the examples hold no summaries
# Action list: only action rules, no information, at most 3 finding rows a rule.
rows = [r for r in s["actions"] if not r["message"].startswith("… and ")]
more = [r for r in s["actions"] if r["message"].startswith("… and ")]
for r in s["actions"]:
    assert classes[r["rule"]] == "action", (name, r["rule"], classes[r["rule"]])
    assert r["severity"] in ("error", "warning"), (name, r)
per_rule = Counter(r["rule"] for r in rows)
assert all(c <= 3 for c in per_rule.values()), (name, per_rule)
# Ranked by the size of the amount, those without one last.
sizes = [abs(Decimal(str(r["amount"]))) if r["amount"] is not None else Decimal(-1) for r in rows]
assert sizes == sorted(sizes, reverse=True), (name, sizes)
# Every action finding of the report is a row or counted in its rule's "… and N more".
want = Counter(d["rule"] for d in diags
               if classes.get(d["rule"]) == "action" and d["severity"] != "info")
got = Counter(per_rule)
for r in more:
    got[r["rule"]] += int(r["message"].split()[2])
assert got == want, (name, got, want)
# Routine findings summed per rule and file, count and amount.
sums = defaultdict(lambda: [0, None])
for d in diags:
    if classes.get(d["rule"]) != "routine":
        continue
    e = sums[(d["rule"], d["file"])]
    e[0] += 1
    if "amount" in d:
        e[1] = (e[1] or Decimal(0)) + Decimal(str(d["amount"]))
table = {(r["rule"], r["file"]): [r["count"], None if r["amount"] is None else Decimal(str(r["amount"]))]
         for r in s["routine"]}
assert table == dict(sums), (name, table, dict(sums))
print(name, "actions", len(s["actions"]), "routine", len(s["routine"]), file=sys.stderr)
PY
}

i=0
for P in "$SRC"/examples/*/ "$SRC/data/s2i2-sdk/"; do
  [ -f "$P/project.yaml" ] || continue
  i=$((i + 1))
  "$GK" validate "$P" -f json >"$TMP/v.json" 2>/dev/null || true
  AS_OF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["as_of"])' "$TMP/v.json")
  periods=("${AS_OF:0:7}" "${AS_OF:0:4}-H1")
  # The S2i2 project's 2022-10, the report the issue was seen on.
  case "$P" in *s2i2*) periods+=(2022-10) ;; esac
  for period in "${periods[@]}"; do
    rc=0
    "$GK" report "$P" --as-of "$AS_OF" --period "$period" -f json >"$TMP/r$i.json" 2>/dev/null || rc=$?
    [ "$rc" -le 1 ] || { fail "report $P --period $period: exit $rc"; continue; }
    check_report "$(basename "$P") $period" "$TMP/r$i.json"
  done
done

# accept: on a copy of the 2022 example, report 2022-10 as of 2022-11-30.
P="$TMP/p"
cp -r "$SRC/examples/s2i2-sdk-2022" "$P"
"$GK" validate "$P" --as-of 2022-11-30 -f json >"$TMP/before.json" 2>/dev/null || true
cat >>"$P/project.yaml" <<'YAML'
accept:
  - {rule: ledger.unknown-activity, where: "2022-013", reason: "Omförs till A3.2 i november"}
  - {rule: budget.over, where: A3.2, reason: "Ändringsbeslut sökt 2022-10-15"}
  - {rule: budget.over, where: A9.9, reason: "Ingen sådan aktivitet"}
  - {rule: budget.over, where: A3.4, reason: "Gällde till halvårsskiftet", until: 2022-06-30}
  - {rule: ledger.outside-eligible-period, where: ledger/region-skane.se, reason: "Förberedande lunch, bokförd före projektstart"}
YAML
line_of() { grep -n "$1" "$P/project.yaml" | head -1 | cut -d: -f1; }

expect_exit 0 "$GK" report "$P" --as-of 2022-11-30 --period 2022-10 -f json -o "$TMP/acc.json" -v --lang en
# Fires: information with its reason, never a warning.
expect_stderr "skanes-kommuner.csv:49:1: info: .*voucher 2022-013.* \(accepted: Omförs till A3.2 i november\) \[ledger.unknown-activity\]"
expect_stderr "project.yaml:[0-9]+:[0-9]+: info: A3.2: outcome .* \(accepted: Ändringsbeslut sökt 2022-10-15\) \[budget.over\]"
expect_stderr "region-skane.se:107:1: info: .* \(accepted: Förberedande lunch, bokförd före projektstart\) \[ledger.outside-eligible-period\]"
# Silent: the other activities' budget.over stay warnings; an expired accept acknowledges nothing.
expect_stderr "warning: A3.1: outcome .* \[budget.over\]"
expect_stderr "warning: A3.4: outcome .* \[budget.over\]"
expect_stderr "project.yaml:$(line_of 'A3.4, reason'):5: warning: the accept of \[budget.over\] for 'A3.4' ran until 2022-06-30, before 2022-11-30.* \[accept.expired\]"
# A single report does not judge an accept unused (it sees only its own findings).
grep -q "accept.unused" "$TMP/err" && fail "report judged accept.unused"
python3 - "$TMP/acc.json" <<'PY' || fail "accepted findings in the report's JSON or action list"
import json, sys
doc = json.load(open(sys.argv[1]))
acc = [d for d in doc["diagnostics"] if "accepted" in d]
assert sorted(d["rule"] for d in acc) == ["budget.over", "ledger.outside-eligible-period", "ledger.unknown-activity"], acc
assert all(d["severity"] == "info" for d in acc), acc
actions = doc["sections"]["summary"]["actions"]
assert not any(r["rule"] == "ledger.unknown-activity" for r in actions), actions
over = [r["message"].split(":")[0] for r in actions if r["rule"] == "budget.over"]
assert sorted(over) == ["A3.1", "A3.4"], over
PY
# Without --verbose the accepted findings are not printed at all.
expect_exit 0 "$GK" report "$P" --as-of 2022-11-30 --period 2022-10 -f json -o "$TMP/acc.json" --lang en
grep -q "accepted:" "$TMP/err" && fail "an accepted finding printed without --verbose"

# validate: accept.unused at the entry that matches nothing; the warning count falls by exactly
# the findings acknowledged, and rises by the two findings about the accepts.
expect_exit 0 "$GK" validate "$P" --as-of 2022-11-30 --lang en
expect_stderr "project.yaml:$(line_of 'A9.9'):5: warning: the accept of \[budget.over\] for 'A9.9' matches no finding.* \[accept.unused\]"
expect_stderr "\[accept.expired\]"
"$GK" validate "$P" --as-of 2022-11-30 -f json >"$TMP/after.json" 2>/dev/null || true
python3 - "$TMP/before.json" "$TMP/after.json" <<'PY' || fail "validate's counts with accept"
import json, sys
b, a = (json.load(open(p)) for p in sys.argv[1:])
accepted = sum(1 for d in a["diagnostics"] if "accepted" in d)
assert accepted == 3, accepted
assert a["counts"]["warnings"] == b["counts"]["warnings"] - accepted + 2, (b["counts"], a["counts"])
assert a["counts"]["info"] == b["counts"]["info"] + accepted, (b["counts"], a["counts"])
PY

# --strict: once every warning is acknowledged, warnings no longer fail the run.
Q="$TMP/q"
cp -r "$SRC/examples/s2i2-sdk-2022" "$Q"
"$GK" validate "$Q" --as-of 2022-11-30 -f json >"$TMP/q.json" 2>/dev/null || true
python3 - "$TMP/q.json" "$Q" >>"$Q/project.yaml" <<'PY'
import json, os, sys
doc = json.load(open(sys.argv[1]))
print("accept:")
seen = set()
for d in doc["diagnostics"]:
    assert d["severity"] != "warning" or d["file"], d  # every warning of the example has a file
    if d["severity"] != "warning" or (d["rule"], d["file"]) in seen:
        continue
    seen.add((d["rule"], d["file"]))
    where = os.path.relpath(d["file"], sys.argv[2])
    print(f'  - {{rule: {d["rule"]}, where: "{where}", reason: "Känt och utrett"}}')
PY
expect_exit 1 "$GK" validate "$SRC/examples/s2i2-sdk-2022" --as-of 2022-11-30 --strict
expect_exit 0 "$GK" validate "$Q" --as-of 2022-11-30 --strict
finish
