#!/usr/bin/env bash
# Every JSON document grantkit writes validates against its JSON Schema in docs/schema/ (draft
# 2020-12, python3-jsonschema): every report (each --by, --monthly) and validate, for every
# example under examples/, the seed project data/s2i2-sdk (mostly unknown figures: nulls) and a
# project that cannot be read. A schema that changes without its version fails too, and so does a
# schema that would accept a wrong document.
source "$(dirname "$0")/lib.bash"
SCHEMAS="$SRC/docs/schema"
CHECK="$SRC/tests/cli/schema_check.py"
python3 -c 'import jsonschema' 2>/dev/null || { fail "python3-jsonschema is missing (scripts/setup installs it)"; finish; }

python3 "$CHECK" "$SCHEMAS" --versions || fail "docs/schema/versions.txt does not match the schemas"

n=0
# doc NAME CMD...: writes CMD's stdout to $TMP/docs/NAME.json (exit 0 or 1 expected).
doc() {
  local name="$1"; shift
  local rc=0
  "$@" >"$TMP/docs/$name.json" 2>"$TMP/err" || rc=$?
  [ "$rc" -le 1 ] || { fail "exit $rc: $*"; sed 's/^/  stderr: /' "$TMP/err" >&2; }
  n=$((n + 1))
}
mkdir -p "$TMP/docs"
i=0
for P in "$SRC"/examples/*/ "$SRC/data/s2i2-sdk/"; do
  [ -f "$P/project.yaml" ] || continue
  i=$((i + 1))
  "$GK" validate "$P" -f json >"$TMP/v.json" 2>/dev/null || true
  AS_OF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["as_of"])' "$TMP/v.json")
  Y=${AS_OF%%-*}
  for by in activity category activity,category; do
    doc "$i-budget-$by" "$GK" budget "$P" --as-of "$AS_OF" --by "$by" -f json
    doc "$i-budget-$by-monthly" "$GK" budget "$P" --as-of "$AS_OF" --period "$Y" --by "$by" --monthly -f json
  done
  doc "$i-staffing" "$GK" staffing "$P" --as-of "$AS_OF" -f json
  doc "$i-time" "$GK" time "$P" --as-of "$AS_OF" --period "$Y" -f json
  doc "$i-time-person" "$GK" time "$P" --as-of "$AS_OF" --period "$Y" --by person -f json
  doc "$i-time-monthly" "$GK" time "$P" --as-of "$AS_OF" --period "$Y" --monthly -f json
  doc "$i-time-person-monthly" "$GK" time "$P" --as-of "$AS_OF" --period "$Y" --by person --monthly -f json
  # The year before too: the default as-of may be the project's last day, in a year of few rows.
  doc "$i-time-prev" "$GK" time "$P" --as-of "$AS_OF" --period "$((Y - 1))" -f json
  doc "$i-claim-prev" "$GK" claim "$P" --as-of "$AS_OF" --period "$((Y - 1))" -f json
  doc "$i-cofinancing" "$GK" cofinancing "$P" --as-of "$AS_OF" -f json
  doc "$i-claim" "$GK" claim "$P" --as-of "$AS_OF" --period "$Y" -f json
  doc "$i-claim-h1" "$GK" claim "$P" --as-of "$AS_OF" --period "$Y-H1" -f json
  doc "$i-ledger" "$GK" ledger "$P" --as-of "$AS_OF" -f json
  doc "$i-indicators" "$GK" indicators "$P" --as-of "$AS_OF" -f json
  # The monthly report: with a claim section (a half-year) and with the period's transactions.
  doc "$i-report-h1" "$GK" report "$P" --as-of "$AS_OF" --period "$Y-H1" -f json
  doc "$i-report-month" "$GK" report "$P" --as-of "$AS_OF" --period "${AS_OF%-*}" -f json
  doc "$i-validate" "$GK" validate "$P" --as-of "$AS_OF" -f json
  doc "$i-validate-period" "$GK" validate "$P" --as-of "$AS_OF" --period "$Y-H1" -f json
done
[ "$i" -ge 2 ] || fail "no example under examples/"
# A project that cannot be read: validate's document still, with project and as_of null.
mkdir -p "$TMP/broken"
printf 'schema: grantkit/project/1\nproject: {id: x\n' >"$TMP/broken/project.yaml"
"$GK" validate "$TMP/broken" -f json >"$TMP/docs/broken-validate.json" 2>/dev/null && fail "validate of a broken project exited 0"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["project"] is None and d["counts"]["errors"] >= 1, d' \
  "$TMP/docs/broken-validate.json" || fail "validate -f json of an unreadable project"

python3 "$CHECK" "$SCHEMAS" "$TMP"/docs/*.json || fail "documents that do not match their schema"

# The schemas are not toys: documents made wrong in one place each are refused.
python3 - "$TMP/docs" <<'PY' >"$TMP/wrong.list" || fail "could not make the wrong documents"
import json, pathlib, sys
d = pathlib.Path(sys.argv[1])
def make(name, pattern, change):
    # The first document of the pattern where the change applies (some lists are empty).
    for src in sorted(d.glob(pattern)):
        doc = json.loads(src.read_text(encoding="utf-8"))
        try:
            change(doc)
        except (IndexError, KeyError):
            continue
        out = d.parent / f"wrong-{name}.json"
        out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        print(out)
        return
make("money-as-text", "*-claim*.json", lambda x: x["transactions"][0].update(amount="12500.00"))
make("missing-key", "*-budget-activity.json", lambda x: x["rows"][0].pop("outcome_to_date"))
make("extra-key", "*-staffing.json", lambda x: x["rows"][0].update(salary=1))
make("bad-date", "*-ledger.json", lambda x: x["excluded"][0].update(date="20.05.2021"))
make("bad-flag", "*-time*.json", lambda x: x["rows"][0].update(flags=["Deviation!"]))
make("bad-severity", "*-validate.json", lambda x: x["diagnostics"][0].update(severity="fatal"))
make("counts-missing", "*-validate.json", lambda x: x.pop("counts"))
make("wrong-version", "*-cofinancing.json", lambda x: x.update(schema="grantkit/cofinancing/2"))
make("section-wrong", "*-report-*.json", lambda x: x["sections"]["budget_activity"]["rows"][0].update(budget="many"))
make("aid-missing", "*-claim.json", lambda x: x.pop("aid"))
PY
while read -r wrong; do
  python3 "$CHECK" "$SCHEMAS" "$wrong" >/dev/null && fail "the schema accepts $(basename "$wrong")"
  true
done <"$TMP/wrong.list"
[ "$(wc -l <"$TMP/wrong.list")" = 10 ] || fail "not every wrong document was made: $(cat "$TMP/wrong.list" | xargs -n1 basename | tr "\n" " ")"
echo "$n documents checked"
finish
