#!/usr/bin/env bash
# The claim register (claims.yaml): previously reported from the register, a deduction, a late
# cost, a correction, a gap, an overlap, a period not ended, the decision's second percentage, and
# `claim --record` continued by the next request; tests/cli/claim_register.py computes every
# expected figure from the ledger rows and the register.
source "$(dirname "$0")/lib.bash"
python3 "$SRC/tests/cli/claim_register.py" "$GK" "$TMP" || fail "the claim register (above)"
finish
