#!/usr/bin/env bash
# validate is the gate: for every example, the rule ids it prints are exactly the union of those
# that budget (each grouping), time, staffing, cofinancing, indicators and claim print for the
# same --as-of (and --period); a time report it did not read would show here. Info findings
# count too (-v everywhere).
source "$(dirname "$0")/lib.bash"

ids() { grep -o '\[[a-z0-9.-]*\]$' "$TMP/err" | sort -u; }
# run CMD...: the rule ids CMD prints on stderr (any exit code but 3).
run() {
  local rc=0
  "$@" -v >"$TMP/out" 2>"$TMP/err" || rc=$?
  [ "$rc" -le 2 ] || fail "exit $rc: $*"
  ids
}

n=0
for EX in "$SRC"/examples/*/; do
  [ -f "$EX/project.yaml" ] || continue
  n=$((n + 1))
  # The as-of date validate takes by default (today clipped to the project period), then given to
  # every command explicitly; the period is the half-year holding it (a payment request's).
  "$GK" validate "$EX" -f json >"$TMP/v.json" 2>/dev/null || true
  LAST=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["as_of"])' "$TMP/v.json")
  # That date and the same day a year before (mid-project: more months of time reports judged).
  for AS_OF in "$LAST" "$((${LAST%%-*} - 1))-$(echo "$LAST" | cut -d- -f2)-28"; do
  Y=${AS_OF%%-*}
  M=$((10#$(echo "$AS_OF" | cut -d- -f2)))
  if [ "$M" -le 6 ]; then P="$Y-H1"; else P="$Y-H2"; fi
  for with_period in no yes; do
    popt=(); [ $with_period = yes ] && popt=(--period "$P")
    want=$(
      {
        for by in activity category activity,category; do run "$GK" budget "$EX" --as-of "$AS_OF" "${popt[@]}" --by "$by" -f json; done
        run "$GK" time "$EX" --as-of "$AS_OF" "${popt[@]}" -f json
        run "$GK" staffing "$EX" --as-of "$AS_OF" -f json
        run "$GK" cofinancing "$EX" --as-of "$AS_OF" "${popt[@]}" -f json
        run "$GK" indicators "$EX" --as-of "$AS_OF" -f json
        # claim needs a period; without --period, validate judges none, so claim.period,
        # claim.overlap and the request's basis in the register (claim.gap, claim.period-open,
        # claim.late-cost, claim.reported-changed, claim.reported-recomputed) are not expected.
        run "$GK" claim "$EX" --as-of "$AS_OF" --period "$P" -f json |
          if [ $with_period = yes ]; then cat; else grep -v '^\[claim\.\(period\|overlap\|gap\|period-open\|late-cost\|reported-changed\|reported-recomputed\)\]$' || true; fi
        if [ $with_period = yes ]; then
          # paperwork for the same period: its own findings (paperwork.no-salary) count too.
          rm -rf "$TMP/pw"
          run "$GK" paperwork "$EX" --as-of "$AS_OF" --period "$P" -o "$TMP/pw"
        fi
      } | sort -u
    )
    got=$(run "$GK" validate "$EX" --as-of "$AS_OF" "${popt[@]}")
    [ -n "$want" ] || fail "$EX: the reports printed no rule id at all: the test would prove nothing"
    if [ "$got" != "$want" ]; then
      fail "$EX (--as-of $AS_OF, --period: $with_period): validate's rule ids differ from the reports' union"
      diff <(echo "$want") <(echo "$got") | sed 's/^/  /' >&2
    fi
    # The summary line counts what was printed.
    run "$GK" validate "$EX" --as-of "$AS_OF" "${popt[@]}" >/dev/null
    errors=$(grep -Ec '(^|: )error: ' "$TMP/err" || true)
    warnings=$(grep -Ec '(^|: )warning: ' "$TMP/err" || true)
    grep -Eq "^$errors fel, $warnings (varning|varningar) i [0-9]+ (fil|filer)$" "$TMP/out" ||
      fail "$EX: summary '$(cat "$TMP/out")', wanted $errors fel, $warnings varningar"
  done
  done
done
[ "$n" -ge 1 ] || fail "no example under examples/"
finish
