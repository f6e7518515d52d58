#!/usr/bin/env bash
# One set of books (issue "compute the project's position once"): over the bundled example and 16
# generated projects (several activities, change decisions, rows without an activity, in-kind
# time), the figures that appear in several reports are the same in each, every total is the sum
# of its rows, remaining = budget − outcome, and a change decision is in force from its date only.
# tests/cli/books_property.py holds the properties.
source "$(dirname "$0")/lib.bash"
python3 "$SRC/tests/cli/books_property.py" "$GK" "$SRC" "$TMP" 16 || fail "the reports disagree (above)"
finish
