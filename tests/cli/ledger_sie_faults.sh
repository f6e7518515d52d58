#!/usr/bin/env bash
# A SIE export changed after it was written, and one cut short: `grantkit ledger` says so with
# file:line:col and the rule, and exits as CLI.md says (0 with warnings, 1 with --strict, 2 when
# the file cannot be read).
source "$(dirname "$0")/lib.bash"
cp -r "$SRC/examples/s2i2-sdk-2022" "$TMP/ex"
SE="$TMP/ex/ledger/region-skane.se"
cp "$SE" "$TMP/original.se"

# One amount changed by hand: the voucher no longer balances and the checksum no longer matches.
python3 - "$SE" <<'PY'
import sys
p = sys.argv[1]
b = open(p, "rb").read()
old = b'#TRANS 2440 {9 "L003"} -17250\r\n'
assert b.count(old) == 1
open(p, "wb").write(b.replace(old, b'#TRANS 2440 {9 "L003"} -17205\r\n'))
PY
expect_exit 0 "$GK" ledger "$TMP/ex" -f json --lang en
expect_stderr 'region-skane\.se:[0-9]+:1: warning: voucher RS21-0007 of 2021-09-30 does not balance: its rows add up to 45 kr.*\[sie\.unbalanced\]'
expect_stderr 'region-skane\.se:[0-9]+:9: warning: the checksum #KSUMMA [0-9]+ does not match.*\[sie\.ksumma\]'
python3 -c 'import json,sys; f=[f for f in json.load(open(sys.argv[1]))["files"] if f["format"]=="sie"][0]; assert f["checksum"]=="mismatch" and f["eligible"]==105, f' "$TMP/out" || fail "the changed file is still read, its checksum reported"
expect_exit 1 "$GK" ledger "$TMP/ex" -f json --strict --lang en

# Cut short before the closing #KSUMMA: refused (SIE 4B §10.6).
python3 - "$TMP/original.se" "$SE" <<'PY'
import sys
b = open(sys.argv[1], "rb").read()
open(sys.argv[2], "wb").write(b[: b.rindex(b"#KSUMMA ")])
PY
expect_exit 2 "$GK" ledger "$TMP/ex" -f json --lang en
expect_stderr 'region-skane\.se:2:1: error: the file opens a checksum \(#KSUMMA\) but has no closing #KSUMMA.*\[sie\.truncated\]'
expect_exit 2 "$GK" budget "$TMP/ex" --as-of 2022-11-30 -f json --lang en
finish
