#!/usr/bin/env bash
# The example's owner ledger read from its SIE 4 export (ledger/region-skane.se: PC8, #KSUMMA,
# object lists, other projects' rows, an #RTRANS/#BTRANS correction) and from the same rows as a
# CSV (ledger-csv/region-skane.csv, read through ledger-csv/project.yaml) gives the same budget:
# every row and total of `grantkit budget --as-of 2022-11-30 -f json`, exactly, for each grouping.
source "$(dirname "$0")/lib.bash"
EX="$SRC/examples/s2i2-sdk-2022"
cp -r "$EX" "$TMP/sie"
cp -r "$EX" "$TMP/csv"
cp "$TMP/csv/ledger-csv/project.yaml" "$TMP/csv/project.yaml"

for by in activity category activity,category; do
  expect_exit 0 "$GK" budget "$TMP/sie" --as-of 2022-11-30 --by "$by" -f json
  cp "$TMP/out" "$TMP/sie.json"
  expect_exit 0 "$GK" budget "$TMP/csv" --as-of 2022-11-30 --by "$by" -f json
  cp "$TMP/out" "$TMP/csv.json"
  python3 - "$TMP/sie.json" "$TMP/csv.json" <<'PY' || fail "budget --by $by differs between the SIE and the CSV ledger"
import json, sys
sie, csv = (json.load(open(p)) for p in sys.argv[1:3])
ok = True
for key in ("rows", "total"):
    if sie[key] != csv[key]:
        print(f"{key}:\n  sie {sie[key]}\n  csv {csv[key]}")
        ok = False
if not sie["rows"] or sie["total"]["outcome_to_date"] in (0, None):
    print("nothing to compare"); ok = False
sys.exit(0 if ok else 1)
PY
done

# What each import read: the same rows kept, the SIE file's checksum verified, its struck row and
# the other projects' rows accounted for.
expect_exit 0 "$GK" ledger "$TMP/sie" -f json
cp "$TMP/out" "$TMP/sie-ledger.json"
if grep -q '\[sie\.' "$TMP/err"; then fail "the SIE export gives SIE findings"; sed 's/^/  stderr: /' "$TMP/err" >&2; fi
expect_exit 0 "$GK" ledger "$TMP/csv" -f json
cp "$TMP/out" "$TMP/csv-ledger.json"
python3 - "$TMP/sie-ledger.json" "$TMP/csv-ledger.json" <<'PY' || fail "ledger reports disagree"
import json, sys
sie, csv = (json.load(open(p)) for p in sys.argv[1:3])
s = next(f for f in sie["files"] if f["file"] == "ledger/region-skane.se")
c = next(f for f in csv["files"] if f["file"] == "ledger-csv/region-skane.csv")
ok = True
def want(cond, what):
    global ok
    if not cond:
        print(what); ok = False
want(s["format"] == "sie" and s["encoding"] == "cp437", f"sie file read as {s['format']}/{s['encoding']}")
want(s["checksum"] == "ok", f"checksum {s['checksum']}")
want(s["removed_rows"] == 1, f"struck rows {s['removed_rows']}")
want(s["eligible"] == c["eligible"], f"eligible rows: sie {s['eligible']}, csv {c['eligible']}")
want(s["vouchers"] == c["vouchers"] + 4, f"vouchers: sie {s['vouchers']}, csv {c['vouchers']} (+4 of other projects)")
want((s["from"], s["to"]) == (c["from"], c["to"]), "periods differ")
rules = {r["rule"]: r["rows"] for r in sie["excluded_by_rule"] if r["file"] == "ledger/region-skane.se"}
want(rules == {"ledger.not-this-project": 4, "ledger.outside-eligible-period": 1}, f"sie exclusions {rules}")
rules = {r["rule"]: r["rows"] for r in csv["excluded_by_rule"] if r["file"] == "ledger-csv/region-skane.csv"}
want(rules == {"ledger.outside-eligible-period": 1}, f"csv exclusions {rules}")
# The cost accounts sum alike (the SIE file adds counter-entries and other projects' rows).
acc = lambda doc, f: {a["account"]: a["sum"] for a in doc["accounts"] if a["file"] == f}
sa, ca = acc(sie, "ledger/region-skane.se"), acc(csv, "ledger-csv/region-skane.csv")
others = {"7460": 45000 + 12500, "7010": 3450, "6540": 9900}
for account, total in ca.items():
    if account in ("3530", "3541"):  # co-financing and aid paid out: positive in the CSV, a credit in the SIE file
        want(sa[account] == -total, f"{account}: sie {sa[account]}, csv {total}")
        continue
    want(round(sa[account] - others.get(account, 0), 2) == total, f"{account}: sie {sa[account]}, csv {total}")
names = {a["account"]: a["name"] for a in sie["accounts"]}
want(names["5020"] == "Löner tillsvidareanställda" and names["7170"] == "Måltider och fika vid möten", "CP437 names")
sys.exit(0 if ok else 1)
PY
finish
