#!/usr/bin/env bash
# `-o FILE` is written atomically (CLI.md): a temporary file beside FILE, renamed over it once
# complete. A run killed while it writes (SIGXFSZ from a file-size limit: deterministic, unlike a
# timed SIGKILL) leaves the previous FILE intact; a run whose writes fail (the same limit with the
# signal ignored: EFBIG) reports [io.write] once (libxlsxwriter's own log inside it, not beside
# it), exits 2, leaves FILE intact and no temporary file.
source "$(dirname "$0")/lib.bash"
EX="$SRC/examples/s2i2-sdk-2022"
OUT="$TMP/o"
mkdir "$OUT"

for fmt in xlsx html md; do
  target="$OUT/out.$fmt"
  printf 'previous %s\n' "$fmt" >"$target"
  cp "$target" "$TMP/previous"

  # Killed mid-write: the file-size limit (8 KiB) is far below the report's size.
  got=0
  { ( ulimit -f 8; exec "$GK" report "$EX" --period 2022-10 -o "$target" --lang en ) >/dev/null 2>&1 || got=$?; } 2>/dev/null
  [ "$got" = 153 ] || fail "$fmt: the limited run was not killed by SIGXFSZ (exit $got)"
  cmp -s "$target" "$TMP/previous" || fail "$fmt: a killed run changed $target"
  # (A killed process cannot remove its hidden temporary file; clear it for the next check.)
  rm -f "$OUT"/.out."$fmt".tmp-*

  # Writes fail (EFBIG): an error, the old file untouched, nothing left behind.
  got=0
  ( trap '' XFSZ; ulimit -f 8; exec "$GK" report "$EX" --period 2022-10 -o "$target" --lang en ) >"$TMP/stdout" 2>"$TMP/err" || got=$?
  [ "$got" = 2 ] || fail "$fmt: a failed write exited $got, not 2"
  expect_stderr "out\.$fmt: error: .*\[io\.write\]"
  # One diagnostic per failure: libxlsxwriter's own [ERROR] lines are quoted inside io.write only.
  grep -q '^\[ERROR\]' "$TMP/err" && fail "$fmt: libxlsxwriter's own log reached stderr: $(grep '^\[ERROR\]' "$TMP/err" | head -2)"
  [ "$(grep -c '\[io\.write\]' "$TMP/err")" = 1 ] || fail "$fmt: not exactly one io.write finding"
  if [ "$fmt" = xlsx ]; then expect_stderr "out\.xlsx: error: .*\(libxlsxwriter: .*File too large\) \[io\.write\]"; fi
  cmp -s "$target" "$TMP/previous" || fail "$fmt: a failed write changed $target"
  leftovers=$(ls -A "$OUT" | grep -v "^out\.\(xlsx\|html\|md\)$" || true)
  [ -z "$leftovers" ] || fail "$fmt: left behind: $leftovers"

  # Unlimited: the file is replaced.
  expect_exit 0 "$GK" report "$EX" --period 2022-10 -o "$target" --lang en
  cmp -s "$target" "$TMP/previous" && fail "$fmt: not replaced"
  leftovers=$(ls -A "$OUT" | grep -v "^out\.\(xlsx\|html\|md\)$" || true)
  [ -z "$leftovers" ] || fail "$fmt: left behind after success: $leftovers"
done
python3 -c 'import zipfile,sys; assert zipfile.ZipFile(sys.argv[1]).testzip() is None' "$OUT/out.xlsx" || fail "out.xlsx is not a whole zip"
grep -q '</html>' "$OUT/out.html" || fail "out.html is not whole"

# A folder that does not exist: a clear error, exit 2.
expect_exit 2 "$GK" report "$EX" --period 2022-10 -o "$TMP/no/such/out.xlsx" --lang en
expect_stderr 'no/such/out\.xlsx: error: cannot create a file in .*\[io\.write\]'
# A single report as html: written the same way.
expect_exit 0 "$GK" budget "$EX" --period 2022-10 -f html -o "$OUT/budget.html" --lang en
grep -q '<svg' "$OUT/budget.html" || fail "budget -f html has no chart"
finish
