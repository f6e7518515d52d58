#!/usr/bin/env bash
# The hostile-name corpus through every command and format. A project whose names hold HTML and
# script, spreadsheet formula prefixes, pipes, CR, LF, ESC, NUL, U+202E, 100 kB of text, in a
# folder whose name is not UTF-8, with ledger amounts that quote a multi-byte character (`12€`,
# `5½`), goes through every report in every format and the paperwork folder. Every output must be
# well formed: each JSON document decodes as strict UTF-8 and parses (python3 json), each part of
# each XLSX is well-formed XML (zipfile + xml.etree), each CSV row has the header's number of
# fields, each Markdown table row its header's number of cells, every text output is UTF-8; and
# grantkit never crashes and never refuses to write (exit 0 or 1 only).
source "$(dirname "$0")/lib.bash"
python3 - "$GK" "$TMP" <<'PY' || fail "hostile names broke an output"
import csv, io, json, os, subprocess, sys, zipfile
import xml.etree.ElementTree as ET
gk, tmp = sys.argv[1], sys.argv[2].encode()
folder = os.path.join(tmp, b"proj-\xe9-\x1b")  # Latin-1 é and ESC: not UTF-8, not printable
os.makedirs(os.path.join(folder, b"ledger"))
os.makedirs(os.path.join(folder, b"time"))

# YAML double-quoted escapes give the control characters (\0 NUL, \e ESC, \r CR, \n LF).
HOSTILE_YAML = [r"<script>alert('x')</script>&amp;", r"=HYPERLINK(\"http://x\")", r"+1+2", r"-3", r"@SUM(A1)",
                r"a|b|c", r"cr\rlf\nesc\enul\0end", r"\u202Eevil", r"tab\there", "B" * 100_000]
def q(s): return '"' + s + '"'
name = "".join(HOSTILE_YAML[:9])
def w(rel, text, enc="utf-8"):
    with open(os.path.join(folder, rel.encode()), "w", encoding=enc, newline="") as f:
        f.write(text)
w("project.yaml", f"""schema: grantkit/project/1
project: {{id: test, name: {q(name)}, owner: {q(HOSTILE_YAML[0])}, programme: erdf-2014-2020, currency: SEK}}
organisations:
  - {{id: region-test, name: {q(HOSTILE_YAML[6])}, role: owner}}
decision:
  case_id: {q(HOSTILE_YAML[5])}
  date: 2021-04-29
  eligible: {{from: 2021-06-01, to: 2023-03-31}}
  aid: {{rate: 50%, max: 500000}}
  rates: {{}}
  budget:
    total: 1000000
    categories: {{personal: 600000, externa_tjanster: 400000}}
changes: []
full_time: {{from: 2021-06-01, to: 2022-11-30}}
activities:
  - {{id: A1, name: {q(HOSTILE_YAML[1])}, budget: 400000, period: {{from: 2021-06-01, to: 2021-12-31}}}}
  - {{id: A2, name: {q(HOSTILE_YAML[9])}, budget: 600000, period: {{from: 2022-01-01, to: 2022-12-31}}}}
financing:
  - {{id: kommunen, name: {q(HOSTILE_YAML[7])}, type: public, cash: 300000, in_kind: 200000, total: 500000}}
sources:
  ledger:
    - {{path: "ledger/*.csv", format: csv}}
  time:
    - {{path: "time/*.csv", format: csv}}
""")
w("staff.yaml", f"""schema: grantkit/staff/1
staff:
  - {{id: utredare, role: {q(name)}, organisation: region-test, percent: 10%, basis: hourly,
     period: {{from: 2021-06-01, to: 2021-12-31}}, funding: cash, monthly_salary: 40000}}
  - {{id: ledare, role: {q(HOSTILE_YAML[8])}, organisation: kommunen, percent: 50%, basis: fixed_percent,
     period: {{from: 2021-06-01, to: 2021-12-31}}, funding: in_kind, monthly_salary: 45000}}
""")
HOSTILE = ["<script>alert('x')</script>", '=HYPERLINK("http://x")', "+1+2", "-3", "@SUM(A1)", "a|b|c",
           "cr\rlf\nesc\x1bend", "\u202eevil", "tab\there", "C" * 100_000]
def cell(s): return '"' + s.replace('"', '""') + '"'
rows = ["date,voucher,account,amount,text,category,activity,supplier"]
for i, h in enumerate(HOSTILE):
    rows.append(f"2021-09-{i + 1:02d},{cell(h[:50])},6550,100.00,{cell(h)},externa_tjanster,A1,{cell(h)}")
rows.append("2021-09-20,V1,6550,12€,Euro,externa_tjanster,A1,x")      # a finding quotes '€'
rows.append("2021-09-21,V2,6550,5½,Half,externa_tjanster,A1,x")       # and '½'
rows.append("2021-09-22,V3,6550,100.00,Unknown,externa_tjanster," + cell(HOSTILE[6]) + ",x")
w("ledger/costs.csv", "\n".join(rows) + "\n")
t = ["person,activity,date,hours", 'utredare,A1,2021-09-01,"7,5"']
for h in HOSTILE:
    t.append(f"{cell(h)},{cell(h)},2021-09-02,1")  # unknown persons and activities: findings quote them
t.append('utredare,A1,2021-09-03,"1\u22125"')  # U+2212 in hours
w("time/t.csv", "\n".join(t) + "\n")

problems = []
def run(args, out=None):
    r = subprocess.run([gk] + args, capture_output=True, timeout=300)
    if r.returncode not in (0, 1):  # every input here is readable: exit 2 would be a refused output
        problems.append(f"exit {r.returncode}: {args[:3]} {r.stderr[-300:]!r}")
    return r
def check_text(what, data):
    try:
        return data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        problems.append(f"{what}: not UTF-8 ({e})")
        return data.decode("utf-8", errors="replace")
def check_json(what, data):
    text = check_text(what, data)
    try:
        json.loads(text)
    except ValueError as e:
        problems.append(f"{what}: JSON does not parse: {e}")
def check_csv(what, data):
    text = check_text(what, data).lstrip("\ufeff")
    delim = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    if table and any(len(r) != len(table[0]) for r in table if r):
        problems.append(f"{what}: CSV rows of {sorted({len(r) for r in table})} fields")
def md_cells(line):
    n, esc = 0, False
    for ch in line:
        if esc: esc = False
        elif ch == "\\": esc = True
        elif ch == "|": n += 1
    return n
def check_md(what, data):
    text = check_text(what, data)
    lines = text.split("\n")
    for i, l in enumerate(lines):
        if l.startswith("|") and (i == 0 or not lines[i - 1].startswith("|")):
            header = md_cells(l)
            j = i
            while j < len(lines) and lines[j].startswith("|"):
                if md_cells(lines[j]) != header:
                    problems.append(f"{what}: table row {j + 1} has {md_cells(lines[j])} pipes, header {header}")
                    break
                j += 1
        elif "|" in l and not l.startswith("|") and i > 0 and lines[i - 1].startswith("|") and lines[i - 1].rstrip().endswith("|") is False:
            problems.append(f"{what}: a table row broken over lines at {i + 1}")
def check_xlsx(what, path):
    if not os.path.exists(path):
        problems.append(f"{what}: no file written")
        return
    try:
        z = zipfile.ZipFile(open(path, "rb"))
    except zipfile.BadZipFile as e:
        problems.append(f"{what}: not a zip: {e}")
        return
    for part in z.namelist():
        if part.endswith(".xml") or part.endswith(".rels"):
            try:
                ET.fromstring(z.read(part))
            except ET.ParseError as e:
                problems.append(f"{what}: {part} is not well-formed XML: {e}")

COMMANDS = [["budget"], ["cofinancing"], ["claim", "-p", "2021-H2"], ["ledger"], ["time", "-p", "2021"],
            ["staffing"], ["indicators"]]
common = ["--as-of", "2021-12-31"]
outdir = os.path.join(tmp, b"out")
os.makedirs(outdir)
for cmd in COMMANDS:
    for fmt in ["table", "csv", "json", "md", "html", "xlsx"]:
        what = f"{cmd[0]} -f {fmt}"
        if fmt == "xlsx":
            path = os.path.join(outdir, f"{cmd[0]}.xlsx".encode())
            r = run([cmd[0], folder.decode("utf-8", "surrogateescape")] + cmd[1:] + common + ["-o", path.decode()])
            check_xlsx(what, path)
            continue
        r = run([cmd[0], folder.decode("utf-8", "surrogateescape")] + cmd[1:] + common + ["-f", fmt])
        {"json": check_json, "csv": check_csv, "md": check_md}.get(fmt, check_text)(what, r.stdout)
for fmt in ["md", "html", "json", "xlsx"]:
    what = f"report -f {fmt}"
    path = os.path.join(outdir, f"report.{fmt}".encode())
    r = run(["report", folder.decode("utf-8", "surrogateescape"), "-p", "2021-09"] + common + ["-o", path.decode()])
    if fmt == "xlsx": check_xlsx(what, path)
    else:
        data = open(path, "rb").read()
        {"json": check_json, "md": check_md}.get(fmt, check_text)(what, data)
run(["validate", folder.decode("utf-8", "surrogateescape")] + common)
pw = os.path.join(outdir, b"paperwork")
run(["paperwork", folder.decode("utf-8", "surrogateescape"), "-p", "2021-H2"] + common + ["-o", pw.decode("utf-8", "surrogateescape")])
files = os.listdir(pw) if os.path.isdir(pw) else []
if not files: problems.append("paperwork wrote no folder")
for f in files:
    data = open(os.path.join(pw, f), "rb").read()
    if f.endswith(b".csv"): check_csv(f"paperwork {f.decode()}", data)
    elif f.endswith(b".html"): check_text(f"paperwork {f.decode()}", data)
for p in problems: print("  " + p[:400], file=sys.stderr)
sys.exit(1 if problems else 0)
PY
finish
