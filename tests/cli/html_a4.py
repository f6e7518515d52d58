#!/usr/bin/env python3
"""Measures HTML documents as they print on A4 portrait, in headless Chromium.

    html_a4.py CHROMIUM WORKDIR PAGE.html...

Each page is copied into WORKDIR with a4_measure.js at the end of its body (its
Content-Security-Policy, which forbids scripts, taken out of the copy only) and rendered with
`chromium --headless --dump-dom`; the script writes its measurements into the DOM. Prints one
line per problem, naming the document and the table: a table wider than the room it has, a cell
whose content is wider than the cell, a word of at most 30 characters broken over lines, a figure
not right-aligned, a page wider than A4's printable width, a console error. Exits 1 when there is
a problem, 0 when there is none. Two pages are rendered at a time.
"""
import concurrent.futures
import html
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = open(os.path.join(HERE, "a4_measure.js"), encoding="utf-8").read()
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>', re.I)


def measure(chromium, workdir, page, index):
    text = open(page, encoding="utf-8").read()
    if "</body>" not in text:
        return page, ["no </body> in the page"], []
    copy = os.path.join(workdir, f"{index:03d}-{os.path.basename(page)}")
    with open(copy, "w", encoding="utf-8") as f:
        f.write(CSP.sub("", text).replace("</body>", f"<script>{SCRIPT}</script>\n</body>", 1))
    profile = os.path.join(workdir, f"profile-{index:03d}")
    env = dict(os.environ, HOME=workdir)
    try:
        run = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}",
             "--enable-logging=stderr", "--v=0", "--window-size=500,1600", "--dump-dom",
             "file://" + copy],
            capture_output=True, text=True, timeout=180, env=env)
    except subprocess.TimeoutExpired:
        return page, ["chromium timed out"], []
    problems = []
    for line in run.stderr.splitlines():
        if re.search(r"Uncaught|Refused to|Failed to load resource|net::ERR_", line):
            problems.append("console: " + line.strip())
    m = re.search(r'<pre id="a4-result">(.*?)</pre>', run.stdout, re.S)
    if not m:
        return page, problems + [f"no measurements (chromium exit {run.returncode})"], []
    result = html.unescape(m.group(1)).splitlines()
    problems += [l for l in result if l.split(" ", 1)[0] in
                 ("OVERFLOW", "CELL", "BROKEN", "ALIGN", "PAGE")]
    return page, problems, result


def main():
    chromium, workdir, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(workdir, exist_ok=True)
    verbose = bool(os.environ.get("A4_VERBOSE"))
    bad = 0
    tables = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [pool.submit(measure, chromium, workdir, p, i) for i, p in enumerate(pages)]
        for job in jobs:
            page, problems, result = job.result()
            for line in result:
                if line.startswith("TABLES "):
                    tables += int(line.split()[1])
            if verbose:
                for line in result:
                    print(f"{page}: {line}")
            for p in problems:
                print(f"PROBLEM {page}: {p}")
            bad += bool(problems)
    print(f"{len(pages)} documents, {tables} tables measured at A4 portrait width; "
          f"{bad} with problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
