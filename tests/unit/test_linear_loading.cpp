// Large inputs read in linear time and compact memory, with the same results as before: a YAML map
// of 200 000 keys (duplicates still found), an account_map of 100 000 accounts (overlaps still
// found), activities and financiers looked up by hash, time rows indexed by person and month (the
// same seconds as a scan of every row), and time-report rows that share their repeated text.
// Only results are checked here; the times and peak memory are measured by scripts/bench.
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <grantkit/io/accounts_loader.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/io/time_loader.hpp>
#include <grantkit/io/yaml_doc.hpp>
#include <grantkit/io/yaml_read.hpp>
#include <grantkit/reports/eligible.hpp>
#include <grantkit/reports/staffing.hpp>

#include "support.hpp"

using namespace grantkit;
using grantkit::test::count_rule;

namespace {

model::Activity activity(std::string id, std::string name) {
  model::Activity a;
  a.id = std::move(id);
  a.name = std::move(name);
  return a;
}

core::Date ymd(int y, int m, int d) {
  return core::Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                    static_cast<unsigned short>(d));
}

model::Financier financier(std::string id, std::string name) {
  model::Financier f;
  f.id = std::move(id);
  f.name = std::move(name);
  return f;
}

}  // namespace

TEST_CASE("io::parse_yaml reads a map of 200 000 keys and still finds every duplicate key") {
  constexpr int kKeys = 200000;
  std::string text;
  text.reserve(kKeys * 24);
  for (int i = 0; i < kKeys; ++i) text += fmt::format("k{}: {}\n", i, i);
  // Line kKeys + 1 repeats the first key, line kKeys + 2 one from the middle (its line 100 001).
  text += "k0: again\nk100000: again\n";
  core::Diagnostics d;
  auto n = io::parse_yaml(text, "big.yaml", d);
  REQUIRE(n);
  REQUIRE(n->is_map());
  CHECK(n->entries.size() == static_cast<std::size_t>(kKeys));
  CHECK(n->entries.back().key.text == fmt::format("k{}", kKeys - 1));
  REQUIRE(count_rule(d, "yaml.duplicate-key") == 2);
  const auto& first = d.items()[0];
  CHECK(first.place.line == kKeys + 1);
  CHECK(first.message.find("'k0' (first at line 1,") != std::string::npos);
  const auto& second = d.items()[1];
  CHECK(second.place.line == kKeys + 2);
  CHECK(second.message.find("'k100000' (first at line 100001,") != std::string::npos);
  // The first value is kept.
  REQUIRE(n->find("k0"));
  CHECK(n->find("k0")->text == "0");
  CHECK(n->find("k100000")->text == "100000");
}

TEST_CASE("io::read_account_map: 100 000 accounts read, the one overlap among them found") {
  constexpr int kAccounts = 100000;
  std::string text = "account_map:\n";
  for (int i = 0; i < kAccounts; ++i)
    text += fmt::format("  \"{}\": externa_tjanster\n", 100000000 + i);
  // Two ranges that overlap without nesting (line kAccounts + 3 overlaps line kAccounts + 2), and
  // one that holds singles of the map (nested: allowed, the singles win).
  text += "  \"200000010-200000020\": resor_och_logi\n";
  text += "  \"200000015-200000025\": resor_och_logi\n";
  text += "  \"100000000-100000099\": ovriga_kostnader\n";
  core::Diagnostics d;
  auto root = io::parse_yaml(text, "p.yaml", d);
  REQUIRE(root);
  io::YamlReader r(d);
  auto ranges = io::read_account_map(r, *root->find("account_map"));
  CHECK(ranges.size() == static_cast<std::size_t>(kAccounts + 3));
  REQUIRE(count_rule(d, "accounts.overlap") == 1);
  CHECK(d.items().front().place.line == kAccounts + 3);
  // Most specific first: a single account is found as itself, the range only around it.
  const auto* single = model::find_range(ranges, "100000042");
  REQUIRE(single);
  CHECK(single->category == "externa_tjanster");
  CHECK(single->from == "100000042");
  const auto* around = model::find_range(ranges, "100000099");
  REQUIRE(around);
  CHECK(around->from == "100000099");
}

TEST_CASE("model::Project::find_activity and find_financier: hashed, the same answers as a scan") {
  model::Project p;
  for (int i = 0; i < 1000; ++i)
    p.activities.push_back(activity(fmt::format("A{}", i), fmt::format("first {}", i)));
  p.activities.push_back(activity("A7", "second A7"));  // a duplicate id: the first one is found
  auto scan = [&](std::string_view id) -> const model::Activity* {
    for (const auto& a : p.activities) {
      if (a.id == id) return &a;
    }
    return nullptr;
  };
  for (std::string id : {"A0", "A7", "A999", "A1000", "", "a7", "A7 "}) {
    CAPTURE(id);
    CHECK(p.find_activity(id) == scan(id));
  }
  CHECK(p.find_activity("A7")->name == "first 7");
  // The list grows: the new activity is found (the index follows the list's size and storage).
  p.activities.push_back(activity("NEW", "new"));
  REQUIRE(p.find_activity("NEW"));
  CHECK(p.find_activity("NEW") == scan("NEW"));
  // The list is replaced by one of the same size: found in the new list, never the old one.
  std::vector<model::Activity> other(p.activities.size());
  for (std::size_t i = 0; i < other.size(); ++i) other[i].id = fmt::format("B{}", i);
  p.activities = other;
  CHECK(p.find_activity("A1") == nullptr);
  REQUIRE(p.find_activity("B1"));
  CHECK(p.find_activity("B1") == &p.activities[1]);
  // An id changed in place: the old id is no longer found (a hit is checked against its id).
  p.activities[5].id = "renamed";
  CHECK(p.find_activity("B5") == nullptr);
  CHECK(p.find_activity("renamed") == &p.activities[5]);
  // A copy looks up in its own list.
  model::Project copy = p;
  CHECK(copy.find_activity("B2") == &copy.activities[2]);

  p.financing.push_back(financier("kommunen", "Kommunen"));
  p.financing.push_back(financier("regionen", "Regionen"));
  REQUIRE(p.find_financier("regionen"));
  CHECK(p.find_financier("regionen")->name == "Regionen");
  CHECK(p.find_financier("landstinget") == nullptr);
}

namespace {

const char* kProject = R"(schema: grantkit/project/1
project: {id: fjord, name: Fjordprojektet, owner: Region Nord, programme: erdf-2021-2027, currency: SEK}
organisations:
  - {id: region-nord, name: Region Nord, role: owner}
decision:
  case_id: "20240001"
  date: 2024-02-01
  eligible: {from: 2024-03-01, to: 2026-02-28}
  aid: {rate: 40%, max: 2000000}
  rates: {}
  budget:
    total: 5000000
changes: []
full_time: {from: 2024-03-01, to: 2026-02-28}
activities:
  - {id: A1, name: "Analys", budget: 2000000, period: {from: 2024-03-01, to: 2026-02-28}}
  - {id: A2, name: "Pilot", budget: 3000000, period: {from: 2024-03-01, to: 2026-02-28}}
financing:
  - {id: region-nord, name: Region Nord, type: public, cash: 5000000, in_kind: 0, total: 5000000}
)";

// Two hourly persons, the second with two staffing entries (a gap between them).
const char* kStaff = R"(schema: grantkit/staff/1
staff:
  - {id: analytiker, role: Analytiker, organisation: region-nord, percent: 100%, basis: hourly,
     funding: cash, monthly_salary: 38700, period: {from: 2024-03-01, to: 2026-02-28}}
  - {id: utvecklare, role: Utvecklare, organisation: region-nord, percent: 50%, basis: hourly,
     funding: cash, monthly_salary: 41000, period: {from: 2024-03-15, to: 2024-09-10}}
  - {id: utvecklare, role: Utvecklare, organisation: region-nord, percent: 50%, basis: hourly,
     funding: cash, monthly_salary: 43000, period: {from: 2025-01-01, to: 2025-06-30}}
)";

}  // namespace

TEST_CASE(
    "reports::TimeIndex: reported_seconds per entry and month as a scan of every row gives them") {
  test::TempDir dir;
  dir.write("project.yaml", kProject);
  dir.write("staff.yaml", kStaff);
  core::Diagnostics d;
  auto p = io::load_project(dir.path(), test::data_dir(), d);
  REQUIRE(p);
  // 6 000 rows, deterministic: known and unknown persons and activities, month rows and dated rows,
  // months inside and outside the staffing periods.
  const std::vector<std::string> persons = {"analytiker", "utvecklare", "okand"};
  const std::vector<std::string> activities = {"A1", "A2", "A9"};
  std::vector<model::TimeEntry> rows;
  for (int i = 0; i < 6000; ++i) {
    model::TimeEntry t;
    t.person = persons[static_cast<std::size_t>(i % 3)];
    t.activity = activities[static_cast<std::size_t>(i / 3 % 3)];
    t.month = core::Month{2024 + i % 24 / 12, i % 12 + 1};
    if (i % 5 != 0) {
      t.date = ymd(t.month.year, t.month.month, i % 28 + 1);
    }
    t.seconds = 60 * (i % 480 + 1) + i % 7;
    rows.push_back(t);
  }
  // A scan of every row for every question: what reported_seconds answered before the index.
  auto scan = [&](const model::StaffEntry& e, core::Month m, const core::Period& part) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    core::Period span = p->staff_period(e);
    for (const auto& t : rows) {
      bool planned = false;
      for (const auto& a : p->activities) planned = planned || a.id == t.activity.str();
      if (t.person.str() != e.id || !(t.month == m) || !planned) continue;
      core::Period days = t.span();
      if (!days.overlaps(part) || part.to < days.from || !days.overlaps(span)) continue;
      bool found = false;
      for (auto& [act, sec] : out) {
        if (act == t.activity.str()) {
          sec += t.seconds;
          found = true;
        }
      }
      if (!found) out.emplace_back(t.activity.str(), t.seconds);
    }
    return out;
  };
  const reports::TimeIndex index(*p, rows);
  std::int64_t total = 0;
  int questions = 0;
  for (const auto& e : p->staff) {
    for (const auto& m : core::months_of(core::Period{ymd(2024, 1, 1), ymd(2025, 12, 31)})) {
      core::Period whole{m.first_day(), m.last_day()};
      // The whole month, and a part of it ending on the 14th (rows dated after it are left out).
      for (core::Period part : {whole, core::Period{m.first_day(), ymd(m.year, m.month, 14)}}) {
        CAPTURE(e.id);
        CAPTURE(m.iso());
        auto expected = scan(e, m, part);
        CHECK(reports::reported_seconds(*p, e, index, m, part) == expected);
        CHECK(reports::reported_seconds(*p, e, rows, m, part) == expected);
        for (const auto& [act, sec] : expected) total += sec;
        ++questions;
      }
    }
  }
  CHECK(questions == 3 * 24 * 2);
  CHECK(total > 0);  // the questions found time: the comparison could fail
}

TEST_CASE(
    "io::load_time: a time report over many blocks, every row counted, repeated text shared") {
  test::TempDir dir;
  // 60 000 rows (about 2 MB: more than one block of the streamed reader), on three persons and two
  // activities, 0.01 h each: 36 s a row.
  std::string csv = "person;activity;month;hours\n";
  constexpr int kRows = 60000;
  for (int i = 0; i < kRows; ++i) {
    csv +=
        fmt::format("projektadministrator-{};A{};2022-{:02d};0,01\n", i % 3, i % 2 + 1, i % 12 + 1);
  }
  dir.write("time/t.csv", csv);
  model::Project p;
  p.dir = dir.path();
  model::SourceSpec s;
  s.path = "time/*.csv";
  s.format = "csv";
  p.time_sources.push_back(s);
  core::Diagnostics d;
  auto rows = io::load_time(p, d);
  CHECK(d.empty());
  REQUIRE(rows.size() == static_cast<std::size_t>(kRows));
  std::int64_t seconds = 0;
  for (const auto& r : rows) seconds += r.seconds;
  CHECK(seconds == kRows * 36);
  CHECK(rows[59999].place.line == kRows + 1);
  CHECK(rows[59999].person == "projektadministrator-2");
  CHECK(rows[59999].month == core::Month{2022, 12});
  // One copy of each person, activity and file name for all the rows that repeat it.
  CHECK(&rows[0].person.str() == &rows[3].person.str());
  CHECK(&rows[0].person.str() == &rows[59997].person.str());
  CHECK(&rows[0].person.str() != &rows[1].person.str());
  CHECK(&rows[0].activity.str() == &rows[2].activity.str());
  CHECK(&rows[0].place.file.str() == &rows[59999].place.file.str());
  CHECK(&rows[0].place.file.str() == &rows[0].activity_place.file.str());
  // A finding's place reads the shared file name as a whole place.
  core::SourcePlace at = rows[1].activity_place;
  CHECK(at.file == dir.file("time/t.csv"));
  CHECK(at.line == 3);
  CHECK(at.column == 2);
}

TEST_CASE(
    "io::load_time: a byte that is not UTF-8 anywhere in a streamed file keeps every row out") {
  test::TempDir dir;
  std::string csv = "person,activity,month,hours\n";
  for (int i = 0; i < 50000; ++i) csv += "lead,A1,2022-03,1\n";  // past the first block
  csv += "lead,A1,2022-03,1\xE9\n";
  dir.write("time/t.csv", csv);
  model::Project p;
  p.dir = dir.path();
  model::SourceSpec s;
  s.path = "time/t.csv";
  s.format = "csv";
  p.time_sources.push_back(s);
  core::Diagnostics d;
  auto rows = io::load_time(p, d);
  CHECK(rows.empty());
  REQUIRE(count_rule(d, "csv.encoding") == 1);
  CHECK(d.has_unreadable());
  CHECK(d.items().front().place.line == 50002);
  CHECK(d.items().front().place.column == 18);
}
