#!/usr/bin/env bash
# The documentation lives in the repository: every relative link in README.md and docs/*.md points
# at a file or folder that exists, and every `*.md` file README names is in the repository.
source "$(dirname "$0")/lib.bash"
python3 "$SRC/tests/cli/doc_links.py" "$SRC" || fail "broken documentation links (above)"
# The check can fail: a broken link and a README that names a missing .md are found.
mkdir -p "$TMP/r/docs"
printf 'See [a](docs/nothere.md) and `MISSING.md`.\n' >"$TMP/r/README.md"
printf '[up](../README.md) [ok](#x) [web](https://example.org/x.md)\n' >"$TMP/r/docs/fine.md"
git -C "$TMP/r" init -q
python3 "$SRC/tests/cli/doc_links.py" "$TMP/r" >"$TMP/out" && fail "a broken link passed"
grep -q 'README.md:1: broken link: docs/nothere.md' "$TMP/out" || fail "the broken link is not named: $(cat "$TMP/out")"
grep -q 'names MISSING.md' "$TMP/out" || fail "the missing .md is not named"
[ "$(wc -l <"$TMP/out")" = 3 ] || fail "not the three faults (a link, two names): $(cat "$TMP/out")"
finish
