#!/usr/bin/env bash
# Options per command (a command takes only what it implements: the rest is exit 2) and every
# table reachable as CSV with --table (the default named in --help; an unknown name lists them).
source "$(dirname "$0")/lib.bash"
EX="$SRC/examples/s2i2-sdk-2022"

# claim -f csv --table transactions: the transaction list, row for row the JSON's, summing to its
# transactions_total.
expect_exit 0 "$GK" claim "$EX" --as-of 2022-11-30 --period 2022-H1 -f json --lang en
cp "$TMP/out" "$TMP/claim.json"
expect_exit 0 "$GK" claim "$EX" --as-of 2022-11-30 --period 2022-H1 -f csv --table transactions --lang en
python3 - "$TMP/claim.json" "$TMP/out" <<'PY' || fail "claim --table transactions is not the JSON's transaction list"
import csv, json, sys
from decimal import Decimal
doc = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2], newline="")))
assert rows, "no transaction rows"
assert len(rows) == len(doc["transactions"]), (len(rows), len(doc["transactions"]))
for r, j in zip(rows, doc["transactions"]):
    assert r["voucher"] == j["voucher"] and r["date"] == j["date"], (r, j)
    assert Decimal(r["amount"]) == Decimal(str(j["amount"])), (r, j)
total = sum(Decimal(r["amount"]) for r in rows)
assert total == Decimal(str(doc["transactions_total"]["amount"])), (total, doc["transactions_total"])
PY

# Every --table name of every multi-table command prints a CSV whose header is that table's JSON
# keys (aid, a JSON object, prints item,value rows of its keys).
check_tables() {
  local cmd="$1"; shift
  local names
  "$GK" "$cmd" --help >"$TMP/help" 2>&1
  names=$(grep -o 'the table CSV prints: [^(]*' "$TMP/help" | sed 's/the table CSV prints: //; s/ | / /g')
  [ -n "$names" ] || { fail "$cmd --help lists no tables"; return; }
  grep -q "(default: ${names%% *})" "$TMP/help" || fail "$cmd --help does not state the default table"
  "$GK" "$cmd" "$@" -f json >"$TMP/doc.json" 2>/dev/null || true
  for name in $names; do
    local rc=0
    "$GK" "$cmd" "$@" -f csv --table "$name" >"$TMP/t.csv" 2>/dev/null || rc=$?
    [ "$rc" -le 1 ] || { fail "$cmd --table $name: exit $rc"; continue; }
    python3 - "$TMP/doc.json" "$TMP/t.csv" "$name" <<'PY' || fail "$cmd --table $name: CSV header is not the JSON's keys"
import csv, json, sys
doc, name = json.load(open(sys.argv[1])), sys.argv[3]
rows = list(csv.reader(open(sys.argv[2], newline="")))
value = doc[name]
if isinstance(value, dict):
    assert rows[0] == ["item", "value"], rows[0]
    assert [r[0] for r in rows[1:]] == list(value), rows
else:
    keys = list(value[0]) if value else None
    if keys is not None:
        # series/object columns (months, activities) are flattened in CSV: compare the plain keys
        assert [k for k in keys if not isinstance(value[0][k], (dict, list)) or k == "flags"] == \
            [c for c in rows[0] if c in keys], (keys, rows[0])
    assert len(rows) - 1 == len(value), (len(rows), len(value))
PY
  done
  # Without --table: the default, the first name.
  "$GK" "$cmd" "$@" -f csv >"$TMP/default.csv" 2>/dev/null || true
  "$GK" "$cmd" "$@" -f csv --table "${names%% *}" >"$TMP/named.csv" 2>/dev/null || true
  cmp -s "$TMP/default.csv" "$TMP/named.csv" || fail "$cmd: CSV without --table is not ${names%% *}"
  expect_exit 2 "$GK" "$cmd" "$@" -f csv --table nosuch --lang en
  expect_stderr "no table 'nosuch'.*${names%% *}"
}
check_tables claim "$EX" --as-of 2022-11-30 --period 2022-H1
check_tables cofinancing "$EX" --as-of 2022-11-30
check_tables staffing "$EX" --as-of 2022-11-30
check_tables indicators "$EX" --as-of 2022-11-30
check_tables ledger "$EX" --as-of 2022-11-30

# --table chooses among tables: JSON keeps them all, so it is refused there.
expect_exit 2 "$GK" claim "$EX" --period 2022-H1 -f json --table costs --lang en
# A one-table report has no --table.
expect_exit 2 "$GK" budget "$EX" -f csv --table rows --lang en

# Options a command does not implement are usage errors (exit 2), never ignored.
expect_exit 2 "$GK" budget "$EX" --quarterly --lang en
expect_stderr 'quarterly.*\[cli.usage\]$'
expect_exit 2 "$GK" time "$EX" --quarterly --lang en
expect_exit 2 "$GK" staffing "$EX" --period 2022 --lang en
expect_exit 2 "$GK" staffing "$EX" --by person --lang en
expect_exit 2 "$GK" indicators "$EX" --monthly --lang en
expect_exit 2 "$GK" ledger "$EX" --period 2022 --lang en
expect_exit 2 "$GK" report "$EX" --by category --lang en
expect_exit 2 "$GK" claim "$EX" --lang en
expect_stderr 'period.*\[cli.usage\]$'
expect_exit 2 "$GK" budget "$EX" --by person --lang en
expect_exit 2 "$GK" time "$EX" --by category --lang en
# validate prints findings and a summary or a JSON document: any other format is refused.
for f in xlsx html csv md; do
  expect_exit 2 "$GK" validate "$EX" -f "$f" --lang en
  [ -s "$TMP/out" ] && fail "validate -f $f wrote to stdout"
done
# --monthly works where it is offered.
expect_exit 0 "$GK" time "$EX" --as-of 2022-11-30 --period 2022 --monthly -f csv --lang en
expect_exit 0 "$GK" budget "$EX" --as-of 2022-11-30 --period 2022 --monthly -f csv --lang en
finish
