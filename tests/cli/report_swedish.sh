#!/usr/bin/env bash
# One language per document: the Swedish report (--lang sv, the default) of every bundled example
# holds no English finding text, and --lang en gives the English source text, whatever the
# environment says (LANG=C with LC_ALL unset and LANGUAGE=fr; a Swedish locale with LANGUAGE=sv).
# Each finding is compared between the two languages: the same rules in the same order, the
# Swedish message differs from the English one and has no English words in it, and the Swedish
# HTML page shows the Swedish message and never the English one. Without its catalogue grantkit
# falls back to English and still works.
source "$(dirname "$0")/lib.bash"
hostile_sv=(env -u LC_ALL -u LC_MESSAGES LANG=C LANGUAGE=fr)
hostile_en=(env LC_ALL=sv_SE.UTF-8 LANG=sv_SE.UTF-8 LANGUAGE=sv:en)
run_ok() {  # exit 0 or 1 (findings), never 2 or 3
  local got=0
  "$@" >"$TMP/out" 2>"$TMP/err" || got=$?
  [ "$got" -le 1 ] || { fail "exit $got: $*"; sed 's/^/  stderr: /' "$TMP/err" | head -5 >&2; }
}
n=0
for case in "examples/s2i2-sdk-2022 2022-10" "data/s2i2-sdk 2022-10" "examples/kustturism-2024 2025-06"; do
  read -r dir period <<<"$case"
  n=$((n + 1))
  run_ok "${hostile_sv[@]}" "$GK" report "$SRC/$dir" --period "$period" -f json -o "$TMP/sv$n.json"
  run_ok "${hostile_sv[@]}" "$GK" report "$SRC/$dir" --period "$period" -o "$TMP/sv$n.html"
  cp "$TMP/err" "$TMP/sv$n.err"
  run_ok "${hostile_en[@]}" "$GK" report "$SRC/$dir" --period "$period" --lang en -f json -o "$TMP/en$n.json"
  python3 - "$TMP/sv$n.json" "$TMP/en$n.json" "$TMP/sv$n.html" "$TMP/sv$n.err" "$dir" <<'PY' || fail "$dir: English finding text in the Swedish report"
import html, json, re, sys
sv = json.load(open(sys.argv[1]))["diagnostics"]
en = json.load(open(sys.argv[2]))["diagnostics"]
page = html.unescape(open(sys.argv[3], encoding="utf-8").read())
stderr = open(sys.argv[4], encoding="utf-8").read()
name = sys.argv[5]
english = re.compile(r"\b(the|is|are|was|of|and|not|with|which|outside|above|below|booked|"
                     r"reported|planned|has|have|received|expected|elapsed|cannot|behind|"
                     r"paid|month|months|row|rows|excluded|covered|from|for|at|to)\b")
bad = 0
if not sv:
    print(f"{name}: no findings to compare", file=sys.stderr); bad += 1
if [d["rule"] for d in sv] != [d["rule"] for d in en]:
    print(f"{name}: the two languages give different findings", file=sys.stderr); bad += 1
for s, e in zip(sv, en):
    sm, em = s["message"], e["message"]
    words = english.findall(re.sub(r"'[^']*'", "", sm))  # quoted input text is the user's own
    if sm == em or words:
        bad += 1
        print(f"{name}: [{s['rule']}] English in Swedish: {sm!r} {words}", file=sys.stderr)
    if em in page:
        bad += 1
        print(f"{name}: the HTML shows the English message {em!r}", file=sys.stderr)
    if sm not in page:
        bad += 1
        print(f"{name}: the HTML lacks the Swedish message {sm!r}", file=sys.stderr)
print(f"{name}: {len(sv)} findings in Swedish", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
done
# English number style in English messages, Swedish in Swedish ones (full precision, öre kept).
grep -q '[0-9],[0-9][0-9][0-9] kr' <(python3 -c 'import json,sys; [print(d["message"]) for d in json.load(open(sys.argv[1]))["diagnostics"]]' "$TMP/en1.json") ||
  fail "no English-style amount (1,234 kr) in the English findings"
grep -q '[0-9] [0-9][0-9][0-9] kr' <(python3 -c 'import json,sys; [print(d["message"]) for d in json.load(open(sys.argv[1]))["diagnostics"]]' "$TMP/sv1.json") ||
  fail "no Swedish-style amount (1 234 kr) in the Swedish findings"
# Flags are Swedish labels with the rule id as the HTML title; the co-financing type is Swedish.
grep -q '<span class="flag" title="budget.over">över budget</span>' "$TMP/sv1.html" ||
  fail "the HTML report shows no flag as a Swedish label with its rule id as title"
grep -Eq '<td( class="nb")?>offentlig</td>' "$TMP/sv1.html" || fail "the co-financing type is not Swedish in the HTML"
# indikatorer.csv is meant for people: Swedish headers, never the JSON keys.
"$GK" paperwork "$SRC/examples/s2i2-sdk-2022" --period 2022-H1 -o "$TMP/pw" >/dev/null 2>&1 ||
  fail "paperwork failed"
head -1 "$TMP/pw/indikatorer.csv" | grep -q 'Indikator;.*Tid förfluten' ||
  fail "indikatorer.csv has no Swedish header: $(head -1 "$TMP/pw/indikatorer.csv")"
grep -q 'elapsed_pct' "$TMP/pw/indikatorer.csv" && fail "indikatorer.csv names a JSON key"
# Without its catalogue (the program copied where no locale folder is beside it) grantkit writes
# the English source text and works as before.
mkdir -p "$TMP/bare/bin"
cp "$GK" "$TMP/bare/bin/grantkit"
run_ok "${hostile_sv[@]}" "$TMP/bare/bin/grantkit" report "$SRC/examples/s2i2-sdk-2022" --period 2022-10 -f json -o "$TMP/bare.json"
python3 - "$TMP/bare.json" <<'PY' || fail "without the catalogue the messages are not the English source text"
import json, sys
a = [d["message"] for d in json.load(open(sys.argv[1]))["diagnostics"]]
sys.exit(0 if a and all(" the " in m or " of " in m or " is " in m for m in a[:3]) else 1)
PY
finish
