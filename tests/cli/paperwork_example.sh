#!/usr/bin/env bash
# `grantkit paperwork examples/s2i2-sdk-2022 --period 2022-H1 -o DIR`: Min ansökan's expense CSV
# read back with the Swedish Excel dialect's rules (BOM stripped, `;`, decimal comma) has its eight
# columns; the sum of `Belopp` equals the claim's booked eligible costs of the period (`grantkit
# claim -f json`, transactions_total) to the öre; the lines are exactly the claim's transactions
# summed per voucher and account (a voucher split over two accounts is two lines); no excluded row
# appears, nor a booked cost that a flat rate covers; one file per organisation; the comma
# variant; the folder is written whole or not at all (refused when it exists, --force replaces).
source "$(dirname "$0")/lib.bash"
EX="$SRC/examples/s2i2-sdk-2022"
OUT="$TMP/claim-2022-h1"

# A copy of the example with one more row: social charges booked in the period, which the payroll
# overhead flat rate covers (ledger.covered-by-flat-rate): it must never reach Min ansökan.
cp -r "$EX" "$TMP/ex"
python3 - "$TMP/ex/ledger/skanes-kommuner.csv" <<'PY'
import sys
p = sys.argv[1]
with open(p, "a", encoding="cp1252", newline="") as f:
    f.write("2022-03-25;2022-900;7510;Arbetsgivaravgifter;7 318,19;Arbetsgivaravgifter mars 2022;;A3.3;;;2022-03-25\r\n")
PY

expect_exit 0 "$GK" paperwork "$TMP/ex" --period 2022-H1 -o "$OUT" --lang en
expect_stderr 'skanes-kommuner\.csv:[0-9]+(:[0-9]+)?: warning: .*Arbetsgivaravgifter mars 2022.*\[ledger\.covered-by-flat-rate\]'
[ -d "$OUT" ] || fail "no folder written"
ls -A "$TMP" | grep -q '^\.claim-2022-h1\.grantkit-' && fail "a temporary folder was left behind"
expect_exit 0 "$GK" claim "$TMP/ex" --period 2022-H1 -f json --lang en
cp "$TMP/out" "$TMP/claim.json"

python3 - "$OUT" "$TMP/claim.json" <<'PY' || fail "the expense CSV does not match the claim"
import csv, io, json, pathlib, sys
from collections import Counter
from decimal import Decimal

out, claim = pathlib.Path(sys.argv[1]), json.load(open(sys.argv[2]), parse_float=Decimal)
COLUMNS = ["Ver.nr", "Ver.text", "Bokförd", "Betalad", "Konto", "Kontonamn", "Leverantör", "Belopp"]

def ore(text):  # Swedish Excel: decimal comma, no grouping
    assert "." not in text and " " not in text, text
    return int(Decimal(text.replace(",", ".")) * 100)

# The expense rows and the booked staff costs: each booked cost in exactly one file; together the
# claim's transaction list.
files = sorted(out.glob("utgifter*.csv")) + sorted(out.glob("personal-verifikationer*.csv"))
names = [f.name for f in files]
assert names == ["utgifter-region-skane.csv", "utgifter-skanes-kommuner.csv",
                 "personal-verifikationer-region-skane.csv", "personal-verifikationer-skanes-kommuner.csv"], names
lines = []
for f in files:
    raw = f.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{f.name}: no UTF-8 BOM"
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), f"{f.name}: not CRLF throughout"
    text = raw[3:].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == COLUMNS, rows[0]
    for r in rows[1:]:
        assert len(r) == 8, (f.name, r)
        rec = dict(zip(COLUMNS, r))
        assert rec["Belopp"] != "" and rec["Konto"] != "", rec  # empty numeric columns are 0
        lines.append((f.name, rec))
        # Booked salaries (account group 50, Kommun-Bas; 70, BAS) only in the staff file.
        staff_file = f.name.startswith("personal-verifikationer")
        salary = rec["Kontonamn"].startswith("Lön")
        assert staff_file == salary, (f.name, rec)

total = sum(ore(rec["Belopp"]) for _, rec in lines)
want = claim["transactions_total"]["amount"]
assert total == int(want * 100), f"sum of Belopp {total} öre, claim {want} kr"

# Exactly the claim's transactions, summed per voucher and account.
per_key = Counter()
for t in claim["transactions"]:
    per_key[(t["voucher"], t["account"])] += int(t["amount"] * 100)
got = Counter()
for _, rec in lines:
    key = (rec["Ver.nr"], rec["Konto"])
    assert key not in got, f"voucher {key} on one account listed twice"
    got[key] = ore(rec["Belopp"])
assert got == per_key, set(got.items()) ^ set(per_key.items())

# A voucher split over two accounts is two lines (the travel agency's invoice: flight and hotel).
accounts = {}
for _, rec in lines:
    accounts.setdefault(rec["Ver.nr"], []).append(rec["Konto"])
split = {v: a for v, a in accounts.items() if len(a) > 1}
assert split.get("RS22-0005") == ["7010", "7020"], split
assert all(len(set(a)) == len(a) for a in accounts.values())

# No excluded row: neither the claim's exclusions nor the flat-rate-covered social charges.
excluded = {e["voucher"] for e in claim["excluded"]}
assert {"2022-013", "AP22-0001", "AP22-0002", "2022-900"} <= excluded, excluded
listed = {rec["Ver.nr"] for _, rec in lines}
assert not (listed & excluded), listed & excluded
assert not any(rec["Konto"] == "7510" for _, rec in lines)

# Dates as YYYY-MM-DD; Skånes Kommuner's list carries the payment dates of its ledger.
for name, rec in lines:
    assert len(rec["Bokförd"]) == 10 and rec["Bokförd"][4] == "-", rec
    if name == "utgifter-skanes-kommuner.csv":
        assert rec["Betalad"] >= rec["Bokförd"], rec
    # The period's rows, and the late costs the claim lists: December 2021, which request 1
    # (2021-06..2021-11) did not cover and no request since has (claim.gap).
    late = {t["voucher"] for t in claim["transactions"] if t["late_from"] is not None}
    if rec["Ver.nr"] in late:
        assert "2021-12-01" <= rec["Bokförd"] <= "2021-12-31", rec
    else:
        assert "2022-01-01" <= rec["Bokförd"] <= "2022-06-30", rec
assert late, "the claim of 2022-H1 names December 2021's costs (no request covered them)"
PY

python3 - "$OUT" <<'PY' || fail "the other files of the folder"
import csv, io, pathlib, sys
out = pathlib.Path(sys.argv[1])
names = sorted(p.name for p in out.iterdir())
persons = ["processledning-region-skane", "projektadministrator-skanes-kommuner", "kommunikator-skanes-kommuner",
           "kontaktperson-malmo", "kontaktperson-helsingborg", "kontaktperson-landskrona",
           "kontaktperson-tomelilla", "kontaktperson-simrishamn"]
want = {".grantkit-paperwork", "index.html", "ansokan.html", "personalkostnader.csv", "indikatorer.csv",
        "utgifter-region-skane.csv", "utgifter-skanes-kommuner.csv",
        "personal-verifikationer-region-skane.csv", "personal-verifikationer-skanes-kommuner.csv"}
want |= {f"tidrapport-{p}.{x}" for p in persons for x in ("html", "csv")}
want |= {f"intyg-arbetstid-{p}.html" for p in persons}
want |= {f"bidrag-i-annat-an-pengar-{f}.html" for f in ["tomelilla", "landskrona", "malmo", "helsingborg", "simrishamn"]}
assert set(names) == want, set(names) ^ want

def read(name):
    return list(csv.DictReader(io.StringIO((out / name).read_bytes()[3:].decode("utf-8"), newline=""), delimiter=";"))

staff = read("personalkostnader.csv")
assert [r["Person (roll)"] for r in staff] == persons, staff
assert all(r["Personnummer"] == "" for r in staff), "personal identity numbers are never filled in"
lead = staff[0]
# 50 % × 51 400 kr × 6 months; 50 % × 143 h 20 min × 6 = 430 h; 51 400 × 12 / 1 720 = 358,60 kr/h.
assert (lead["Kostnad"], lead["Timmar"], lead["Timpris"], lead["Startdatum i projektet"]) == \
    ("154200,00", "430", "358,60", "2021-06-01"), lead
# Landskrona's contact person reported nothing for May and June 2022: 4 months of time reports.
months = {r["Månad"] for r in read("tidrapport-kontaktperson-landskrona.csv")}
assert months == {"2022-01", "2022-02", "2022-03", "2022-04"}, months
html = (out / "intyg-arbetstid-processledning-region-skane.html").read_text(encoding="utf-8")
assert "430 h" in html and "50 %" in html and "Underskrift medarbetare" in html, "attestation"
kind = (out / "bidrag-i-annat-an-pengar-malmo.html").read_text(encoding="utf-8")
# 20 % × 30 000 kr × 6 months, and 45,24 % on it.
assert "36 000,00 kr" in kind and "16 286,40 kr" in kind and "52 286,40 kr" in kind, "in-kind summary"
assert "Underskrift behörig företrädare för Malmö stad" in kind
PY

# The comma-separated variant: commas, dot decimal, no BOM; the same total.
expect_exit 0 "$GK" paperwork "$TMP/ex" --period 2022-H1 -o "$TMP/comma" --csv-dialect rfc4180 --lang en
python3 - "$TMP/comma" "$TMP/claim.json" <<'PY' || fail "the comma-separated variant"
import csv, json, pathlib, sys
from decimal import Decimal
out, claim = pathlib.Path(sys.argv[1]), json.load(open(sys.argv[2]), parse_float=Decimal)
total = 0
for f in sorted(out.glob("utgifter*.csv")) + sorted(out.glob("personal-verifikationer*.csv")):
    raw = f.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8").splitlines(), delimiter=","))
    assert rows[0][0] == "Ver.nr" and all(len(r) == 8 for r in rows), f.name
    total += sum(int(Decimal(r[7]) * 100) for r in rows[1:])
assert total == int(claim["transactions_total"]["amount"] * 100), total
PY

# Written whole or not at all: an existing folder is refused and left as it was; --force replaces
# an earlier paperwork whose files are all in its manifest, unchanged; a file a person added (a
# signed scan) or changed is never deleted: paperwork.foreign-files names it; the project folder is
# never a target.
before="$(ls -A "$OUT" | md5sum)"
expect_exit 2 "$GK" paperwork "$TMP/ex" --period 2022-H1 -o "$OUT" --lang en
expect_stderr 'claim-2022-h1: error: .*exists.*--force.*\[paperwork\.exists\]'
[ "$(ls -A "$OUT" | md5sum)" = "$before" ] || fail "the refused folder was changed"
grep -q '^manifest: sha256$' "$OUT/.grantkit-paperwork" || fail "the marker has no manifest"
[ "$(grep -cE '^[0-9a-f]{64}  ' "$OUT/.grantkit-paperwork")" = "$(ls "$OUT" | wc -l)" ] ||
  fail "the manifest does not list every file written"
echo "signed" >"$OUT/intyg-signerat.pdf"
expect_exit 2 "$GK" paperwork "$TMP/ex" --period 2022-H1 -o "$OUT" --force --lang en
expect_stderr 'claim-2022-h1: error: .*intyg-signerat\.pdf.*\[paperwork\.foreign-files\]'
[ "$(cat "$OUT/intyg-signerat.pdf")" = signed ] || fail "--force deleted a file a person added"
rm "$OUT/intyg-signerat.pdf"
echo "edited" >>"$OUT/index.html"
expect_exit 2 "$GK" paperwork "$TMP/ex" --period 2022-H1 -o "$OUT" --force --lang en
expect_stderr 'index\.html.*\[paperwork\.foreign-files\]'
grep -q edited "$OUT/index.html" || fail "--force replaced a changed file"
sed -i '$d' "$OUT/index.html"
expect_exit 0 "$GK" paperwork "$TMP/ex" --period 2022-H1 -o "$OUT" --force --lang en
[ -e "$OUT/index.html" ] || fail "--force did not write the new folder"
expect_exit 2 "$GK" paperwork "$TMP/ex" --period 2022-H1 -o "$TMP/ex" --force --lang en
expect_stderr 'error: .*\[io\.output-is-input\]'
[ -e "$TMP/ex/project.yaml" ] || fail "the project folder was replaced"
[ "$(ls -A "$TMP" | grep -c grantkit-)" = 0 ] || fail "temporary folders left behind: $(ls -A "$TMP")"

# Usage: the period and the folder are required.
expect_exit 2 "$GK" paperwork "$TMP/ex" -o "$TMP/x" --lang en
expect_exit 2 "$GK" paperwork "$TMP/ex" --period 2022-H1 --lang en
finish
