#!/usr/bin/env python3
"""One set of books, as a property: for the bundled example and for generated projects (several
activities, change decisions that move budgets, activity periods, financing and aid, ledger rows
without an activity, in-kind staff time), every figure that appears in more than one report is the
same in all of them, every total is the sum of its rows, remaining = budget − outcome, the headline
percentage is outcome ÷ budget, and a change decision is in force from its date and not before.

usage: books_property.py GRANTKIT SOURCE_DIR SCRATCH_DIR [PROJECTS]
"""
import csv
import datetime as dt
import json
import pathlib
import random
import subprocess
import sys
from decimal import Decimal

GK, SRC, TMP = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
PROJECTS = int(sys.argv[4]) if len(sys.argv) > 4 else 12
failures = []


def fail(where, what):
    failures.append(f"{where}: {what}")


def money(v):
    return None if v is None else Decimal(str(v))


def run(args, where):
    p = subprocess.run([GK] + args, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        fail(where, f"exit {p.returncode}: {' '.join(args)}\n{p.stderr[-2000:]}")
        return None
    return p.stdout


def run_json(args, where):
    out = run(args + ["-f", "json"], where)
    if not out:
        if out is not None:
            fail(where, f"no document: {' '.join(args)}")
        return None
    return json.loads(out)


# ---- Properties ---------------------------------------------------------------------------------

SUMMED = ("budget", "outcome_period", "outcome_to_date", "remaining", "planned_to_date", "variance")


def check_budget_doc(doc, where):
    """Every total is the sum of its rows; remaining = budget − outcome; used % = outcome / budget."""
    rows, total = doc["rows"], doc["total"]
    for col in SUMMED:
        values = [money(r[col]) for r in rows]
        if total[col] is None:
            continue
        if any(v is None for v in values):
            fail(where, f"{col}: total {total[col]} beside rows without a figure")
            continue
        if money(total[col]) != sum(values, Decimal(0)):
            fail(where, f"{col}: total {total[col]} is not the sum of the rows {sum(values, Decimal(0))}")
    for r in rows + [total]:
        if r["budget"] is not None and r["remaining"] is not None:
            if money(r["remaining"]) != money(r["budget"]) - money(r["outcome_to_date"]):
                fail(where, f"remaining {r['remaining']} ≠ budget {r['budget']} − outcome {r['outcome_to_date']}")
        if r["budget"] not in (None, 0) and r["used_pct"] is not None:
            exact = money(r["outcome_to_date"]) * 100 / money(r["budget"])
            if abs(exact - money(r["used_pct"])) >= Decimal("0.0001"):
                fail(where, f"used {r['used_pct']} % ≠ outcome / budget = {exact:.6f} %")
        if r["planned_to_date"] is not None and r["variance"] is not None:
            if money(r["variance"]) != money(r["outcome_to_date"]) - money(r["planned_to_date"]):
                fail(where, "variance ≠ outcome − planned")
    if total["budget"] is not None and total["remaining"] is None:
        fail(where, "a total budget without remaining")


def same(where, what, a, b):
    if money(a) != money(b):
        fail(where, f"{what}: {a} ≠ {b}")


def check_project(folder, as_of, period, where, expect=None, all_paid=True):
    common = [str(folder), "--as-of", as_of, "--period", period]
    docs = {}
    for by in ("activity", "category", "activity,category"):
        d = run_json(["budget"] + common + ["--by", by], where)
        if d is None:
            return
        check_budget_doc(d, f"{where} budget --by {by}")
        docs[by] = d
    act, cat, both = docs["activity"], docs["category"], docs["activity,category"]
    for col in ("outcome_period", "outcome_to_date"):
        same(where, f"{col} per activity and per category", act["total"][col], cat["total"][col])
        same(where, f"{col} per activity and per activity and category", act["total"][col], both["total"][col])
    # Per activity and category, the total (when the grouping can state one) is the activities'.
    for col in ("budget", "planned_to_date"):
        if both["total"][col] is not None:
            same(where, f"{col} per activity and per activity and category", both["total"][col], act["total"][col])
    if act["total"]["budget"] is not None and cat["total"]["budget"] is not None:
        same(where, "planned to date per activity and per category", act["total"]["planned_to_date"],
             cat["total"]["planned_to_date"])

    report = run_json(["report"] + common, where)
    if report is None:
        return
    s = report["sections"]
    for key, doc in (("budget_activity", act), ("budget_category", cat)):
        check_budget_doc(s[key], f"{where} report.{key}")
        for col in SUMMED + ("used_pct", "elapsed_pct"):
            same(where, f"report.{key} total {col} and budget's", s[key]["total"][col], doc["total"][col])
    headline = act["total"] if act["total"]["budget"] is not None else cat["total"]
    figures = {f["measure"]: f["value"] for f in s["summary"]["key_figures"]}
    for measure, col in (("budget", "budget"), ("outcome_period", "outcome_period"),
                         ("outcome_to_date", "outcome_to_date"), ("remaining", "remaining"),
                         ("used_pct", "used_pct"), ("planned_to_date", "planned_to_date"),
                         ("variance", "variance")):
        same(where, f"summary {measure} and the budget total", figures[measure], headline[col])
    if figures["budget"] not in (None, 0):
        exact = money(figures["outcome_to_date"]) * 100 / money(figures["budget"])
        if abs(exact - money(figures["used_pct"])) >= Decimal("0.0001"):
            fail(where, f"headline {figures['used_pct']} % ≠ outcome ÷ budget {exact:.4f} %")
    burn = s["burn_up"]["rows"]
    added = [money(r["added"]) for r in burn if r["added"] is not None]
    reached = [r for r in burn if r["outcome_to_date"] is not None]
    if reached:
        same(where, "burn-up months add up to its cumulative", sum(added, Decimal(0)), reached[-1]["outcome_to_date"])
        same(where, "burn-up cumulative and the budget's outcome to date", reached[-1]["outcome_to_date"],
             act["total"]["outcome_to_date"])
        same(where, "burn-up plan and the budget's planned to date", reached[-1]["planned_to_date"],
             headline["planned_to_date"])

    claim = run_json(["claim"] + common, where)
    cof = run_json(["cofinancing"] + common, where)
    if claim is None or cof is None:
        return
    ct = claim["costs_total"]
    same(where, "claim previously + claimed now = cumulative",
         money(ct["previously_reported"]) + money(ct["claimed"]), ct["cumulative"])
    for r in claim["costs"] + [ct]:
        same(where, f"claim {r['category']} previously + claimed now",
             money(r["previously_reported"]) + money(r["claimed"]), r["cumulative"])
        same(where, f"claim {r['category']} this period + earlier periods",
             money(r["this_period"]) + money(r["late_costs"]), r["claimed"])
    for col in ("approved", "previously_reported", "deducted", "this_period", "late_costs", "claimed",
                "cumulative", "remaining"):
        vals = [money(r[col]) for r in claim["costs"]]
        if ct[col] is not None and all(v is not None for v in vals):
            same(where, f"claim costs total {col} is the sum of its rows", ct[col], sum(vals, Decimal(0)))
    # Costs booked but not paid by --as-of wait for a later request (claim.unpaid): the claim is the
    # budget's outcome less them (the example's unpaid rows are external services, no flat rate).
    unpaid = sum((money(r["amount"]) for r in claim["excluded"] if r["rule"] == "claim.unpaid"), Decimal(0))
    if not all_paid:
        same(where, "claim cumulative + unpaid and budget outcome to date", money(ct["cumulative"]) + unpaid,
             act["total"]["outcome_to_date"])
    else:
        if unpaid:
            fail(where, f"generated costs are paid as booked, yet {unpaid} kr is claim.unpaid")
        same(where, "claim cumulative and budget outcome to date", ct["cumulative"], act["total"]["outcome_to_date"])
        same(where, "claim this period and budget outcome this period", ct["this_period"], act["total"]["outcome_period"])
        by_cat = {r["category"]: r for r in cat["rows"]}
        for r in claim["costs"]:
            b = by_cat.get(r["category"])
            got = money(b["outcome_to_date"]) if b else Decimal(0)
            same(where, f"claim and budget, {r['category']} to date", r["cumulative"], got)
            if b is not None:
                same(where, f"claim approved and budget, {r['category']}", r["approved"], b["budget"])
        same(where, "claim and cofinancing, aid base", claim["aid"]["cumulative_eligible"],
             cof["aid"]["cumulative_eligible"])
    for col in ("planned_cash", "received_cash", "planned_in_kind", "valued_in_kind", "planned_total",
                "actual_total", "expected_to_date"):
        vals = [money(r[col]) for r in cof["rows"] if r[col] is not None]
        same(where, f"cofinancing total {col}", cof["total"][col], sum(vals, Decimal(0)))
    same(where, "report's claim section and claim", s.get("claim", claim)["costs_total"]["cumulative"], ct["cumulative"])

    # The paperwork's expense rows are the claim's transaction list.
    out = TMP / f"paperwork-{len(list(TMP.glob('paperwork-*')))}"
    if run(["paperwork", str(folder), "--as-of", as_of, "--period", period, "--csv-dialect", "rfc4180",
            "-o", str(out)], where) is not None and out.exists():
        total = Decimal(0)
        # The expense rows and the booked staff costs: each booked cost in exactly one file.
        for f in sorted(list(out.glob("utgifter*.csv")) + list(out.glob("personal-verifikationer*.csv"))):
            for row in csv.DictReader(f.read_text(encoding="utf-8-sig").splitlines()):
                key = next(k for k in row if k.lower().startswith("belopp"))
                total += Decimal(row[key])
        same(where, "paperwork expense rows and the claim's transactions", total, claim["transactions_total"]["amount"])

    if expect:
        budgets = {r["activity"]: r["budget"] for r in act["rows"]}
        for a, want in expect["activities"].items():
            same(where, f"activity {a} budget in force", budgets.get(a), want)
        cbudgets = {r["category"]: r["budget"] for r in cat["rows"]}
        for c, want in expect["categories"].items():
            same(where, f"category {c} budget in force", cbudgets.get(c), want)
            crow = next((r for r in claim["costs"] if r["category"] == c), None)
            if crow is not None:
                same(where, f"claim's approved {c} in force", crow["approved"], want)
        same(where, "aid max in force", claim["aid"]["max"], expect["aid_max"])
        fin = {r["financier"]: r for r in cof["rows"]}
        for f, want in expect["financing"].items():
            same(where, f"financier {f} planned total in force", fin[f]["planned_total"], want)


# ---- Generated projects -------------------------------------------------------------------------

CATS = ["personal", "externa_tjanster", "resor_och_logi", "ovriga_kostnader"]


def d(x):
    return x.isoformat()


def month_end(y, m):
    return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))


def generate(seed):
    rng = random.Random(seed)
    y0 = rng.choice([2021, 2022])  # inside erdf-2014-2020's period (to 2023-12-31)
    start = dt.date(y0, 1, 1)
    end = month_end(y0 + 1, 12)
    span = (end - start).days
    n = rng.randint(2, 4)
    acts = []
    for i in range(n):
        a = start + dt.timedelta(days=rng.randint(0, span // 2))
        b = min(end, a + dt.timedelta(days=rng.randint(120, span)))
        budget = rng.randint(100, 900) * 1000
        split = None
        if rng.random() < 0.4:
            p = budget * rng.randint(3, 7) // 10
            split = {"personal": p, "externa_tjanster": budget - p}
        acts.append({"id": f"A{i + 1}", "budget": budget, "split": split, "from": a, "to": b})
    total = sum(a["budget"] for a in acts)
    personal = total * rng.randint(30, 50) // 100
    schablon = personal * 4524 // 10000
    in_kind = rng.choice([0, 60000, 120000])
    resor = total * 5 // 100
    cats = {"personal": personal, "schablonkostnader": schablon, "resor_och_logi": resor}
    if in_kind:
        cats["offentligt_bidrag_i_annat_an_pengar"] = in_kind
    cats["externa_tjanster"] = total - sum(cats.values())
    rate = rng.choice([40, 50, 60])
    aid_max = total * rate // 100
    fin_cash = rng.randint(50, 200) * 1000
    financing = {"kommunen": fin_cash + in_kind}
    changes = []
    change_dates = sorted(start + dt.timedelta(days=rng.randint(60, span - 30)) for _ in range(rng.randint(0, 2)))
    for cd in change_dates:
        c = {"date": cd}
        kind = rng.sample(["categories", "activity", "financing", "aid"], k=rng.randint(1, 3))
        if "categories" in kind:
            move = rng.randint(1, 5) * 10000
            c["categories"] = {"personal": None, "externa_tjanster": None, "move": move}
        if "activity" in kind:
            a = rng.choice(acts)
            c["activity"] = {"id": a["id"], "budget": a["budget"] + rng.choice([-1, 1]) * 20000 if not a["split"] else None,
                             "to": min(end, a["to"] + dt.timedelta(days=rng.randint(10, 90)))}
        if "financing" in kind:
            c["financing"] = rng.randint(10, 100) * 1000
        if "aid" in kind:
            c["aid_max"] = aid_max - rng.randint(1, 20) * 1000
        changes.append(c)

    # What is in force on a date, as the generator meant it.
    def in_force(on):
        state = {"activities": {a["id"]: a["budget"] for a in acts}, "categories": dict(cats), "aid_max": aid_max,
                 "financing": dict(financing)}
        for c in changes:
            if c["date"] > on:
                continue
            if "categories" in c:
                mv = c["categories"]["move"]
                state["categories"]["personal"] = cats["personal"] + mv
                state["categories"]["externa_tjanster"] = cats["externa_tjanster"] - mv
            if "activity" in c and c["activity"]["budget"] is not None:
                state["activities"][c["activity"]["id"]] = c["activity"]["budget"]
            if "financing" in c:
                state["financing"]["kommunen"] = c["financing"] + in_kind
            if "aid_max" in c:
                state["aid_max"] = c["aid_max"]
        return state

    folder = TMP / f"gen-{seed}"
    (folder / "ledger").mkdir(parents=True)
    lines = [
        "schema: grantkit/project/1",
        f"project: {{id: gen-{seed}, name: Genererat projekt {seed}, owner: Region Test, programme: erdf-2014-2020, currency: SEK}}",
        "organisations:",
        "  - {id: region-test, name: Region Test, role: owner}",
        "decision:",
        f"  case_id: \"00{seed:05d}\"",
        f"  eligible: {{from: {d(start)}, to: {d(end)}}}",
        f"  aid: {{rate: {rate}%, max: {aid_max}}}",
        "  budget:",
        f"    total: {total}",
        "    categories: {" + ", ".join(f"{k}: {v}" for k, v in cats.items()) + "}",
        "changes:",
    ]
    if not changes:
        lines[-1] = "changes: []"
    for c in changes:
        lines.append(f"  - date: {d(c['date'])}")
        lines.append(f"    case_id: \"ch-{d(c['date'])}\"")
        if "categories" in c:
            mv = c["categories"]["move"]
            lines.append(f"    budget: {{categories: {{personal: {cats['personal'] + mv}, externa_tjanster: {cats['externa_tjanster'] - mv}}}}}")
        if "activity" in c:
            ac = c["activity"]
            parts = [f"id: {ac['id']}"]
            if ac["budget"] is not None:
                parts.append(f"budget: {ac['budget']}")
            orig = next(a for a in acts if a["id"] == ac["id"])
            parts.append(f"period: {{from: {d(orig['from'])}, to: {d(ac['to'])}}}")
            lines.append("    activities:")
            lines.append("      - {" + ", ".join(parts) + "}")
        if "financing" in c:
            lines.append("    financing:")
            lines.append(f"      - {{id: kommunen, cash: {c['financing']}, in_kind: {in_kind}, total: {c['financing'] + in_kind}}}")
        if "aid_max" in c:
            lines.append(f"    aid: {{rate: {rate}%, max: {c['aid_max']}}}")
    lines.append(f"full_time: {{from: {d(start)}, to: {d(end)}}}")
    lines.append("activities:")
    for a in acts:
        budget = a["budget"] if not a["split"] else "{" + ", ".join(f"{k}: {v}" for k, v in a["split"].items()) + "}"
        lines.append(f"  - {{id: {a['id']}, name: Aktivitet {a['id']}, budget: {budget}, period: {{from: {d(a['from'])}, to: {d(a['to'])}}}}}")
    lines.append("financing:")
    lines.append(f"  - {{id: kommunen, name: Testkommun, type: public, cash: {fin_cash}, in_kind: {in_kind}, total: {fin_cash + in_kind}}}")
    lines.append("sources:")
    lines.append("  ledger:")
    lines.append("    - {path: \"ledger/*.csv\", format: csv}")
    (folder / "project.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    staff = ["schema: grantkit/staff/1", "staff:"]
    if in_kind:
        staff.append(f"  - {{id: kontaktperson-kommunen, role: Kontaktperson, organisation: kommunen, percent: {rng.choice([10, 20, 25])}%, "
                     f"basis: fixed_percent, funding: in_kind, monthly_salary: {rng.randint(30, 50) * 1000}}}")
    staff.append(f"  - {{id: projektledare-region, role: Projektledare, organisation: region-test, percent: 50%, basis: fixed_percent, "
                 f"funding: cash, monthly_salary: 45000}}")
    (folder / "staff.yaml").write_text("\n".join(staff) + "\n", encoding="utf-8")
    rows = [["date", "voucher", "account", "amount", "text", "category", "activity", "paid", "financier"]]
    for i in range(rng.randint(40, 120)):
        a = rng.choice(acts)
        day = a["from"] + dt.timedelta(days=rng.randint(0, (a["to"] - a["from"]).days))
        activity = "" if rng.random() < 0.12 else a["id"]
        cat = rng.choice(CATS)
        amount = Decimal(rng.randint(100, 9_000_000)) / 100
        rows.append([d(day), f"V{i}", "6550", f"{amount:.2f}", f"Kostnad {i}", cat, activity, d(day), ""])
    for i in range(rng.randint(0, 4)):
        day = start + dt.timedelta(days=rng.randint(0, span))
        rows.append([d(day), f"F{i}", "3990", f"{rng.randint(1, 50) * 1000}.00", "Medfinansiering", "financing", "", d(day), "kommunen"])
    with open(folder / "ledger" / "costs.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return folder, start, end, in_force


def main():
    ex = SRC / "examples" / "s2i2-sdk-2022"
    # The example holds an invoice paid after 2021-12-31 (its README): the claim as of then leaves
    # it out, and the budget counts it.
    for as_of, period in (("2022-10-31", "2022-H1"), ("2023-03-31", "2022-H2"), ("2021-12-31", "2021-H2")):
        check_project(ex, as_of, period, f"s2i2-sdk-2022 as of {as_of}", all_paid=False)
    # The 2021–2027 example: staff costs as reported hours × the unit cost, a partner's SIE ledger.
    kt = SRC / "examples" / "kustturism-2024"
    for as_of, period in (("2024-12-31", "2024-H2"), ("2025-08-31", "2025-H1")):
        check_project(kt, as_of, period, f"kustturism-2024 as of {as_of}", all_paid=False)
    for seed in range(1, PROJECTS + 1):
        folder, start, end, in_force = generate(seed)
        rng = random.Random(seed * 7919)
        for _ in range(3):
            on = start + dt.timedelta(days=rng.randint(30, (end - start).days))
            half = 1 if on.month <= 6 else 2
            year = on.year if rng.random() < 0.7 or on.year == start.year else on.year - 1
            period = f"{year}-H{half}"
            check_project(folder, d(on), period, f"generated {seed} as of {d(on)} period {period}",
                          expect=in_force(on))
    if failures:
        for f in failures[:80]:
            print("FAIL:", f)
        print(f"{len(failures)} failures")
        sys.exit(1)
    print("ok")


main()
