#!/usr/bin/env bash
# Outputs never destroy what grantkit did not write (docs/cli.md "Output files"):
# - `-o` naming one of the run's inputs (by any spelling: a hard link too) is io.output-is-input,
#   exit 2, nothing computed or written; paperwork's folder may not be or hold the project folder;
# - a regular file replaced keeps its mode (and, run as root, its owner);
# - a FIFO and a character device are written straight, never replaced; a folder is io.write;
# - /dev/stdout and /dev/null, in a private mount namespace with a fake /dev (never the real one).
# Every device and FIFO here lives in $TMP.
source "$(dirname "$0")/lib.bash"
P="$TMP/p"
cp -a "$SRC/examples/s2i2-sdk-2022" "$P"
snapshot() { (cd "$P" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
before="$(snapshot)"

# --- never write over an input
for input in ledger/skanes-kommuner.csv ledger/region-skane.se staff.yaml project.yaml time/2022.csv \
             claims.yaml indicators.yaml; do
  expect_exit 2 "$GK" budget "$P" --as-of 2022-11-30 -f json -o "$P/$input" --lang en
  expect_stderr "^$P/$input: error: the output is .*which this run reads.* \[io\.output-is-input\]$"
  [ "$(stderr_lines)" = 1 ] || fail "-o $input: $(stderr_lines) lines on stderr, wanted 1"
done
# Another spelling of the same file: a hard link, a relative path, a link.
ln "$P/time/2021.csv" "$TMP/hard-link.csv"
expect_exit 2 "$GK" report "$P" -p 2022-10 -f md -o "$TMP/hard-link.csv" --lang en
expect_stderr "time/2021\.csv, which this run reads.*\[io\.output-is-input\]"
ln -s "$P/ledger/skanes-kommuner.csv" "$TMP/sym.csv"
expect_exit 2 "$GK" claim "$P" -p 2022-H1 -o "$TMP/sym.csv" --lang en
expect_stderr "\[io\.output-is-input\]"
(cd "$P/ledger" && expect_exit 2 "$GK" budget .. --as-of 2022-11-30 -o ./skanes-kommuner.csv --lang en)
expect_stderr "\[io\.output-is-input\]"
# A rule set is an input too.
mkdir -p "$TMP/data/programmes" "$TMP/data/accounts"
cp "$SRC"/data/programmes/*.yaml "$TMP/data/programmes/"
cp "$SRC"/data/accounts/*.yaml "$TMP/data/accounts/"
GRANTKIT_DATA="$TMP/data" expect_exit 2 "$GK" budget "$P" --as-of 2022-11-30 -o "$TMP/data/accounts/kommun-bas.yaml" --lang en
expect_stderr "\[io\.output-is-input\]"
# Paperwork: the project folder, or a folder holding it, is never the target.
expect_exit 2 "$GK" paperwork "$P" -p 2022-H1 -o "$P" --force --lang en
expect_stderr "the output folder holds .*project\.yaml.*\[io\.output-is-input\]"
expect_exit 2 "$GK" paperwork "$P" -p 2022-H1 -o "$TMP" --force --lang en
expect_stderr "\[io\.output-is-input\]"
expect_exit 2 "$GK" paperwork "$P" -p 2022-H1 -o "$P/ledger" --force --lang en
expect_stderr "\[io\.output-is-input\]"
[ "$(snapshot)" = "$before" ] || fail "an input changed"
# Silent where the output is not an input.
expect_exit 0 "$GK" budget "$P" --as-of 2022-11-30 -f json -o "$P/budget.json" --lang en
grep -q '"rows"' "$P/budget.json" || fail "budget.json not written"
rm -f "$P/budget.json"

# --- a replaced file keeps its mode (and owner)
out="$TMP/private.json"
echo old >"$out"
chmod 600 "$out"
expect_exit 0 "$GK" budget "$P" --as-of 2022-11-30 -f json -o "$out" --lang en
[ "$(stat -c %a "$out")" = 600 ] || fail "mode $(stat -c %a "$out") after replacing a 0600 file"
grep -q '"rows"' "$out" || fail "private.json not replaced"
chmod 640 "$out"
expect_exit 0 "$GK" report "$P" -p 2022-10 -o "$TMP/private.xlsx" --lang en
chmod 640 "$TMP/private.xlsx"
expect_exit 0 "$GK" report "$P" -p 2022-10 -o "$TMP/private.xlsx" --lang en
[ "$(stat -c %a "$TMP/private.xlsx")" = 640 ] || fail "xlsx mode $(stat -c %a "$TMP/private.xlsx"), wanted 640"
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
  chown nobody "$out"
  expect_exit 0 "$GK" budget "$P" --as-of 2022-11-30 -f json -o "$out" --lang en
  [ "$(stat -c %U:%a "$out")" = nobody:640 ] || fail "owner/mode $(stat -c %U:%a "$out"), wanted nobody:640"
fi
# A link is followed: the file it leads to is replaced, the link stays a link.
echo old >"$TMP/target.json"
ln -s "$TMP/target.json" "$TMP/link.json"
expect_exit 0 "$GK" budget "$P" --as-of 2022-11-30 -f json -o "$TMP/link.json" --lang en
[ -L "$TMP/link.json" ] || fail "the link was replaced by a file"
grep -q '"rows"' "$TMP/target.json" || fail "the link's target was not written"

# --- a FIFO is written straight, and stays a FIFO
mkfifo "$TMP/out.fifo"
cat "$TMP/out.fifo" >"$TMP/from-fifo" &
reader=$!
expect_exit 0 timeout 60 "$GK" budget "$P" --as-of 2022-11-30 -f json -o "$TMP/out.fifo" --lang en
wait "$reader"
[ -p "$TMP/out.fifo" ] || fail "the FIFO was replaced"
grep -q '"rows"' "$TMP/from-fifo" || fail "nothing came through the FIFO"
mkfifo "$TMP/xlsx.fifo"
cat "$TMP/xlsx.fifo" >"$TMP/from-fifo.xlsx" &
reader=$!
expect_exit 0 timeout 60 "$GK" report "$P" -p 2022-10 -f xlsx -o "$TMP/xlsx.fifo" --lang en
wait "$reader"
[ -p "$TMP/xlsx.fifo" ] || fail "the xlsx FIFO was replaced"
[ "$(head -c 2 "$TMP/from-fifo.xlsx")" = PK ] || fail "the xlsx through the FIFO is not a zip"
ls -A "$TMP" | grep -q '\.tmp-' && fail "a temporary file was left: $(ls -A "$TMP")"

# --- a character device is written straight (mknod: root only)
if [ "$(id -u)" = 0 ] && mknod -m 666 "$TMP/null" c 1 3 2>/dev/null; then
  expect_exit 0 "$GK" report "$P" -p 2022-10 -o "$TMP/null" -f html --lang en
  [ -c "$TMP/null" ] || fail "the character device was replaced by a $(stat -c %F "$TMP/null")"
  expect_exit 0 "$GK" report "$P" -p 2022-10 -o "$TMP/null" -f xlsx --lang en
  [ -c "$TMP/null" ] || fail "the character device was replaced by xlsx"
else
  echo "skipped: character device (not root or no mknod)"
fi

# --- a folder is a clear error
mkdir "$TMP/a-folder"
expect_exit 2 "$GK" budget "$P" --as-of 2022-11-30 -f json -o "$TMP/a-folder" --lang en
expect_stderr "a-folder: error: .*is a folder.*\[io\.write\]"
[ -d "$TMP/a-folder" ] && [ -z "$(ls -A "$TMP/a-folder")" ] || fail "the folder changed"

# --- /dev/stdout and /dev/null in a private mount namespace with a fake /dev (root only)
if [ "$(id -u)" = 0 ] && unshare -m --propagation private true 2>/dev/null; then
  # shellcheck disable=SC2016
  unshare -m --propagation private bash -c '
    set -e
    mount -t tmpfs tmpfs /dev
    ln -s /proc/self/fd/1 /dev/stdout
    mknod -m 666 /dev/null c 1 3
    "$1" budget "$2" --as-of 2022-11-30 -f json -o /dev/stdout >"$3/via-stdout.json"
    "$1" report "$2" -p 2022-10 -o /dev/null -f xlsx
    "$1" budget "$2" --as-of 2022-11-30 -f json -o /dev/stdout | cat >"$3/via-pipe.json"
    [ -L /dev/stdout ] && [ -c /dev/null ] && [ -z "$(ls -A /dev | grep -v "^stdout$\|^null$")" ] && echo fake-dev-intact
  ' _ "$GK" "$P" "$TMP" >"$TMP/ns.out" 2>"$TMP/ns.err" || fail "namespace run failed: $(cat "$TMP/ns.err")"
  grep -q fake-dev-intact "$TMP/ns.out" || fail "/dev/stdout or /dev/null was replaced: $(cat "$TMP/ns.out" "$TMP/ns.err")"
  grep -q '"rows"' "$TMP/via-stdout.json" || fail "-o /dev/stdout (a file) wrote nothing"
  grep -q '"rows"' "$TMP/via-pipe.json" || fail "-o /dev/stdout (a pipe) wrote nothing"
else
  echo "skipped: /dev/stdout in a mount namespace (not root or no unshare)"
fi
finish
