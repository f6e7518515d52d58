#!/usr/bin/env bash
# Names at the system's limit and outputs that are folders. A 250-character -o file name (CSV and
# XLSX), a 250-character paperwork folder and a 240-character staff id are written: grantkit never
# lengthens a name past NAME_MAX (255 bytes) with its temporary names or its file-name prefixes.
# -o on a folder, or on a symbolic link to one, names that as the reason and changes nothing.
source "$(dirname "$0")/lib.bash"
EX="$SRC/examples/s2i2-sdk-2022"
N250="$(printf 'a%.0s' $(seq 250))"
mkdir -p "$TMP/o"

expect_exit 0 "$GK" budget "$EX" --as-of 2022-11-30 -f csv -o "$TMP/o/$N250" --lang en
[ -s "$TMP/o/$N250" ] || fail "a 250-character -o name was not written"
expect_exit 0 "$GK" report "$EX" --period 2022-10 -o "$TMP/o/${N250:0:245}.xlsx" --lang en
[ -s "$TMP/o/${N250:0:245}.xlsx" ] || fail "a 250-character .xlsx name was not written"
expect_exit 0 "$GK" paperwork "$EX" --period 2022-H1 -o "$TMP/o/p${N250:0:249}" --lang en
[ -f "$TMP/o/p${N250:0:249}/index.html" ] || fail "a 250-character paperwork folder was not written"
[ -z "$(ls -A "$TMP/o" | grep -v "^a\|^p")" ] || fail "a temporary file was left behind: $(ls -A "$TMP/o")"

# A staff id of 240 characters: its time report file name is cut, told apart by a hash.
LONG="$(printf 'x%.0s' $(seq 240))"
cp -r "$EX" "$TMP/ex"
sed -i "s/processledning-region-skane/$LONG/g" "$TMP/ex/staff.yaml" "$TMP"/ex/time/*
expect_exit 0 "$GK" paperwork "$TMP/ex" --period 2022-H1 -o "$TMP/pw" --lang en
ls "$TMP/pw" | grep -Eq '^tidrapport-x{91}-[0-9a-f]{8}\.html$' || fail "no time report for the long staff id: $(ls "$TMP/pw" | head -3)"
for f in "$TMP"/pw/*; do
  [ "$(basename "$f" | wc -c)" -le 256 ] || fail "file name longer than 255 bytes: $f"
done

# -o on a folder and on a symbolic link to a folder.
mkdir -p "$TMP/dir"
ln -s "$TMP/dir" "$TMP/link"
expect_exit 2 "$GK" budget "$EX" --as-of 2022-11-30 -f csv -o "$TMP/dir" --lang en
expect_stderr 'dir is a folder: -o names the file to write \[io\.write\]'
expect_exit 2 "$GK" budget "$EX" --as-of 2022-11-30 -f csv -o "$TMP/link" --lang en
expect_stderr 'link is a symbolic link to the folder .*dir: -o names the file to write \[io\.write\]'
[ -L "$TMP/link" ] || fail "the link was replaced"
expect_exit 2 "$GK" paperwork "$EX" --period 2022-H1 -o "$TMP/link" --lang en
expect_stderr 'link is a symbolic link to the folder .*give the folder itself \[paperwork\.exists\]'
[ -z "$(ls -A "$TMP/dir")" ] || fail "something was written into the folder"
finish
