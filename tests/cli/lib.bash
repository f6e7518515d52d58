# Shared helpers for CLI tests (sourced, not run). Each test gets $GK (the grantkit binary) and
# $SRC (the source folder) and a scratch folder $TMP removed at exit.
set -euo pipefail
GK="$1"
SRC="$2"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# expect_exit CODE CMD...: runs CMD, keeps stdout in $TMP/out and stderr in $TMP/err.
expect_exit() {
  local want="$1"; shift
  local got=0
  "$@" >"$TMP/out" 2>"$TMP/err" || got=$?
  if [ "$got" != "$want" ]; then
    fail "exit $got (wanted $want): $*"
    sed 's/^/  stderr: /' "$TMP/err" >&2
  fi
}
# expect_stderr REGEX: the last command's stderr matches (grep -E).
expect_stderr() { grep -Eq -- "$1" "$TMP/err" || { fail "stderr lacks /$1/"; sed 's/^/  stderr: /' "$TMP/err" >&2; }; }
# stderr_lines: how many lines the last command printed on stderr.
stderr_lines() { wc -l <"$TMP/err" | tr -d ' '; }
finish() {
  if [ "$failures" -gt 0 ]; then echo "$failures failed" >&2; exit 1; fi
  echo "ok"
}
