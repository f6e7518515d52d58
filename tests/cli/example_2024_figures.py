#!/usr/bin/env python3
"""Recomputes every figure examples/kustturism-2024/README.md quotes, from the example's inputs
(project.yaml, staff.yaml, claims.yaml, the Kimai time export) and Tillväxtverket's 2021–2027 rules
as stated in data/programmes/erdf-2021-2027.yaml — not from grantkit:
  unit cost per hour = floor(monthly salary × 12 / 1 720) öre, raised 2.4 % (rounded down) every
  12 months from the person's first month in the project; a fixed share is share × 1 720 h / 12 a
  whole month; the hours under one unit cost in the period × that unit cost, rounded down once;
  other_costs_40 = floor(40 % × staff costs); aid to claim = floor(aid rate × cumulative eligible)
  − aid claimed before.
Usage: example_2024_figures.py EXAMPLE_DIR  → prints `key<TAB>figure` lines (öre as Swedish text)."""
import csv, glob, os, sys
import yaml

ex = sys.argv[1]
project = yaml.safe_load(open(os.path.join(ex, "project.yaml"), encoding="utf-8"))
staff = yaml.safe_load(open(os.path.join(ex, "staff.yaml"), encoding="utf-8"))["staff"]
claims = yaml.safe_load(open(os.path.join(ex, "claims.yaml"), encoding="utf-8"))["claims"]
PERIOD = [(2025, m) for m in range(1, 7)]          # the request the README shows: 2025-H1
BEFORE_FROM = (2024, 3)                            # the eligible period's first month

def ore(amount):
    t = str(amount).replace(",", ".")
    kr, _, dec = t.partition(".")
    return int(kr) * 100 + int((dec + "00")[:2])

def fmt(o):
    s = f"{o // 100:,}".replace(",", " ")
    return f"{s},{o % 100:02d}"

def month_index(ym):
    return ym[0] * 12 + ym[1] - 1

def months_between(a, b):
    return [divmod(i, 12) for i in range(month_index(a), month_index(b) + 1)]

def to_ym(i):
    y, m0 = divmod(i, 12)
    return (y, m0 + 1)

# Minutes per person and month from the Kimai export, mapped as project.yaml's time source says.
cols = project["sources"]["time"][0]["columns"]
minutes = {}
for path in sorted(glob.glob(os.path.join(ex, "time", "kimai-*.csv"))):
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            y, m, _ = row[cols["date"]].split("-")
            h, mi = row[cols["hours"]].split(":")
            key = (row[cols["person"]], (int(y), int(m)))
            minutes[key] = minutes.get(key, 0) + int(h) * 60 + int(mi)

idx = project["decision"]["rates"]
assert list(idx) == ["other_costs_40"], idx
rate40 = 40

def unit_cost(person, ym):
    r = ore(person["monthly_salary"]) * 12 * 60 // (1720 * 60)
    start = tuple(int(x) for x in str(person["period"]["from"]).split("-")[:2])
    steps = max(0, (month_index(ym) - month_index(start))) // 12
    for _ in range(steps):
        r += r * 24 // 1000
    return r, steps

def person_cost(person, months):
    """Σ over unit-cost segments of floor(minutes × rate / 60); also the rows (rate, steps, minutes)."""
    start = tuple(int(x) for x in str(person["period"]["from"]).split("-")[:2])
    segs = {}
    for ym in months:
        if month_index(ym) < month_index(start):
            continue
        if person["basis"] == "hourly":
            mins = minutes.get((person["id"], ym), 0)
        else:
            share = int(str(person["percent"]).rstrip("%"))
            mins = 1720 * 60 // 12 * share // 100
        r, steps = unit_cost(person, ym)
        segs.setdefault((steps, r), 0)
        segs[(steps, r)] += mins
    rows = [(steps, r, mins, mins * r // 60) for (steps, r), mins in sorted(segs.items())]
    return sum(c for *_, c in rows), rows

def period_costs(months):
    personal = sum(person_cost(p, months)[0] for p in staff if p["funding"] == "cash")
    in_kind = sum(person_cost(p, months)[0] for p in staff if p["funding"] == "in_kind")
    flat = personal * rate40 // 100
    return personal, flat, in_kind

out = {}
personal, flat, in_kind = period_costs(PERIOD)
before = [to_ym(i) for i in range(month_index(BEFORE_FROM), month_index(PERIOD[0]))]
# Earlier requests: each claims.yaml period costed on its own, as grantkit's claim does.
prev_total = 0
for c in claims:
    a = tuple(int(x) for x in str(c["period"]["from"]).split("-")[:2])
    b = tuple(int(x) for x in str(c["period"]["to"]).split("-")[:2])
    p_, f_, k_ = period_costs([to_ym(i) for i in range(month_index(a), month_index(b) + 1)])
    prev_total += p_ + f_ + k_
# The window before the period as one (grantkit's previously reported column).
pb, fb, kb = period_costs(before)
assert pb + fb + kb == prev_total, (pb + fb + kb, prev_total)  # the requests cover every month before
for p in staff:
    total, rows = person_cost(p, PERIOD)
    for steps, r, mins, cost in rows:
        out[f"rate {p['id']} step {steps}"] = fmt(r)
        out[f"hours {p['id']} step {steps}"] = f"{mins // 60}:{mins % 60:02d}"
        out[f"cost {p['id']} step {steps}"] = fmt(cost)
out["staff costs (Personal)"] = fmt(personal)
out["40 % flat rate (Schablonkostnader)"] = fmt(flat)
out["in kind (Offentligt bidrag i annat än pengar)"] = fmt(in_kind)
out["eligible this period"] = fmt(personal + flat + in_kind)
out["eligible before the period"] = fmt(prev_total)
cum = prev_total + personal + flat + in_kind
out["eligible cumulative"] = fmt(cum)
aid_rate = int(str(project["decision"]["aid"]["rate"]).rstrip("%"))
claimed_before = sum(ore(c["aid_claimed"]) for c in claims)
out["aid claimed before"] = fmt(claimed_before)
out["aid to claim"] = fmt(cum * aid_rate // 100 - claimed_before)
for k, v in out.items():
    print(f"{k}\t{v}")
