#!/usr/bin/env python3
"""Checks the documentation of a repository: doc_links.py ROOT prints each relative link in
README.md and docs/*.md whose target does not exist, and each *.md that README.md names and the
repository does not hold; exit 1 when there is any."""
import pathlib, re, subprocess, sys
root = pathlib.Path(sys.argv[1]).resolve()
docs = [root / "README.md"] + sorted((root / "docs").glob("*.md"))
bad = 0
link = re.compile(r"\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
for doc in docs:
    text = doc.read_text(encoding="utf-8")
    # Links inside code blocks are examples, not links.
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    for n, line in enumerate(text.splitlines(), 1):
        for target in link.findall(line):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
                continue  # a URL (https:, mailto:) or an anchor on the same page
            path = target.split("#", 1)[0]
            if not (doc.parent / path).exists():
                print(f"{doc.relative_to(root)}:{n}: broken link: {target}")
                bad += 1
# Every *.md README names (in text or code), as a path from the root, from docs/ or anywhere.
readme = (root / "README.md").read_text(encoding="utf-8")
tracked = set(subprocess.run(["git", "-C", str(root), "ls-files"], capture_output=True, text=True).stdout.split())
names = {pathlib.Path(t).name for t in tracked if t.endswith(".md")} | {p.name for p in (root / "docs").glob("*.md")}
for n, line in enumerate(readme.splitlines(), 1):
    for name in re.findall(r"(?<![\w/.-])([\w./-]+\.md)\b", line):
        if name.startswith(("http", "//")):
            continue
        if "/" in name:
            ok = (root / name).exists()
        else:
            ok = name in names
        if not ok:
            print(f"README.md:{n}: names {name}, which is not in the repository")
            bad += 1
sys.exit(1 if bad else 0)
