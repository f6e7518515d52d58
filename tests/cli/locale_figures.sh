#!/usr/bin/env bash
# No figure depends on the locale: every report is byte for byte the same under LC_ALL=sv_SE.UTF-8
# (decimal comma, space grouping) as under LC_ALL=C. grantkit never sets a global locale
# (std::locale::global, setlocale of numbers), so the environment's cannot reach a number; this test keeps it
# so. scripts/setup generates sv_SE.UTF-8; without it the test fails rather than pass vacuously.
source "$(dirname "$0")/lib.bash"
EX="$SRC/examples/s2i2-sdk-2022"

locale -a 2>/dev/null | grep -qix 'sv_SE\.utf-\?8' ||
  { fail "the locale sv_SE.UTF-8 is not generated (locale -a lacks sv_SE.utf8): run scripts/setup"; finish; }
[ "$(LC_ALL=sv_SE.UTF-8 locale decimal_point)" = "," ] || fail "sv_SE.UTF-8 does not have a decimal comma here"

# The sources never set a global locale.
# The one setlocale allowed sets LC_MESSAGES, by a fixed name, so that gettext finds the
# catalogue --lang asks for (core/i18n.cpp); it never reads the environment's locale.
if grep -rnE 'locale::global|setlocale|std::locale\(""\)' "$SRC/lib" "$SRC/cli" |
  grep -vE 'i18n\.cpp:[0-9]+: *if \(std::setlocale\(LC_MESSAGES, name\) != nullptr\) \{$|i18n\.(cpp|hpp):[0-9]+: *//'; then
  fail "grantkit sets a global locale (above): figures would follow the user's environment"
fi

same() {  # same NAME ARGS...: the command's stdout and stderr are identical under both locales
  local name="$1"; shift
  local c_exit=0 sv_exit=0
  LC_ALL=C "$GK" "$@" >"$TMP/$name.c" 2>"$TMP/$name.c.err" || c_exit=$?
  LC_ALL=sv_SE.UTF-8 "$GK" "$@" >"$TMP/$name.sv" 2>"$TMP/$name.sv.err" || sv_exit=$?
  [ "$c_exit" = "$sv_exit" ] || fail "$name: exit $c_exit under C, $sv_exit under sv_SE.UTF-8"
  [ -s "$TMP/$name.c" ] || fail "$name: no output"
  cmp -s "$TMP/$name.c" "$TMP/$name.sv" || { fail "$name: stdout differs between C and sv_SE.UTF-8";
                                              diff "$TMP/$name.c" "$TMP/$name.sv" | head -5 >&2; }
  cmp -s "$TMP/$name.c.err" "$TMP/$name.sv.err" || fail "$name: stderr differs between C and sv_SE.UTF-8"
}
same budget-json budget "$EX" --as-of 2022-11-30 -f json
same budget-category-json budget "$EX" --as-of 2022-11-30 --by category -p 2022-Q3 --monthly -f json
same budget-csv budget "$EX" --as-of 2022-11-30 -f csv --csv-dialect excel-sv
same budget-md budget "$EX" --as-of 2022-11-30 -f md
same ledger-json ledger "$EX" -f json
same cofinancing-json cofinancing "$EX" --as-of 2022-11-30 -f json
same time-json time "$EX" --as-of 2022-11-30 -p 2022 -f json
same claim-json claim "$EX" --as-of 2022-11-30 -p 2022-H1 -f json
# And the figures are what they are: a budget of 2 945 000 kr is written 2945000 in JSON.
grep -q '"budget": 2945000' "$TMP/budget-json.sv" || fail "the JSON total budget is not 2945000"
finish
