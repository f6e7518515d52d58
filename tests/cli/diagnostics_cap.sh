#!/usr/bin/env bash
# At most 50 diagnostics per rule are printed, then a count of the rest; --verbose prints all; the
# JSON document always lists every one. A ledger with 60 unreadable amounts and 3 bad dates.
source "$(dirname "$0")/lib.bash"
P="$TMP/p"
mkdir -p "$P/ledger"
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
  ledger:
    - {path: "ledger/*.csv", format: csv}
YAML
{
  echo "date,voucher,account,amount,text,category,activity"
  echo "2021-09-01,V0,6550,1000.00,Konsult,externa_tjanster,A1"
  for i in $(seq 1 60); do echo "2021-09-02,V$i,6550,1.234,Konsult $i,externa_tjanster,A1"; done  # lines 3–62
  for d in 31 32 33; do echo "2021-09-$d,D$d,6550,100.00,Konsult,externa_tjanster,A1"; done     # lines 63–65
} >"$P/ledger/costs.csv"

expect_exit 1 "$GK" validate "$P" --lang en
n=$(grep -c '\[ledger\.amount\]$' "$TMP/err" || true)
[ "$n" = 50 ] || fail "$n [ledger.amount] diagnostics printed, wanted 50"
# The first 50 in file order: lines 3 to 52, each with its line and column.
grep -q 'costs\.csv:3:4: error: .*\[ledger\.amount\]$' "$TMP/err" || fail "the first bad row (line 3) is not shown"
grep -q 'costs\.csv:52:4: error: .*\[ledger\.amount\]$' "$TMP/err" || fail "the 50th bad row (line 52) is not shown"
grep -q 'costs\.csv:53:4:' "$TMP/err" && fail "the 51st bad row is shown"
expect_stderr '^note: 10 more findings of \[ledger\.amount\] not shown \(use --verbose\)$'
# Another rule keeps its own count: the 3 bad dates are all shown.
n=$(grep -c '\[ledger\.date\]$' "$TMP/err" || true)
[ "$n" = 3 ] || fail "$n [ledger.date] diagnostics, wanted 3"
# validate also prints what cofinancing and staffing find in this plan: financing.shortfall (no
# cash received) and staff.in-kind-mismatch (in kind without staff), and, as claim does,
# claim.payment-unknown (the ledger gives no payment date), and budget.underspend for its two
# activities (nothing eligible spent by the end).
[ "$(stderr_lines)" = 59 ] || fail "$(stderr_lines) lines on stderr, wanted 50 + 3 + 3 + 2 + the note"

expect_exit 1 "$GK" validate "$P" --verbose --lang en
n=$(grep -c '\[ledger\.amount\]$' "$TMP/err" || true)
[ "$n" = 60 ] || fail "--verbose: $n [ledger.amount] diagnostics, wanted 60"
grep -q '^note:' "$TMP/err" && fail "--verbose: a note about hidden findings"

# The JSON document is not capped: all 60 are in its diagnostics.
expect_exit 1 "$GK" ledger "$P" -f json --lang en
n=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(x["rule"]=="ledger.amount" for x in d["diagnostics"]))' "$TMP/out")
[ "$n" = 60 ] || fail "JSON diagnostics hold $n ledger.amount, wanted 60"
n=$(grep -c '\[ledger\.amount\]$' "$TMP/err" || true)
[ "$n" = 50 ] || fail "ledger -f json: $n [ledger.amount] on stderr, wanted 50"
finish
