#!/usr/bin/env python3
"""The claim register (claims.yaml), end to end: a register of two requests — the first reviewed
with a deduction and paid, the second submitted — a late invoice, a correction, months no request
covered, an overlapping request, a request for a period not ended, the decision's second
percentage, and `claim --record` followed by the next request. Every expected figure is computed
here from the ledger rows and the register, independently of grantkit.

usage: claim_register.py GRANTKIT SCRATCH_DIR
"""
import datetime as dt
import json
import pathlib
import shutil
import subprocess
import sys
from decimal import Decimal, ROUND_FLOOR

GK, TMP = sys.argv[1], pathlib.Path(sys.argv[2])
failures = []
FLAT = Decimal("45.24")  # erdf-2014-2020 payroll_overhead on personal
RATE = Decimal(50)


def fail(what):
    failures.append(what)


def floor_ore(x):
    return (x * 100).to_integral_value(rounding=ROUND_FLOOR) / 100


def pct(amount, p):
    return floor_ore(amount * p / 100)


def D(s):
    return Decimal(str(s))


def same(what, got, want):
    if got is None or D(got) != D(want):
        fail(f"{what}: got {got}, want {want}")


# The books: (voucher, date, category, amount). E4 was in request 1 and is no longer in the books
# (a correction); L1 is dated in request 1's period and booked after it was sent (a late cost);
# P3 and G1 fall in months no request covered.
BOOKS = [
    ("P1", "2022-02-10", "personal", "40000"),
    ("E1", "2022-03-15", "externa_tjanster", "20000"),
    ("L1", "2022-04-20", "externa_tjanster", "7000"),
    ("E2", "2022-05-20", "externa_tjanster", "10000"),
    ("P2", "2022-08-10", "personal", "30000"),
    ("E3", "2022-09-01", "externa_tjanster", "15000"),
    ("P3", "2022-10-10", "personal", "20000"),
    ("G1", "2022-11-05", "externa_tjanster", "12000"),
    ("P4", "2023-02-10", "personal", "25000"),
    ("E5", "2023-03-03", "externa_tjanster", "9000"),
]
E4 = ("E4", "2022-06-10", "externa_tjanster", "5000")
LATER = [("P5", "2023-08-01", "personal", "10000")]


def booked(rows, frm, to):
    """Eligible costs per category of the rows dated in [frm, to], flat rate as the step of the
    cumulative (DOMAIN.md "Rounding": the flat rate is rounded down on the cumulative aggregate)."""
    out = {}
    for v, d, c, a in rows:
        if frm <= d <= to:
            out[c] = out.get(c, Decimal(0)) + D(a)
    return out


def cumulative(rows, to):
    out = booked(rows, "2022-01-01", to)
    out["schablonkostnader"] = pct(out.get("personal", Decimal(0)), FLAT)
    return out


def span(rows, frm, to):
    day_before = (dt.date.fromisoformat(frm) - dt.timedelta(days=1)).isoformat()
    a, b = cumulative(rows, to), cumulative(rows, day_before)
    return {c: a.get(c, Decimal(0)) - b.get(c, Decimal(0)) for c in set(a) | set(b)}


# Request 1 as sent (with E4, without L1): its costs and flat rate; request 2 likewise.
R1_ROWS = [r for r in BOOKS if r[0] in ("P1", "E1", "E2")] + [E4]
R1 = span(R1_ROWS, "2022-01-01", "2022-06-30")
R1_APPROVED = {"externa_tjanster": R1["externa_tjanster"] - 5000}
R1_AID = pct(sum(R1.values()), RATE)
R1_PAID = pct(sum(R1.values()) - 5000, RATE)
R2_ROWS = R1_ROWS + [r for r in BOOKS if r[0] in ("P2", "E3")]
R2 = span(R2_ROWS, "2022-07-01", "2022-09-30")
R2_AID = pct(sum(R1.values()) + sum(R2.values()), RATE) - R1_AID


def txn(v, d, c, a):
    return f'      - {{date: {d}, voucher: {v}, file: ledger/costs.csv, category: {c}, amount: "{a}"}}'


def write_project(folder, financing_share=None):
    (folder / "ledger").mkdir(parents=True)
    aid = f"rate: {RATE}%, max: 900000" + (f", financing_share: {financing_share}%" if financing_share else "")
    (folder / "project.yaml").write_text(f"""schema: grantkit/project/1
project: {{id: register-test, name: Registertest, owner: Region Test, programme: erdf-2014-2020}}
organisations:
  - {{id: region-test, name: Region Test, role: owner}}
decision:
  case_id: "20999999"
  eligible: {{from: 2022-01-01, to: 2023-12-31}}
  aid: {{{aid}}}
  budget:
    total: 1952400
    categories: {{personal: 1000000, schablonkostnader: 452400, externa_tjanster: 500000}}
full_time: {{from: 2022-01-01, to: 2023-12-31}}
activities:
  - {{id: A1, name: Genomförande, budget: 1952400, period: {{from: 2022-01-01, to: 2023-12-31}}}}
financing:
  - {{id: kommunen, name: Testkommun, type: public, cash: 1052400, total: 1052400}}
sources:
  ledger:
    - {{path: "ledger/*.csv", format: csv}}
""", encoding="utf-8")
    rows = ["date,voucher,account,amount,text,category,activity,paid"]
    for v, d, c, a in BOOKS:
        rows.append(f"{d},{v},6550,{a},Kostnad {v},{c},A1,{d}")
    (folder / "ledger" / "costs.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    lines = ["schema: grantkit/claims/1", "# The register: kept as written by claim --record.", "claims:",
             "  - id: 1", "    period: {from: 2022-01-01, to: 2022-06-30}", "    submitted: 2022-07-10",
             "    reported:"]
    lines += [f'      {c}: "{a}"' for c, a in sorted(R1.items())]
    lines += ["    approved:"] + [f'      {c}: "{a}"' for c, a in R1_APPROVED.items()]
    lines += [f'    aid_claimed: "{R1_AID}"', f'    aid_paid: "{R1_PAID}"', "    paid_date: 2022-09-01",
              "    status: paid", "    transactions:"]
    lines += [txn(*r) for r in R1_ROWS]
    lines += ["  - id: 2", "    period: {from: 2022-07-01, to: 2022-09-30}", "    submitted: 2022-10-12",
              "    reported:"]
    lines += [f'      {c}: "{a}"' for c, a in sorted(R2.items())]
    lines += [f'    aid_claimed: "{R2_AID}"', "    status: submitted", "    transactions:"]
    lines += [txn(*r) for r in R2_ROWS if r[0] in ("P2", "E3")]
    (folder / "claims.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def claim(folder, period, as_of, *extra):
    p = subprocess.run([GK, "claim", str(folder), "--period", period, "--as-of", as_of, "-f", "json", "--lang", "en",
                        *extra],
                       capture_output=True, text=True)
    return p.returncode, (json.loads(p.stdout) if p.stdout.strip() else None), p.stderr


def rules(stderr):
    return [line.rsplit("[", 1)[1].rstrip("]") for line in stderr.splitlines() if line.endswith("]")]


def check_request(doc, where, books, reported, deducted, before_to, frm, to, accepted_aid, claimed_aid,
                  share=None):
    """The cost table and aid of a request, from the books and the register."""
    day_before = (dt.date.fromisoformat(frm) - dt.timedelta(days=1)).isoformat()
    before = cumulative(books, before_to)
    this = span(books, frm, to)
    rows = {r["category"]: r for r in doc["costs"]}
    total = {k: Decimal(0) for k in ("previously_reported", "deducted", "this_period", "late_costs", "claimed",
                                      "cumulative")}
    for c in ("personal", "schablonkostnader", "externa_tjanster"):
        r = rows.get(c)
        if r is None:
            fail(f"{where}: no row for {c}")
            continue
        want = {
            "deducted": deducted.get(c, 0),
            "previously_reported": reported.get(c, 0) - deducted.get(c, 0),
            "this_period": this.get(c, 0),
            "late_costs": before.get(c, 0) - reported.get(c, 0),
        }
        want["claimed"] = want["this_period"] + want["late_costs"]
        want["cumulative"] = want["previously_reported"] + want["claimed"]
        for k, v in want.items():
            same(f"{where} {c} {k}", r[k], v)
            total[k] += D(r[k])
        same(f"{where} {c} remaining", r["remaining"], D(r["approved"]) - D(r["cumulative"]))
    for k, v in total.items():
        same(f"{where} total {k} = sum of rows", doc["costs_total"][k], v)
    cum = total["cumulative"]
    earned = pct(cum, RATE)
    if share is not None:
        earned = min(earned, pct(cum, Decimal(share)))
    aid = doc["aid"]
    same(f"{where} aid previously_claimed", aid["previously_claimed"], claimed_aid)
    same(f"{where} aid previously_deducted", aid["previously_deducted"], claimed_aid - accepted_aid)
    same(f"{where} aid to_claim", aid["to_claim"], max(Decimal(0), earned - accepted_aid))
    return cum


def main():
    base = TMP / "register"
    write_project(base)
    reported = {c: R1.get(c, 0) + R2.get(c, 0) for c in set(R1) | set(R2)}
    deducted = {"externa_tjanster": Decimal(5000)}
    accepted = R1_PAID + R2_AID
    code, doc, err = claim(base, "2023-01-01..2023-06-30", "2023-07-15")
    if doc is None:
        fail(f"no claim document (exit {code}): {err[-1500:]}")
    else:
        check_request(doc, "request 3", BOOKS, reported, deducted, "2022-12-31", "2023-01-01", "2023-06-30",
                      accepted, R1_AID + R2_AID)
        found = rules(err)
        # The late invoice, named with its request; the correction; the uncovered months.
        if not any("claim.late-cost" in l and "L1" in l and "request 1" in l for l in err.splitlines()):
            fail(f"no claim.late-cost naming L1 and request 1:\n{err}")
        if not any("claim.reported-changed" in l and "E4" in l for l in err.splitlines()):
            fail(f"no claim.reported-changed naming E4:\n{err}")
        gap = [l for l in err.splitlines() if "claim.gap" in l]
        if len(gap) != 1 or "2022-10–2022-12" not in gap[0]:
            fail(f"claim.gap should name 2022-10–2022-12 once: {gap}")
        # 20 000 + 12 000 booked and the flat rate on 20 000, as the step of the cumulative.
        gap_costs = sum(span(BOOKS, "2022-10-01", "2022-12-31").values())
        if gap and f"{gap_costs:,.2f}" not in gap[0]:  # English number style (--lang en)
            fail(f"claim.gap should state {gap_costs} kr: {gap[0]}")
        if "claim.period-open" in found:
            fail("claim.period-open for a period that has ended")
        # The transaction list: the late invoice, the gap's rows, then the period's.
        tx = [(t["voucher"], t["late_from"]) for t in doc["transactions"]]
        # E4, which request 1 held and the books no longer do, is a negative row: a correction.
        want_tx = [("L1", "1"), ("P3", "gap"), ("G1", "gap"), ("E4", "1"), ("P4", None), ("E5", None)]
        if tx != want_tx:
            fail(f"transaction list {tx}, want {want_tx}")
        e4 = [t for t in doc["transactions"] if t["voucher"] == "E4"]
        if not e4 or D(e4[0]["amount"]) != -D(E4[3]):
            fail(f"the correction row of E4: {e4}")
        listed = sum(D(a) for v, d, c, a in BOOKS if v in ("L1", "P3", "G1", "P4", "E5")) - D(E4[3])
        same("transaction list total", doc["transactions_total"]["amount"], listed)
        # The booked categories' "reported now" is the transaction list (the flat rate is computed).
        booked_now = sum(D(r["claimed"]) for r in doc["costs"] if r["category"] != "schablonkostnader")
        same("transaction list = reported now of the booked categories", doc["transactions_total"]["amount"],
             booked_now)
        if any("claim.reported-changed" in l and "beyond the rows named" in l for l in err.splitlines()):
            fail(f"a per-category correction although E4's row explains it:\n{err}")

    # The decision's second percentage: aid at most 40 % of the total financing.
    capped = TMP / "capped"
    write_project(capped, financing_share=40)
    code, doc, err = claim(capped, "2023-01-01..2023-06-30", "2023-07-15")
    if doc is not None:
        check_request(doc, "second percentage", BOOKS, reported, deducted, "2022-12-31", "2023-01-01",
                      "2023-06-30", accepted, R1_AID + R2_AID, share=40)
        if D(doc["aid"]["financing_share"]) != 40:
            fail(f"aid.financing_share {doc['aid']['financing_share']}")
    else:
        fail(f"second percentage: no document: {err[-800:]}")

    # A request overlapping a registered one is refused.
    code, doc, err = claim(base, "2022-08-01..2022-12-31", "2023-01-15")
    if code != 1 or "claim.overlap" not in rules(err):
        fail(f"overlap: exit {code}, rules {rules(err)}")
    # A period not ended as of --as-of.
    code, doc, err = claim(base, "2023-01-01..2023-06-30", "2023-05-31")
    if "claim.period-open" not in rules(err):
        fail(f"period not ended: rules {rules(err)}")
    code, doc, err = claim(base, "2023-01-01..2023-06-30", "2023-05-31", "--record")
    if code != 1 or "claim.record-refused" not in rules(err):
        fail(f"--record of an open period: exit {code}, rules {rules(err)}")

    # --record, then the next request continues from the register.
    rec = TMP / "record"
    shutil.copytree(base, rec)
    before_text = (rec / "claims.yaml").read_text(encoding="utf-8")
    code, doc3, err = claim(rec, "2023-01-01..2023-06-30", "2023-07-15", "--record")
    after_text = (rec / "claims.yaml").read_text(encoding="utf-8")
    if code != 0:
        fail(f"--record: exit {code}: {err[-1500:]}")
    if not after_text.startswith(before_text):
        fail("--record changed the register's existing text (comments and order must be kept)")
    code, doc, err = claim(rec, "2023-01-01..2023-06-30", "2023-07-15", "--record")
    if code != 1 or "claim.record-exists" not in rules(err):
        fail(f"recording a period twice: exit {code}, rules {rules(err)}")
    if (rec / "claims.yaml").read_text(encoding="utf-8") != after_text:
        fail("a refused --record changed claims.yaml")
    if doc3 is not None:
        books = BOOKS + LATER
        with open(rec / "ledger" / "costs.csv", "a", encoding="utf-8") as f:
            for v, d, c, a in LATER:
                f.write(f"{d},{v},6550,{a},Kostnad {v},{c},A1,{d}\n")
        r3 = {r["category"]: D(r["claimed"]) for r in doc3["costs"] if D(r["claimed"]) != 0}
        reported3 = {c: reported.get(c, 0) + r3.get(c, 0) for c in set(reported) | set(r3)}
        accepted3 = accepted + D(doc3["aid"]["to_claim"])
        code, doc, err = claim(rec, "2023-07-01..2023-12-31", "2024-01-15")
        if doc is None:
            fail(f"request 4: no document: {err[-800:]}")
        else:
            check_request(doc, "request 4 after --record", books, reported3, deducted, "2023-06-30", "2023-07-01",
                          "2023-12-31", accepted3, R1_AID + R2_AID + D(doc3["aid"]["to_claim"]))
            found = rules(err)
            for rule in ("claim.late-cost", "claim.gap", "claim.reported-changed"):
                if rule in found:
                    fail(f"request 4: {rule} after request 3 claimed those costs:\n{err}")
            # E4 is still missing from the books: the register still holds it.
            tx = [t["voucher"] for t in doc["transactions"]]
            if tx != ["P5"]:
                fail(f"request 4 transaction list {tx}, want ['P5']")
            # Request 4's cumulative is the books' cumulative less the deduction and the correction.
            cum_books = sum(cumulative(books, "2023-12-31").values())
            same("request 4 cumulative = books − deducted", doc["costs_total"]["cumulative"], cum_books - 5000)

    if failures:
        for f in failures:
            print("FAIL:", f)
        sys.exit(1)
    print("ok")


main()
