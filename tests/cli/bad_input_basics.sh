#!/usr/bin/env bash
# Bad input gets one clear diagnostic with its place and exit 2 (unreadable) or 1 (inconsistent).
source "$(dirname "$0")/lib.bash"
SEED="$SRC/data/s2i2-sdk"
variant() {  # variant NAME SED-EXPRESSION: a copy of the seed project with project.yaml edited
  mkdir -p "$TMP/$1"; cp "$SEED"/*.yaml "$TMP/$1/"; sed -i "$2" "$TMP/$1/project.yaml"
}

expect_exit 2 "$GK" validate "$TMP/does-not-exist" --lang en
expect_stderr 'does-not-exist: error: .* \[io.read\]$'

mkdir -p "$TMP/empty"
expect_exit 2 "$GK" validate "$TMP/empty" --lang en
expect_stderr 'project.yaml: error: cannot read the file .* \[io.read\]$'

variant syntax 's/^decision:$/decision: [oops/'
expect_exit 2 "$GK" validate "$TMP/syntax" --lang en
expect_stderr 'project.yaml:[0-9]+:[0-9]+: error: YAML syntax: .* \[yaml.syntax\]$'
[ "$(stderr_lines)" = 1 ] || fail "one diagnostic for a syntax error, got $(stderr_lines)"

variant dup 's/^  currency: SEK$/  currency: SEK\n  currency: EUR/'
expect_exit 1 "$GK" validate "$TMP/dup" --lang en
expect_stderr 'project.yaml:14:3: error: duplicate key .currency. \(first at line 13, column 3\).* \[yaml.duplicate-key\]$'

variant octal 's/^    total: 2945000$/    total: 010/'
expect_exit 1 "$GK" validate "$TMP/octal" --lang en
expect_stderr "project.yaml:[0-9]+:12: error: decision.budget.total: '010' is not an amount: a leading zero.* \[yaml.amount\]$"

variant baddate 's/^  date: 2021-04-29$/  date: 2021-02-30/'
expect_exit 1 "$GK" validate "$TMP/baddate" --lang en
expect_stderr "project.yaml:[0-9]+:9: error: decision.date: '2021-02-30' is not a date: 2021-02 has 28 days \[yaml.date\]$"

expect_exit 2 "$GK" budget "$SEED" --period 2022-13 --lang en
expect_stderr 'error: --period: .* \[cli.usage\]$'
expect_exit 2 "$GK" budget "$SEED" --format pdf --lang en
expect_exit 2 "$GK" nosuchcommand
finish
