#!/usr/bin/env bash
# `grantkit report -f html` in a real browser: headless Chromium renders the page to a PNG. Fails
# on a console error, on a blank page, or when the charts' colours are missing from the picture
# (the burn-up line, the plan, the budget bars). Chromium is required (scripts/setup installs it):
# without it the test fails, it does not skip.
source "$(dirname "$0")/lib.bash"
EX="$SRC/examples/s2i2-sdk-2022"
HERE="$(cd "$(dirname "$0")" && pwd)"

CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$CHROMIUM" ]; then
  echo "FAIL: chromium is not installed; run scripts/setup (Debian package chromium)" >&2
  exit 1
fi

shoot() {  # shoot HTML PNG: renders HTML to PNG, the browser's log in PNG.log
  HOME="$TMP" timeout 180 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$(mktemp -d -p "$TMP")" --enable-logging=stderr --v=0 \
    --screenshot="$2" --window-size=1200,3000 "file://$1" >"$2.log" 2>&1 || fail "chromium failed on $1"
  [ -s "$2" ] || { fail "no screenshot of $1"; sed 's/^/  chromium: /' "$2.log" >&2; return; }
  if grep -Eq 'Uncaught|CONSOLE|Refused to|Failed to load resource|net::ERR_' "$2.log"; then
    fail "console errors while rendering $1"
    grep -E 'Uncaught|CONSOLE|Refused to|Failed to load resource|net::ERR_' "$2.log" | sed 's/^/  chromium: /' >&2
  fi
}

# The picture: not blank, and the charts' colours drawn (counts of exact pixels of filled areas
# and thick lines; anti-aliased edges do not count).
check_png() {
python3 - "$HERE" "$1" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import png
w, h, bpp, rows = png.read(sys.argv[2])
counts = {}
for p in png.pixels(w, bpp, rows):
    counts[p] = counts.get(p, 0) + 1
top = max(counts.values()) / (w * h)
want = {"outcome (#1f5fa8)": bytes((0x1f, 0x5f, 0xa8)), "plan (#e08a00)": bytes((0xe0, 0x8a, 0x00)),
        "budget bars (#cfdbe8)": bytes((0xcf, 0xdb, 0xe8)), "budget line (#c0392b)": bytes((0xc0, 0x39, 0x2b))}
problems = []
if (w, h) != (1200, 3000): problems.append(f"size {w}x{h}")
if len(counts) < 50 or top > 0.97: problems.append(f"blank page: {len(counts)} colours, {top:.1%} one colour")
for name, colour in want.items():
    if counts.get(colour, 0) < 300: problems.append(f"chart colour {name}: {counts.get(colour, 0)} pixels")
print(f"{w}x{h}, {len(counts)} colours, {top:.1%} background;",
      ", ".join(f"{n}: {counts.get(c, 0)}" for n, c in want.items()))
for p in problems: print("PROBLEM:", p)
sys.exit(1 if problems else 0)
PY
}

expect_exit 0 "$GK" report "$EX" --period 2022-10 -f html -o "$TMP/report.html"
shoot "$TMP/report.html" "$TMP/report.png"
check_png "$TMP/report.png" || fail "the report's picture"
[ -n "${GRANTKIT_KEEP_SCREENSHOT:-}" ] && cp "$TMP/report.png" "$GRANTKIT_KEEP_SCREENSHOT"

# The check itself fails on a blank page.
printf '<!DOCTYPE html><html><body></body></html>\n' >"$TMP/blank.html"
shoot "$TMP/blank.html" "$TMP/blank.png"
check_png "$TMP/blank.png" >/dev/null && fail "a blank page passed the picture check"
# … and on a console error.
printf '<!DOCTYPE html><html><body><script>undefined_function()</script></body></html>\n' >"$TMP/error.html"
before=$failures
shoot "$TMP/error.html" "$TMP/error.png" 2>/dev/null
[ "$failures" -gt "$before" ] || fail "a console error went unnoticed"
failures=$before
finish
