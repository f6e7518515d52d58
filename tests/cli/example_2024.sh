#!/usr/bin/env bash
# examples/kustturism-2024 (erdf-2021-2027): every figure its README quotes is recomputed from the
# inputs by example_2024_figures.py (not by grantkit); the README's table must hold exactly those
# figures, and grantkit's claim, paperwork (personalkostnader.csv) and budget must agree with them
# to the öre. Also: the example validates (exit 0), the booked salaries are excluded as covered by
# the unit cost and the booked other costs as covered by the 40 % flat rate, each with its place.
source "$(dirname "$0")/lib.bash"
EX="$SRC/examples/kustturism-2024"
python3 "$SRC/tests/cli/example_2024_figures.py" "$EX" >"$TMP/figures.tsv" || fail "recomputing the figures"

# The README's table is exactly the recomputed figures.
python3 - "$EX/README.md" "$TMP/figures.tsv" <<'PY' || fail "README figures differ from the recomputed ones"
import sys
readme = open(sys.argv[1], encoding="utf-8").read().split("## Figures", 1)[1]
quoted = {}
for line in readme.splitlines():
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if line.startswith("| ") and len(cells) == 2 and cells[0] not in ("figure",):
        quoted[cells[0]] = cells[1]
want = dict(l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8"))
assert quoted == want, {k: (quoted.get(k), want.get(k)) for k in set(quoted) | set(want) if quoted.get(k) != want.get(k)}
PY

expect_exit 0 "$GK" validate "$EX" -v --lang en
expect_stderr 'turistforeningen\.csv:2:[0-9]+: info: .*Lön projektledare januari.*\[ledger\.covered-by-unit-cost\]'
expect_stderr 'norrkust\.se:20:[0-9]+: info: .*Lon utvecklare januari.*\[ledger\.covered-by-unit-cost\]'
expect_stderr 'turistforeningen\.csv:4:[0-9]+: warning: .*Konsult.*other_costs_40.*\[ledger\.covered-by-flat-rate\]'
expect_stderr 'norrkust\.se:26:[0-9]+: warning: .*Testplattor.*\[ledger\.covered-by-flat-rate\]'
grep -q ': error:' "$TMP/err" && fail "the example has errors"

expect_exit 0 "$GK" claim "$EX" --period 2025-H1 --as-of 2025-07-31 -f json --lang en
cp "$TMP/out" "$TMP/claim.json"
rm -rf "$TMP/pw"
expect_exit 0 "$GK" paperwork "$EX" --period 2025-H1 --as-of 2025-07-31 -o "$TMP/pw" --csv-dialect rfc4180 --lang en
expect_exit 0 "$GK" budget "$EX" --as-of 2025-06-30 -f json --lang en
cp "$TMP/out" "$TMP/budget.json"
grep -q 'time.not-counted' "$TMP/err" && fail "the example's time rows are not all counted"

python3 - "$TMP/figures.tsv" "$TMP/claim.json" "$TMP/pw/personalkostnader.csv" "$TMP/budget.json" <<'PY' || fail "grantkit's figures differ from the recomputed ones"
import csv, json, sys
fig = dict(l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8"))
def ore_sv(t):  # "102 947,90" → öre
    kr, dec = t.replace(" ", "").split(",")
    return int(kr) * 100 + int(dec)
def ore_json(x):  # a JSON number in kronor, at most two decimals
    kr, _, dec = repr(x).partition(".")
    return int(kr) * 100 + (int((dec + "00")[:2]) if dec else 0)
claim = json.load(open(sys.argv[2]))
this = {c["category"]: ore_json(c["this_period"]) for c in claim["costs"]}
assert this["personal"] == ore_sv(fig["staff costs (Personal)"]), this
assert this["schablonkostnader"] == ore_sv(fig["40 % flat rate (Schablonkostnader)"]), this
assert this["offentligt_bidrag_i_annat_an_pengar"] == ore_sv(fig["in kind (Offentligt bidrag i annat än pengar)"]), this
assert set(this) == {"personal", "schablonkostnader", "offentligt_bidrag_i_annat_an_pengar"}, this
tot = claim["costs_total"]
assert ore_json(tot["this_period"]) == ore_sv(fig["eligible this period"]), tot
assert ore_json(tot["previously_reported"]) == ore_sv(fig["eligible before the period"]), tot
assert ore_json(tot["cumulative"]) == ore_sv(fig["eligible cumulative"]), tot
aid = claim["aid"]
assert ore_json(aid["previously_claimed"]) == ore_sv(fig["aid claimed before"]), aid
assert ore_json(aid["to_claim"]) == ore_sv(fig["aid to claim"]), aid
assert claim["transactions"] == [], "a booked cost reached the claim under the 40 % flat rate"
# personalkostnader.csv: one row per person and unit cost, with the unit cost and index steps.
rows = list(csv.DictReader(open(sys.argv[3], encoding="utf-8")))
seen = set()
cash = 0
for r in rows:
    key = f"{r['Person (roll)']} step {r['Indexeringar']}"
    seen.add(key)
    assert r["Timpris"].replace(".", ",") == fig[f"rate {key}"], (key, r["Timpris"])
    assert ore_sv(r["Kostnad"].replace(".", ",")) == ore_sv(fig[f"cost {key}"]), (key, r["Kostnad"])
    h, m = fig[f"hours {key}"].split(":")
    assert abs(float(r["Timmar"]) - (int(h) + int(m) / 60)) < 0.005, (key, r["Timmar"])
    if r["Finansiering"] == "kontant":
        cash += ore_sv(r["Kostnad"].replace(".", ","))
assert seen == {k[len("rate "):] for k in fig if k.startswith("rate ")}, seen
assert cash == ore_sv(fig["staff costs (Personal)"]), cash
budget = json.load(open(sys.argv[4]))
assert ore_json(budget["total"]["outcome_to_date"]) == ore_sv(fig["eligible cumulative"]), budget["total"]
PY

# A time row that no staff cost counts is named with its place (budget reads the time reports
# under a unit cost), and the figures stay those of the counted rows.
cp -r "$EX" "$TMP/extra"
printf '2025-02-03,08:00,12:00,4:00,0.00,praktikant-okand,Kustturism,Digital kustturism,A1,Arbete\r\n' >>"$TMP/extra/time/kimai-2025.csv"
expect_exit 0 "$GK" budget "$TMP/extra" --as-of 2025-06-30 -f json --lang en
expect_stderr 'kimai-2025\.csv:50:[0-9]+: warning: this time row is not counted as a staff cost: .praktikant-okand. is not in the staffing \[time\.not-counted\]'
python3 -c 'import json,sys; a,b=(json.load(open(f)) for f in sys.argv[1:]); assert a["total"]==b["total"] and a["rows"]==b["rows"]' "$TMP/out" "$TMP/budget.json" || fail "an uncounted time row changed the budget"

# The same rule set as a file of the project's own (`programme:` a path inside the project folder)
# gives the same claim; the same path written to leave the folder is refused, placed.
cp -r "$EX" "$TMP/own"
mkdir "$TMP/own/programmes"
cp "$SRC/data/programmes/erdf-2021-2027.yaml" "$TMP/own/programmes/regler.yaml"
sed -i 's|^  programme: erdf-2021-2027|  programme: programmes/regler.yaml|' "$TMP/own/project.yaml"
expect_exit 0 "$GK" claim "$TMP/own" --period 2025-H1 --as-of 2025-07-31 -f json --lang en
python3 -c 'import json,sys; a,b=(json.load(open(f)) for f in sys.argv[1:]); assert all(a[k]==b[k] for k in ("costs","costs_total","financing","aid"))' "$TMP/out" "$TMP/claim.json" || fail "a rule-set file of the project's own gives another claim"
# `..` that comes back into the folder is inside; one that leaves it is refused, placed.
sed -i 's|^  programme: programmes/regler.yaml|  programme: ../own/programmes/regler.yaml|' "$TMP/own/project.yaml"
expect_exit 0 "$GK" validate "$TMP/own" --lang en
mkdir -p "$TMP/elsewhere" && cp "$TMP/own/programmes/regler.yaml" "$TMP/elsewhere/"
sed -i 's|^  programme: ../own/programmes/regler.yaml|  programme: ../elsewhere/regler.yaml|' "$TMP/own/project.yaml"
expect_exit 1 "$GK" validate "$TMP/own" --lang en
expect_stderr 'project[.]yaml:9:14: error: programme .*resolves outside the project folder.*[[]io[.]outside-project[]]'
finish
