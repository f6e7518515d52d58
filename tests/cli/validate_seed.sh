#!/usr/bin/env bash
# `grantkit validate data/s2i2-sdk` reports the plan's real gaps (issue 2) and what the reports find
# in a plan without a ledger: nothing received from four confirmed co-financiers, no aid rate, and
# at the end of the project nothing spent on any of its five activities (budget.underspend, each
# far above the rule set's underspend_amount, so a warning at the activity's budget).
source "$(dirname "$0")/lib.bash"

expect_exit 0 "$GK" validate "$SRC/data/s2i2-sdk" --as-of 2023-03-31 --lang en
[ "$(stderr_lines)" = 13 ] || fail "validate printed $(stderr_lines) findings, wanted 13"
[ "$(grep -Ec 'project.yaml:[0-9]+:[0-9]+: warning: .*\[budget.underspend\]$' "$TMP/err")" = 5 ] || fail "wanted 5 budget.underspend at their budgets"
[ "$(grep -c '\[financing.shortfall\]$' "$TMP/err")" = 4 ] || fail "wanted 4 financing.shortfall"
expect_stderr '^warning: the decision states no aid rate.* \[claim.no-aid-rate\]$'
# The Swedish summary line (the default language), from a run of its own.
"$GK" validate "$SRC/data/s2i2-sdk" --as-of 2023-03-31 >"$TMP/sv.out" 2>/dev/null ||
  fail "validate in Swedish failed"
grep -qx '0 fel, 13 varningar i 2 filer' "$TMP/sv.out" || fail "summary line: $(cat "$TMP/sv.out")"
expect_stderr 'project.yaml:[0-9]+:[0-9]+: warning: .*Helsingborg.* \[financing.unresolved\]$'
expect_stderr 'staff.yaml:[0-9]+:[0-9]+: warning: kontaktperson-malmo is listed again.* \[staff.duplicate-entry\]$'
expect_stderr 'project.yaml:[0-9]+:[0-9]+: warning: .*aid is not stated.* \[financing.plan-balance\]$'
grep -q 'budget.activities-sum' "$TMP/err" && fail "the activity budgets must sum without a finding"
expect_exit 1 "$GK" validate --strict "$SRC/data/s2i2-sdk" --as-of 2023-03-31 --lang en
expect_exit 0 "$GK" validate "$SRC/data/s2i2-sdk" --as-of 2023-03-31 --lang en
grep -qx '0 errors, 13 warnings in 2 files' "$TMP/out" || fail "English summary line: $(cat "$TMP/out")"
finish
