#!/usr/bin/env bash
# The claim register (claims.yaml): previously reported from the register, a deduction, a late
# cost, a correction, a gap, an overlap, a period not ended, the decision's second percentage, and
# `claim --record` continued by the next request; tests/cli/claim_register.py computes every
# expected figure from the ledger rows and the register.
source "$(dirname "$0")/lib.bash"
python3 "$SRC/tests/cli/claim_register.py" "$GK" "$TMP" || fail "the claim register (above)"

# --record on the register's other shapes: none yet (a new file), an empty inline list (becomes a
# block list), an inline list with entries (refused, the file unchanged).
EX="$TMP/kt"
cp -r "$SRC/examples/kustturism-2024" "$EX"
rm "$EX/claims.yaml"
expect_exit 0 "$GK" claim "$EX" --period 2024-03-01..2024-08-31 --as-of 2024-09-30 --record -f json
grep -q '^  - id: 1$' "$EX/claims.yaml" || fail "a new register: $(cat "$EX/claims.yaml")"
expect_exit 0 "$GK" validate "$EX" --as-of 2024-09-30
printf 'schema: grantkit/claims/1\n# none yet\nclaims: []  # filled by --record\n' >"$EX/claims.yaml"
expect_exit 0 "$GK" claim "$EX" --period 2024-03-01..2024-08-31 --as-of 2024-09-30 --record -f json
grep -q '^# none yet$' "$EX/claims.yaml" && grep -q '^claims:$' "$EX/claims.yaml" &&
  grep -q '^  - id: 1$' "$EX/claims.yaml" || fail "claims: [] then --record: $(cat "$EX/claims.yaml")"
printf 'schema: grantkit/claims/1\nclaims: [{id: 1, period: {from: 2024-03-01, to: 2024-08-31}}]\n' >"$EX/claims.yaml"
cp "$EX/claims.yaml" "$TMP/inline.yaml"
expect_exit 1 "$GK" claim "$EX" --period 2024-09-01..2024-12-31 --as-of 2025-01-31 --record -f json --lang en
expect_stderr 'inline.*\[claim\.record-format\]'
cmp -s "$EX/claims.yaml" "$TMP/inline.yaml" || fail "a refused --record changed claims.yaml"
finish
