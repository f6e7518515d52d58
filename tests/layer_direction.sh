#!/usr/bin/env bash
# The layers' dependencies point one way (lib/CMakeLists.txt, ARCHITECTURE in README.md): each
# layer's include root lets it include its own headers and those of the layers below it, and
# nothing else. For every pair of layers this compiles one header of the other layer against the
# first layer's root and expects it to build exactly when the direction allows it.
# usage: layer_direction.sh CXX LAYERS_DIR SOURCE_DIR
set -uo pipefail
CXX="$1"; LAYERS="$2"; SRC="$3"
declare -A allowed=(
  [core]="core"
  [model]="model core"
  [io]="io model core"
  [check]="check model core"
  [reports]="reports model core"
  [render]="render reports model core"
)
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
failures=0
for layer in "${!allowed[@]}"; do
  for other in core model io check reports render; do
    header="$(cd "$SRC/lib/grantkit/$other" && ls *.hpp | head -1)"
    printf '#include <grantkit/%s/%s>\n' "$other" "$header" >"$TMP/t.cpp"
    if "$CXX" -std=c++20 -fsyntax-only -I "$LAYERS/$layer" "$TMP/t.cpp" 2>"$TMP/err"; then built=yes; else built=no; fi
    want=no
    for a in ${allowed[$layer]}; do [ "$a" = "$other" ] && want=yes; done
    if [ "$built" != "$want" ]; then
      echo "FAIL: $layer including grantkit/$other/$header: built=$built, the direction allows: $want" >&2
      sed 's/^/  /' "$TMP/err" | head -5 >&2
      failures=$((failures + 1))
    fi
  done
done
[ "$failures" -eq 0 ] && echo ok || exit 1
