#!/usr/bin/env bash
# Runs the bad-input corpus: every folder here with an `expect` file is one case, a small project
# holding one broken file. CTest runs each case as `bad-input.<folder>`; by hand:
#
#   tests/bad-inputs/run.sh build/cli/grantkit                      # every case
#   tests/bad-inputs/run.sh build/cli/grantkit tests/bad-inputs/csv-short-row
#
# `expect` (one key per line, `#` starts a comment):
#   command: SUBCOMMAND ARGS…   grantkit SUBCOMMAND PROJECT_DIR ARGS… --lang en (split on blanks;
#                               the findings in English, the source text of the messages, so that
#                               stderr-contains quotes them as the code writes them)
#   dir: PATH                   the project folder inside the case (default: the case folder itself)
#   exit: N                     the exit code CLI.md prescribes
#   rule: ID                    a diagnostic `FILE:LINE:COL: error|warning|info: MESSAGE [ID]` on stderr,
#                               FILE inside the case; several `rule:` lines may be given
#   rule: ID @file              the same without LINE:COL (a finding about a whole file or folder)
#   diagnostics: N              exactly N diagnostics on stderr (one message per fault)
#   stderr-contains: TEXT       stderr holds TEXT (fixed text; may be given several times)
#   stdout-contains: TEXT       stdout holds TEXT (fixed text; may be given several times)
#   fifo: PATH                  made a FIFO (mkfifo) in the case's copy before the run (git keeps
#                               no FIFOs); nothing ever writes to it, so reading it would hang
#   stdout-lacks: TEXT          stdout does not hold TEXT (fixed text; may be given several times)
#   stdout-no-control: true     stdout holds no control character but line ends (LF, CRLF)
#
# Every case also checks: each stderr line is a diagnostic in the form above (or the `note:` that
# counts the diagnostics not shown); stderr holds no control character but the line end; no
# "internal error", no crash, no sanitizer report, no hang (60 s); the input files are left
# exactly as they were and nothing is written beside them.
set -uo pipefail
GK="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shift
HERE="$(cd "$(dirname "$0")" && pwd)"
if [ $# -eq 0 ]; then
  set -- "$HERE"/*/
fi
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
total_failed=0

run_case() {
  local src="${1%/}" name failed=0
  name="$(basename "$src")"
  fail() { echo "FAIL $name: $*" >&2; failed=1; }
  if [ ! -f "$src/expect" ]; then
    echo "FAIL $name: no expect file" >&2
    return 1
  fi
  local command="" dir="." want_exit="" want_count=""
  local -a rules=() stderr_has=() stdout_has=() fifos=() stdout_lacks=()
  local stdout_no_control=""
  local key value
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line%$'\r'}"
    case "$line" in ''|'#'*) continue ;; esac
    key="${line%%:*}"
    value="${line#*:}"
    value="${value#"${value%%[![:space:]]*}"}"
    case "$key" in
      command) command="$value" ;;
      dir) dir="$value" ;;
      exit) want_exit="$value" ;;
      rule) rules+=("$value") ;;
      diagnostics) want_count="$value" ;;
      stderr-contains) stderr_has+=("$value") ;;
      stdout-contains) stdout_has+=("$value") ;;
      fifo) fifos+=("$value") ;;
      stdout-lacks) stdout_lacks+=("$value") ;;
      stdout-no-control) stdout_no_control="$value" ;;
      *) fail "expect: unknown key '$key'" ;;
    esac
  done <"$src/expect"
  [ -n "$command" ] || fail "expect: no command:"
  [ -n "$want_exit" ] || fail "expect: no exit:"
  [ ${#rules[@]} -gt 0 ] || [ "$want_exit" = 0 ] || fail "expect: a failing case names its rule:"
  [ "$failed" = 0 ] || return 1

  # A private copy: the runs never touch the source tree, and changes to the input show.
  local work="$TMP/$name"
  rm -rf "$work"
  cp -a "$src" "$work"
  rm -f "$work/expect"
  local fifo
  for fifo in "${fifos[@]}"; do
    mkdir -p "$(dirname "$work/$fifo")"
    mkfifo "$work/$fifo" || fail "cannot make the FIFO $fifo"
  done
  local before
  before="$(cd "$work" && find . -print0 | sort -z | xargs -0 ls -ld --time-style=+%s.%N 2>/dev/null; cd "$work" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum)"

  local -a args
  read -r -a args <<<"$command"
  local sub="${args[0]}"
  local got=0
  local project="$name"
  [ "$dir" = "." ] || project="$name/$dir"
  (cd "$TMP" && exec timeout 60 "$GK" "$sub" "$project" "${args[@]:1}" --lang en) >"$TMP/$name.out" 2>"$TMP/$name.err" || got=$?
  local err="$TMP/$name.err" out="$TMP/$name.out"

  [ "$got" != 124 ] || fail "grantkit did not finish within 60 s"
  [ "$got" = "$want_exit" ] || fail "exit $got, wanted $want_exit"
  if grep -Eq 'internal error|Sanitizer|runtime error:|terminate called|Segmentation fault|Aborted|core dumped' "$err"; then
    fail "a crash, internal error or sanitizer report"
  fi
  # Every line: a diagnostic with its rule id, or the note counting those not shown.
  local diag_re='^.+: (error|warning|info): .+ \[[a-z0-9]+(\.[a-z0-9-]+)+\]$'
  local bad_lines
  bad_lines="$(grep -Ev "$diag_re" "$err" | grep -Ev '^note: [0-9]+ more findings of \[[a-z0-9.-]+\] not shown' || true)"
  [ -z "$bad_lines" ] || fail "stderr lines that are not diagnostics: $(echo "$bad_lines" | head -3)"
  # A finding never carries a raw control character (CR, ESC, …) to the terminal.
  if LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$err"; then
    fail "a control character on stderr: $(LC_ALL=C grep -n $'[\x01-\x09\x0b-\x1f\x7f]' "$err" | head -2 | cat -v)"
  fi
  local entry rule mode placed_re
  for entry in "${rules[@]}"; do
    rule="${entry%% *}"
    mode=""
    [ "$rule" = "$entry" ] || mode="${entry#* }"
    local rule_re="${rule//./\\.}"
    case "$mode" in
      '') placed_re="^${name}(/[^:]+)?:[0-9]+:[0-9]+: (error|warning|info): .+ \[${rule_re}\]$" ;;
      @file) placed_re="^${name}(/[^:]+)?: (error|warning|info): .+ \[${rule_re}\]$" ;;
      *) fail "expect: 'rule: $entry': the only qualifier is @file"; continue ;;
    esac
    grep -Eq "$placed_re" "$err" ||
      fail "no diagnostic [$rule] in the form ${mode:-FILE:LINE:COL}: FILE … [$rule]"
  done
  if [ -n "$want_count" ]; then
    local n
    n="$(grep -Ec "$diag_re" "$err" || true)"
    [ "$n" = "$want_count" ] || fail "$n diagnostics, wanted $want_count"
  fi
  local text
  for text in "${stderr_has[@]}"; do
    grep -Fq -- "$text" "$err" || fail "stderr lacks: $text"
  done
  for text in "${stdout_has[@]}"; do
    grep -Fq -- "$text" "$out" || fail "stdout lacks: $text"
  done
  for text in "${stdout_lacks[@]}"; do
    grep -Fq -- "$text" "$out" && fail "stdout holds: $text"
  done
  if [ "$stdout_no_control" = true ] && sed 's/\r$//' "$out" | LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]'; then
    fail "a control character on stdout: $(sed 's/\r$//' "$out" | LC_ALL=C grep -n $'[\x01-\x09\x0b-\x1f\x7f]' | head -2 | cat -v)"
  fi
  local after
  after="$(cd "$work" && find . -print0 | sort -z | xargs -0 ls -ld --time-style=+%s.%N 2>/dev/null; cd "$work" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum)"
  [ "$before" = "$after" ] || fail "the input folder changed: $(diff <(echo "$before") <(echo "$after") | head -5)"

  if [ "$failed" = 0 ]; then
    echo "ok $name (exit $got)"
  else
    echo "  command: grantkit $sub $project ${args[*]:1}" >&2
    sed 's/^/  stderr: /' "$err" | head -20 >&2
    return 1
  fi
}

for c in "$@"; do
  run_case "$c" || total_failed=$((total_failed + 1))
done
if [ "$total_failed" -gt 0 ]; then
  echo "$total_failed case(s) failed" >&2
  exit 1
fi
