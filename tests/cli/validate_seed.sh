#!/usr/bin/env bash
# `grantkit validate data/s2i2-sdk` reports the plan's real gaps and nothing else (issue 2).
source "$(dirname "$0")/lib.bash"

expect_exit 0 "$GK" validate "$SRC/data/s2i2-sdk"
[ "$(stderr_lines)" = 3 ] || fail "validate printed $(stderr_lines) findings, wanted 3"
expect_stderr 'project.yaml:[0-9]+:[0-9]+: warning: .*Helsingborg.* \[financing.unresolved\]$'
expect_stderr 'staff.yaml:[0-9]+:[0-9]+: warning: kontaktperson-malmo is listed again.* \[staff.duplicate-entry\]$'
expect_stderr 'project.yaml:[0-9]+:[0-9]+: warning: .*aid is not stated.* \[financing.plan-balance\]$'
grep -q 'budget.activities-sum' "$TMP/err" && fail "the activity budgets must sum without a finding"
expect_exit 1 "$GK" validate --strict "$SRC/data/s2i2-sdk"
finish
