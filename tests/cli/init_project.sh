#!/usr/bin/env bash
# `grantkit init DIR` makes a project folder from the commented template (project.yaml,
# staff.yaml, empty ledger/ and time/) that `grantkit validate` accepts (exit 0, no errors), and
# never overwrites a project: a second init exits 2 and leaves the files as they were.
source "$(dirname "$0")/lib.bash"
P="$TMP/nytt projekt"

expect_exit 0 "$GK" init "$P" --lang en
for f in project.yaml staff.yaml; do [ -s "$P/$f" ] || fail "no $f"; done
for d in ledger time; do
  [ -d "$P/$d" ] || fail "no $d/"
  [ -z "$(ls -A "$P/$d")" ] || fail "$d/ is not empty"
done
grep -q '^schema: grantkit/project/1' "$P/project.yaml" || fail "project.yaml schema"
grep -q 'ÄNDRA' "$P/project.yaml" || fail "project.yaml is not commented"
grep -q 'validate' "$TMP/out" || fail "init does not say what to do next"

expect_exit 0 "$GK" validate "$P" --lang en
grep -q ': error:' "$TMP/err" && fail "validate finds errors in a new project"
# The budget report runs on it (nothing booked yet).
expect_exit 0 "$GK" budget "$P" --as-of 2023-06-30 -f json --lang en
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["total"]["budget"]==1000000 and r["total"]["outcome_to_date"]==0, r["total"]' "$TMP/out" || fail "budget of a new project"

# Never overwrite.
echo "# mine" >>"$P/project.yaml"
cp "$P/project.yaml" "$TMP/mine.yaml"
expect_exit 2 "$GK" init "$P" --lang en
expect_stderr 'project\.yaml: error: project\.yaml already exists; init never overwrites a project.*\[init\.exists\]'
cmp -s "$P/project.yaml" "$TMP/mine.yaml" || fail "init changed an existing project.yaml"
# A folder with only a staff.yaml is refused as well.
mkdir "$TMP/half"
echo "schema: grantkit/staff/1" >"$TMP/half/staff.yaml"
expect_exit 2 "$GK" init "$TMP/half" --lang en
[ ! -e "$TMP/half/project.yaml" ] || fail "init wrote project.yaml beside an existing staff.yaml"
# DIR is required.
expect_exit 2 "$GK" init --lang en

# The default rule set is erdf-2021-2027; --programme picks another bundled one, and that project
# validates and reports too.
grep -q '^  programme: erdf-2021-2027 ' "$P/project.yaml" || fail "the default programme is not erdf-2021-2027"
expect_exit 0 "$GK" init "$TMP/gammalt" --programme erdf-2014-2020 --lang en
grep -q '^  programme: erdf-2014-2020 ' "$TMP/gammalt/project.yaml" || fail "--programme erdf-2014-2020 not written"
grep -q 'erdf-2014-2020' "$TMP/out" || fail "init does not say which rule set"
expect_exit 0 "$GK" validate "$TMP/gammalt" --lang en
grep -q ': error:' "$TMP/err" && fail "validate finds errors in a new 2014–2020 project"
expect_exit 0 "$GK" budget "$TMP/gammalt" --as-of 2023-06-30 -f json --lang en
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["total"]["budget"]==1000000, r["total"]' "$TMP/out" || fail "budget of a new 2014–2020 project"
# An unknown rule set is refused, listing the bundled ones, and nothing is written.
expect_exit 2 "$GK" init "$TMP/okant" --programme erdf-2028-2034 --lang en
expect_stderr "'erdf-2028-2034' is not a bundled rule set .*erdf-2014-2020, erdf-2021-2027.*\\[cli\\.usage\\]"
[ ! -e "$TMP/okant/project.yaml" ] || fail "init wrote a project on an unknown rule set"
finish
