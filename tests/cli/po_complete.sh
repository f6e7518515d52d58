#!/usr/bin/env bash
# The Swedish catalogue is complete and safe: every message marked with _() in lib/ and cli/
# (xgettext over the sources) has a Swedish translation in po/sv.po that is neither empty nor
# fuzzy (msgcmp), and every translation of an fmt template refers to the same fields as its
# English source (the same `{}` in order, or positional `{N}` within the source's fields; the
# same format specs), so that no translated message can make fmt throw at run time.
source "$(dirname "$0")/lib.bash"
mapfile -t sources < <(cd "$SRC" && find lib cli -name '*.cpp' | sort)
(cd "$SRC" && xgettext --language=C++ --from-code=UTF-8 --keyword=_ --no-wrap \
  -o "$TMP/grantkit.pot" "${sources[@]}") || fail "xgettext failed"
grep -q '^msgid "..' "$TMP/grantkit.pot" || fail "xgettext found no marked message"
if ! msgcmp -N "$SRC/po/sv.po" "$TMP/grantkit.pot" >"$TMP/msgcmp" 2>&1; then
  fail "po/sv.po lacks Swedish for messages marked in the code:"
  grep -v 'warning: this message is not used' "$TMP/msgcmp" | head -20 >&2
fi
msgfmt --statistics -o /dev/null "$SRC/po/sv.po" 2>"$TMP/stats" || fail "msgfmt rejects po/sv.po"
grep -Eq 'fuzzy|untranslated' "$TMP/stats" && fail "po/sv.po: $(cat "$TMP/stats")"
python3 - "$SRC/po/sv.po" <<'PY' || fail "po/sv.po: a translation's fields differ from its source"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
def unquote(block):
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))
entries = re.findall(r'\nmsgid ((?:"(?:[^"\\]|\\.)*"[ \t]*\n)+)msgstr ((?:"(?:[^"\\]|\\.)*"[ \t]*\n)+)', text)
def fields(t):
    t = t.replace("{{", "").replace("}}", "")
    rest = re.sub(r"\{\d*(:[^{}]*)?\}", "", t)
    if "{" in rest or "}" in rest:
        return None  # a plain literal with braces of its own, not a template
    return re.findall(r"\{(\d*)(:[^{}]*)?\}", t)
bad = 0
for mid, mstr in entries:
    a, b = unquote(mid), unquote(mstr)
    if not a:
        continue
    fa, fb = fields(a), fields(b)
    if fa is None or fb is None:
        ok = a.count("{") == b.count("{") and a.count("}") == b.count("}")
    elif all(i == "" for i, _ in fa):
        n = len(fa)
        specs = [s for _, s in fa]
        if all(i == "" for i, _ in fb):
            ok = [s for _, s in fb] == specs
        else:
            ok = all(i != "" and int(i) < n and s == specs[int(i)] for i, s in fb)
    else:
        n = max(int(i) for i, _ in fa) + 1
        spec = {int(i): s for i, s in fa}
        ok = all(i != "" and int(i) < n and s == spec.get(int(i), s) for i, s in fb)
    if not ok:
        bad += 1
        print(f"fields differ:\n  {a}\n  {b}", file=sys.stderr)
print(f"{len(entries) - 1} messages checked", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
finish
