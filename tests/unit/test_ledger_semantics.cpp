// Ledger semantics on real exports: receipts read by meaning whatever the columns, aid paid out as
// its own kind, payment dates and the payment request, activity periods, the owner's share.
#include <doctest/doctest.h>

#include <grantkit/check/rules.hpp>
#include <grantkit/io/ledger_loader.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/reports/claim.hpp>
#include <grantkit/reports/cofinancing.hpp>
#include <grantkit/reports/eligible.hpp>

#include "support.hpp"
#include "views.hpp"

using namespace grantkit;
using core::Money;
using test::count_rule;
using test::replaced;
using test::TempDir;

namespace {

// kValidProject with its ledger sources replaced by `sources` (list items indented 4).
model::Project project_with(const TempDir& dir, const std::string& sources, core::Diagnostics& d,
                            const std::string& project_text = test::kValidProject) {
  dir.write("project.yaml",
            replaced(project_text, "    - {path: \"ledger/*.csv\", format: csv}\n", sources));
  auto p = io::load_project(dir.path(), test::data_dir(), d);
  REQUIRE(p);
  return *p;
}

// The project's ledger read and classified as the claim-like commands do.
model::Outcome classify(const model::Project& p, core::Diagnostics& d,
                        std::optional<core::Date> paid_by = std::nullopt,
                        std::optional<core::Period> detail = std::nullopt) {
  check::OutcomeBuilder b(p, d, !detail, detail, paid_by);
  io::LedgerLoad read =
      io::read_ledger(p, test::data_dir(), d, [&](const model::TransactionView& t) { b.add(t); });
  model::Outcome o = b.finish();
  for (auto& e : read.unreadable) o.add_exclusion(std::move(e));
  return o;
}

reports::ReportWindow window(const model::Project& p, const char* as_of, const char* period) {
  return *reports::make_window(p, test::date(as_of), *core::parse_period_expression(period),
                               test::date("2030-01-01"));
}

const reports::Cell& value(const reports::Document& doc, const std::string& object,
                           const std::string& key) {
  for (const auto& [name, v] : doc.values) {
    if (name != object) continue;
    for (const auto& [k, c] : v.entries) {
      if (k == key) return c;
    }
  }
  FAIL("no " << object << "." << key);
  static reports::Cell none;
  return none;
}

const reports::Table& table(const reports::Document& doc, const std::string& key) {
  for (const auto& t : doc.tables) {
    if (t.key == key) return t;
  }
  FAIL("no table " << key);
  return doc.tables.front();
}

std::string messages(const core::Diagnostics& d, const std::string& rule) {
  std::string out;
  for (const auto& x : d.items()) {
    if (x.rule == rule) out += x.message + "\n";
  }
  return out;
}

Money received(const model::Outcome& o, const std::string& financier) {
  Money m;
  for (const auto& [k, v] : o.received) {
    if (k.financier == financier) m += v;
  }
  return m;
}

}  // namespace

TEST_CASE(
    "ledger: a Debet/Kredit CSV with a receipt, a repayment and an aid payment, read by meaning") {
  TempDir dir;
  // A municipality's 150 000 kr in the Kredit column, 20 000 kr of it paid back (Debet), and
  // Tillväxtverket's 318 412 kr paid out (Kredit), booked on a class-3 account.
  dir.write("ledger/dk.csv",
            "date;voucher;account;debit;credit;text;category;activity;financier\n"
            "2022-02-01;V1;3530;;150 000,00;Medfinansiering Testkommun;financing;;kommunen\n"
            "2022-03-01;V2;3530;20 000,00;;Återbetalning Testkommun;financing;;kommunen\n"
            "2022-04-01;V3;3010;;318 412,00;Utbetalt stöd;aid;;\n"
            "2022-02-10;V4;6550;10 000,00;;Konsult;externa_tjanster;A2;\n"
            "2022-02-11;V5;6550;;2 500,00;Kreditnota konsult;externa_tjanster;A2;\n");
  core::Diagnostics d;
  auto p = project_with(
      dir, "    - {path: \"ledger/dk.csv\", format: csv, delimiter: \";\", decimal: \",\"}\n", d);
  auto o = classify(p, d);
  // The receipt is +150 000 received; the repayment lowers it and is a finding naming it.
  CHECK(received(o, "kommunen") == Money::from_kronor(130000));
  CHECK(count_rule(d, "ledger.repayment") == 1);
  CHECK(messages(d, "ledger.repayment").find("V2") != std::string::npos);
  CHECK(messages(d, "ledger.repayment").find("20 000 kr") != std::string::npos);
  // Aid paid out is neither cost nor income: the eligible costs are the two cost rows only.
  Money aid;
  for (const auto& [day, m] : o.aid_paid) aid += m;
  CHECK(aid == Money::from_kronor(318412));
  Money costs;
  for (const auto& [k, m] : o.booked_in(p.decision.eligible)) costs += m;
  CHECK(costs == Money::from_kronor(7500));
  // cofinancing shows the aid paid out to date (no claims.yaml: nothing claimed to compare with).
  auto doc = test::cofinancing_report(p, o, window(p, "2022-12-31", "2022-12"));
  CHECK(value(doc, "aid", "paid_to_date").number == 31841200);
  CHECK(value(doc, "aid", "claimed_to_date").is_empty());
  CHECK(count_rule(doc.diagnostics, "aid.paid-mismatch") == 0);
  // With a request in the register, a difference between claimed and paid out is a finding.
  model::Claim c;
  c.id = "1";
  c.period = {test::date("2021-06-01"), test::date("2021-12-31")};
  c.aid_claimed = Money::from_kronor(318412);
  p.claims = {c};
  CHECK(count_rule(test::cofinancing_report(p, o, window(p, "2022-12-31", "2022-12")).diagnostics,
                   "aid.paid-mismatch") == 0);
  c.aid_claimed = Money::from_kronor(320000);
  p.claims = {c};
  auto off = test::cofinancing_report(p, o, window(p, "2022-12-31", "2022-12"));
  CHECK(count_rule(off.diagnostics, "aid.paid-mismatch") == 1);
  CHECK(value(off, "aid", "claimed_to_date").number == 32000000);
  // The claim shows it too.
  auto claim = test::claim_report(p, o, window(p, "2022-06-30", "2022-H1"));
  CHECK(value(claim, "aid", "paid_to_date").number == 31841200);
  CHECK(count_rule(claim.diagnostics, "aid.paid-mismatch") == 1);
}

TEST_CASE("ledger: aid by account_map and by the BAS plan (3981 Erhållna EU-bidrag)") {
  TempDir dir;
  dir.write("ledger/a.csv",
            "date,voucher,account,amount,text\n"
            "2022-04-01,V1,3010,318412,Utbetalt stöd\n"
            "2022-05-01,V2,3981,1000,EU-bidrag\n"
            "2022-05-02,V3,3011,500,Försäljning\n");
  core::Diagnostics d;
  auto p = project_with(
      dir,
      "    - {path: \"ledger/a.csv\", format: csv, accounts: bas, account_map: {\"3010\": aid}}\n",
      d);
  auto o = classify(p, d);
  Money aid;
  for (const auto& [day, m] : o.aid_paid) aid += m;
  CHECK(aid == Money::from_kronor(319412));
  // The sale stays income (intakter), which lowers the eligible costs as before.
  Money booked;
  for (const auto& [k, m] : o.booked_in(p.decision.eligible)) booked += m;
  CHECK(booked == Money::from_kronor(500));
  CHECK(count_rule(d, "ledger.repayment") == 0);
}

TEST_CASE("claim: paid, unpaid and late-paid costs, and a source without payment dates") {
  TempDir dir;
  dir.write("ledger/paid.csv",
            "date;voucher;account;amount;text;category;activity;paid\n"
            "2022-02-10;P1;6550;1000,00;Betald;externa_tjanster;A2;2022-02-20\n"
            "2022-02-11;P2;6550;2000,00;Obetald;externa_tjanster;A2;\n"
            "2022-02-12;P3;6550;4000,00;Betald efter as-of;externa_tjanster;A2;2022-07-15\n"
            "2022-03-01;P4;6550;8000,00;Betald efter perioden;externa_tjanster;A2;2023-05-01\n");
  const std::string sources =
      "    - {path: \"ledger/paid.csv\", format: csv, delimiter: \";\", decimal: \",\"}\n";
  core::Diagnostics d;
  auto p = project_with(dir, sources, d);
  auto w = window(p, "2022-06-30", "2022-H1");
  auto o = classify(p, d, w.as_of, w.period);
  // Paid after the eligible period ends: ineligible.
  CHECK(count_rule(d, "ledger.paid-after-eligible-period") == 1);
  CHECK(messages(d, "ledger.paid-after-eligible-period").find("P4") != std::string::npos);
  auto doc = test::claim_report(p, o, w);
  // Only P1 is claimed; P2 (no payment date) and P3 (paid after --as-of) are left out, listed with
  // their vouchers, and the claim's totals still add up.
  CHECK(table(doc, "transactions").rows.size() == 1);
  CHECK(table(doc, "transactions").total->back().number == 100000);
  CHECK(table(doc, "costs").total->at(4).number == 100000);
  CHECK(count_rule(doc.diagnostics, "claim.unpaid") == 2);
  std::string unpaid = messages(doc.diagnostics, "claim.unpaid");
  CHECK(unpaid.find("P2") != std::string::npos);
  CHECK(unpaid.find("P3") != std::string::npos);
  CHECK(count_rule(doc.diagnostics, "claim.payment-unknown") == 0);
  std::size_t listed = 0;
  for (const auto& r : table(doc, "excluded").rows) listed += r[4].text == "claim.unpaid";
  CHECK(listed == 2);
  // budget keeps them as booked: 1 000 + 2 000 + 4 000.
  Money booked;
  for (const auto& [k, m] : o.booked_in(*w.this_period)) booked += m;
  CHECK(booked == Money::from_kronor(7000));
  // Paid by a later --as-of, P3 is claimed.
  auto later = window(p, "2022-07-31", "2022-H1");
  core::Diagnostics d2;
  auto o2 = classify(p, d2, later.as_of, later.period);
  CHECK(table(test::claim_report(p, o2, later), "transactions").total->back().number == 500000);

  // A source that gives no payment date at all: its costs are claimed as booked, and the request
  // says once that payment could not be checked.
  dir.write("ledger/nopaid.csv",
            "date,voucher,account,amount,text,category,activity\n"
            "2022-02-10,N1,6550,100,Ett,externa_tjanster,A2\n"
            "2022-02-11,N2,6550,200,Två,externa_tjanster,A2\n");
  core::Diagnostics d3;
  auto p3 = project_with(dir, sources + "    - {path: \"ledger/nopaid.csv\", format: csv}\n", d3);
  auto o3 = classify(p3, d3, w.as_of, w.period);
  auto doc3 = test::claim_report(p3, o3, w);
  CHECK(count_rule(doc3.diagnostics, "claim.payment-unknown") == 1);
  CHECK(messages(doc3.diagnostics, "claim.payment-unknown").find("nopaid.csv") !=
        std::string::npos);
  CHECK(count_rule(doc3.diagnostics, "claim.unpaid") == 2);
  CHECK(table(doc3, "transactions").total->back().number == 100000 + 30000);
  // Without --as-of payment checks (budget), nothing is unpaid and nothing is said.
  core::Diagnostics d4;
  auto o4 = classify(p3, d4);
  CHECK(o4.payment_unknown.empty());
  for (const auto& t : o4.costs) CHECK_FALSE(t.unpaid);
}

TEST_CASE("claim: costs of simplified cost options need no payment date") {
  TempDir dir;
  dir.write("ledger/p.csv",
            "date;voucher;account;amount;text;category;activity;paid\n"
            "2022-02-10;S1;5010;10000,00;Lön;personal;A2;2022-02-25\n"
            "2022-02-10;S2;;500,00;Värderad tid;offentligt_bidrag_i_annat_an_pengar;A2;\n");
  core::Diagnostics d;
  auto p = project_with(
      dir, "    - {path: \"ledger/p.csv\", format: csv, delimiter: \";\", decimal: \",\"}\n", d);
  auto w = window(p, "2022-06-30", "2022-H1");
  auto o = classify(p, d, w.as_of, w.period);
  auto doc = test::claim_report(p, o, w);
  CHECK(count_rule(doc.diagnostics, "claim.unpaid") == 0);
  CHECK(table(doc, "transactions").rows.size() == 2);
}

TEST_CASE("ledger.outside-activity-period: a cost after its activity ended") {
  TempDir dir;
  // A1 runs 2021-06-01 – 2021-12-31, A2 2022-01-01 – 2022-12-31; the eligible period ends
  // 2023-03-31.
  dir.write("ledger/a.csv",
            "date,voucher,account,amount,text,category,activity\n"
            "2021-12-31,A1-last,6550,100,Sista dagen,externa_tjanster,A1\n"
            "2022-01-16,A1-late,6550,48000,Efter aktiviteten,externa_tjanster,A1\n"
            "2023-02-01,FINAL,6550,900,Slutrevision,externa_tjanster,\n");
  core::Diagnostics d;
  auto p = project_with(dir, "    - {path: \"ledger/a.csv\", format: csv}\n", d);
  auto o = classify(p, d);
  CHECK(count_rule(d, "ledger.outside-activity-period") == 1);
  CHECK(messages(d, "ledger.outside-activity-period").find("A1-late") != std::string::npos);
  CHECK(d.items().front().severity == core::Severity::warning);
  Money booked;
  for (const auto& [k, m] : o.booked_in(p.decision.eligible)) booked += m;
  CHECK(booked == Money::from_kronor(1000));  // A1-last and the final-reporting cost
  // A rule set that allows no final-reporting costs after the activities: the last row goes too.
  p.programme.final_reporting_after_activities = false;
  core::Diagnostics d2;
  auto o2 = classify(p, d2);
  CHECK(count_rule(d2, "ledger.outside-activity-period") == 2);
  CHECK(messages(d2, "ledger.outside-activity-period").find("FINAL") != std::string::npos);
}

TEST_CASE("cofinancing: the owner's share is the balancing item, never a shortfall") {
  // The owner (region-test) co-finances: budget 1 000 000 − aid 400 000 − Testkommun 500 000.
  std::string text = replaced(test::kValidProject, "aid: {rate: 50%, max: 500000}",
                              "aid: {rate: 50%, max: 400000}");
  text = replaced(text, "financing:\n",
                  "financing:\n  - {id: region-test, name: Region Test, type: public, cash: "
                  "100000, in_kind: 0, total: 100000}\n");
  TempDir dir;
  dir.write("ledger/c.csv",
            "date,voucher,account,amount,text,category,activity,financier\n"
            "2022-02-10,C1,6550,60000,Konsult,externa_tjanster,A2,\n"
            "2022-02-11,C2,3530,10000,Medfinansiering,financing,,kommunen\n");
  core::Diagnostics d;
  auto p = project_with(dir, "    - {path: \"ledger/c.csv\", format: csv}\n", d, text);
  core::Diagnostics v;
  check::check_project(p, v);
  CHECK(count_rule(v, "financing.owner-negative") == 0);
  auto o = classify(p, d);
  auto doc = test::cofinancing_report(p, o, window(p, "2022-06-30", "2022-06"));
  const auto& rows = table(doc, "rows");
  const auto* owner = &rows.rows[0];
  CHECK(owner->at(0).text == "region-test");
  // Planned: the balancing item 100 000; to date: eligible 60 000 − aid 30 000 − Testkommun 10 000.
  CHECK(owner->at(6).number == 10000000);
  CHECK(owner->at(7).number == 2000000);
  CHECK(owner->at(8).is_empty());
  for (const auto& f : owner->at(9).list) CHECK(f != "financing.shortfall");
  // Testkommun is behind its pro-rata share: that one is a shortfall.
  CHECK(count_rule(doc.diagnostics, "financing.shortfall") == 1);
  // Totals are the sums of the rows.
  for (std::size_t c : {2u, 3u, 4u, 5u, 6u, 7u, 8u}) {
    std::int64_t sum = 0;
    for (const auto& r : rows.rows) sum += r[c].number;
    CHECK(sum == rows.total->at(c).number);
  }
  // A plan whose owner share comes out negative is an error.
  p.decision.aid.max = Money::from_kronor(600000);
  core::Diagnostics neg;
  check::check_project(p, neg);
  CHECK(count_rule(neg, "financing.owner-negative") == 1);
  CHECK(neg.has_errors());
}

TEST_CASE("ledger: SIE payment dates from the source's paid_dimension") {
  TempDir dir;
  dir.write("ledger/l.se",
            "#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#DIM 23 \"Betaldatum\"\n"
            "#VER A 1 20220210 \"Faktura\"\n{\n#TRANS 6550 {20 \"A2\" 23 \"20220220\"} "
            "1000.00\n#TRANS 2440 {} -1000.00\n}\n"
            "#VER A 2 20220211 \"Faktura\"\n{\n#TRANS 6550 {20 \"A2\" 23 \"2022-07-15\"} "
            "2000.00\n#TRANS 2440 {} -2000.00\n}\n"
            "#VER A 3 20220212 \"Faktura\"\n{\n#TRANS 6550 {20 \"A2\"} 4000.00\n#TRANS 2440 {} "
            "-4000.00\n}\n"
            "#VER A 4 20220213 \"Faktura\"\n{\n#TRANS 6550 {20 \"A2\" 23 \"snart\"} "
            "8000.00\n#TRANS 2440 {} -8000.00\n}\n");
  core::Diagnostics d;
  auto p = project_with(
      dir,
      "    - {path: \"ledger/l.se\", format: sie, accounts: bas, activity_dimension: 20, "
      "paid_dimension: 23}\n",
      d);
  auto w = window(p, "2022-06-30", "2022-H1");
  auto o = classify(p, d, w.as_of, w.period);
  CHECK(count_rule(d, "ledger.date") == 1);  // 'snart' is not a date: the row counts as not paid
  auto doc = test::claim_report(p, o, w);
  CHECK(table(doc, "transactions").total->back().number == 100000);
  CHECK(count_rule(doc.diagnostics, "claim.unpaid") == 3);
  CHECK(count_rule(doc.diagnostics, "claim.payment-unknown") == 0);
  // Without paid_dimension the same file gives no payment date at all.
  core::Diagnostics d2;
  auto p2 = project_with(
      dir, "    - {path: \"ledger/l.se\", format: sie, accounts: bas, activity_dimension: 20}\n",
      d2);
  auto o2 = classify(p2, d2, w.as_of, w.period);
  auto doc2 = test::claim_report(p2, o2, w);
  CHECK(count_rule(doc2.diagnostics, "claim.payment-unknown") == 1);
  CHECK(count_rule(doc2.diagnostics, "claim.unpaid") == 0);
  CHECK(table(doc2, "transactions").total->back().number == 1500000);
}
