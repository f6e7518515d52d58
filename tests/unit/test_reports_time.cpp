// The time report (CLI.md `time`): planned hours (share × full time) against reported hours per
// person and month, and the time.* rules.
#include <doctest/doctest.h>

#include <algorithm>

#include <grantkit/render/render.hpp>
#include <grantkit/reports/time.hpp>

using grantkit::core::Date;
using grantkit::core::Diagnostics;
using grantkit::core::Month;
using grantkit::core::Percent;
using grantkit::core::Period;
using grantkit::model::Project;
using grantkit::model::StaffBasis;
using grantkit::model::StaffEntry;
using grantkit::model::TimeEntry;
using grantkit::reports::Cell;
using grantkit::reports::Document;
using grantkit::reports::Table;
using grantkit::reports::TimeOptions;

namespace {

constexpr std::int64_t kFullMonth = 8600;  // 1 720 h / 12, in minutes
constexpr std::int64_t kHalf = 4300;       // 50 % of a full month

// Whole minutes of a figure in seconds (the figures of these cases are all whole minutes).
std::int64_t mins(std::int64_t seconds) {
  REQUIRE(seconds % 60 == 0);
  return seconds / 60;
}

Date day(int y, int m, int d) {
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}

// Full time 2021-06-01..2022-11-30; A1 over all of it, A2 2022-03..2022-10; `lead` at 50 % fixed
// share over the full-time period, `admin` at 50 % from 2021-09-01.
Project make_project() {
  Project p;
  p.id = "test";
  p.name = "Test";
  p.decision.eligible = {day(2021, 6, 1), day(2023, 3, 31)};
  p.full_time.period = {day(2021, 6, 1), day(2022, 11, 30)};
  grantkit::model::Activity a1;
  a1.id = "A1";
  a1.period = {day(2021, 6, 1), day(2022, 11, 30)};
  grantkit::model::Activity a2;
  a2.id = "A2";
  a2.period = {day(2022, 3, 1), day(2022, 10, 31)};
  p.activities = {a1, a2};
  StaffEntry lead;
  lead.id = "lead";
  lead.organisation = "owner";
  lead.percent = Percent::from_points(50);
  lead.place = {"staff.yaml", 3, 5};
  StaffEntry admin = lead;
  admin.id = "admin";
  admin.period = Period{day(2021, 9, 1), day(2022, 11, 30)};
  admin.place = {"staff.yaml", 10, 5};
  p.staff = {lead, admin};
  return p;
}

TimeEntry te(std::string person, std::string activity, int year, int month, std::int64_t minutes,
             int line = 2) {
  TimeEntry e;
  e.person = std::move(person);
  e.activity = std::move(activity);
  e.month = Month{year, month};
  e.seconds = minutes * 60;
  e.place = {"time/t.csv", line, 0};
  return e;
}

// Both persons report exactly their planned hours in every month of `from`..`to`, on A1.
std::vector<TimeEntry> on_plan(int y1, int m1, int y2, int m2) {
  std::vector<TimeEntry> out;
  for (Month m{y1, m1}; m <= Month{y2, m2}; m = m.next()) {
    out.push_back(te("lead", "A1", m.year, m.month, kHalf));
    out.push_back(te("admin", "A1", m.year, m.month, kHalf));
  }
  return out;
}

TimeOptions window(Period period, Date as_of) {
  TimeOptions o;
  o.window.period = period;
  o.window.as_of = as_of;
  return o;
}

TimeOptions months(int y1, int m1, int y2, int m2) {
  Period p{Month{y1, m1}.first_day(), Month{y2, m2}.last_day()};
  return window(p, p.to);
}

const Table& rows(const Document& doc) {
  REQUIRE_FALSE(doc.tables.empty());
  return doc.tables.front();
}

const Cell& cell(const Table& t, std::size_t row, std::string_view key) {
  REQUIRE(row < t.rows.size());
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].key == key) return t.rows[row][i];
  }
  FAIL("no column " << key);
  return t.rows[row][0];
}

// The row of `person` in `month` (default grouping), or -1.
int row_of(const Table& t, std::string_view person, std::string_view month) {
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if (cell(t, i, "person").text == person && cell(t, i, "month").text == month)
      return static_cast<int>(i);
  }
  return -1;
}

bool flagged(const Table& t, int row, std::string_view rule) {
  REQUIRE(row >= 0);
  const auto& list = cell(t, static_cast<std::size_t>(row), "flags").list;
  return std::find(list.begin(), list.end(), rule) != list.end();
}

bool any_flag(const Table& t, std::string_view rule) {
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if (flagged(t, static_cast<int>(i), rule)) return true;
  }
  return false;
}

std::size_t count_rule(const Diagnostics& d, std::string_view rule) {
  std::size_t n = 0;
  for (const auto& x : d.items()) n += x.rule == rule;
  return n;
}

}  // namespace

TEST_CASE("reports::planned_seconds_in_month") {
  Project p = make_project();
  using grantkit::reports::planned_seconds_in_month;
  CHECK(mins(planned_seconds_in_month(p, "lead", Month{2022, 3})) == kHalf);
  CHECK(mins(planned_seconds_in_month(p, "admin", Month{2021, 8})) == 0);
  CHECK(mins(planned_seconds_in_month(p, "admin", Month{2021, 9})) == kHalf);
  CHECK(mins(planned_seconds_in_month(p, "nobody", Month{2022, 3})) == 0);
  // Two entries of one person add up.
  StaffEntry more = p.staff[0];
  more.percent = Percent::from_points(20);
  more.period = Period{day(2022, 1, 1), day(2022, 6, 30)};
  p.staff.push_back(more);
  CHECK(mins(planned_seconds_in_month(p, "lead", Month{2022, 3})) == kHalf + 1720);
  CHECK(mins(planned_seconds_in_month(p, "lead", Month{2022, 7})) == kHalf);
  // On the calendar basis: April 2022 has 19 working days × 8 h × 50 % = 76 h.
  p.full_time.basis = grantkit::core::FullTimeBasis::calendar;
  CHECK(mins(planned_seconds_in_month(p, "admin", Month{2022, 4})) == 76 * 60);
}

TEST_CASE("reports::time_report rows per person and month") {
  Project p = make_project();
  std::vector<TimeEntry> entries = {
      te("lead", "A1", 2022, 3, 2000),   te("lead", "A2", 2022, 3, 2300),
      te("lead", "A2", 2022, 4, 4000),   te("lead", "A1", 2022, 4, 300),
      te("admin", "A1", 2022, 3, kHalf), te("admin", "A1", 2022, 4, kHalf)};
  Document doc = grantkit::reports::time_report(p, entries, months(2022, 3, 2022, 4));
  CHECK(doc.report == "time");
  const Table& t = rows(doc);
  std::vector<std::string> keys;
  for (const auto& c : t.columns) keys.push_back(c.key);
  CHECK(keys == std::vector<std::string>{"person", "month", "planned_hours", "reported_hours",
                                         "difference_hours", "activities", "flags"});
  REQUIRE(t.rows.size() == 4);
  CHECK(cell(t, 0, "person").text == "lead");  // staffing order, then month order
  CHECK(cell(t, 0, "month").text == "2022-03");
  CHECK(cell(t, 1, "month").text == "2022-04");
  CHECK(cell(t, 2, "person").text == "admin");
  CHECK(mins(cell(t, 0, "planned_hours").number) == kHalf);
  CHECK(mins(cell(t, 0, "reported_hours").number) == kHalf);
  CHECK(mins(cell(t, 0, "difference_hours").number) == 0);
  const Cell& split = cell(t, 1, "activities");
  REQUIRE(split.entries.size() == 2);
  CHECK(split.entries[0].label == "A1");  // plan order
  CHECK(mins(split.entries[0].value.number) == 300);
  CHECK(split.entries[1].label == "A2");
  CHECK(mins(split.entries[1].value.number) == 4000);
  CHECK(doc.diagnostics.empty());
  REQUIRE(t.total.has_value());
  CHECK(mins((*t.total)[2].number) == 4 * kHalf);
  CHECK(mins((*t.total)[3].number) == 4 * kHalf);

  std::string json = grantkit::render::render_json(doc);
  INFO(json);
  CHECK(json.find("\"schema\": \"grantkit/time/1\"") != std::string::npos);
  CHECK(json.find("{\"person\": \"lead\", \"month\": \"2022-04\", \"planned_hours\": 71.67, "
                  "\"reported_hours\": "
                  "71.67, \"difference_hours\": 0, \"activities\": {\"A1\":5,\"A2\":66.67}, "
                  "\"flags\": []}") != std::string::npos);
}

TEST_CASE("reports::time_report --by person and --monthly") {
  Project p = make_project();
  std::vector<TimeEntry> entries = {
      te("lead", "A1", 2022, 3, 4000), te("lead", "A2", 2022, 4, 4000),
      te("admin", "A1", 2022, 3, kHalf), te("admin", "A2", 2022, 4, 100)};
  SUBCASE("by person: the months summed") {
    TimeOptions o = months(2022, 3, 2022, 4);
    o.by_person = true;
    Document doc = grantkit::reports::time_report(p, entries, o);
    const Table& t = rows(doc);
    CHECK(t.columns.front().key == "person");
    CHECK(t.columns[1].key == "planned_hours");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0][0].text == "lead");
    CHECK(mins(t.rows[0][1].number) == 2 * kHalf);
    CHECK(mins(t.rows[0][2].number) == 8000);
    CHECK(t.rows[0][4].entries.size() == 2);
    CHECK(mins(t.rows[1][2].number) == kHalf + 100);
    // The month rules still show, from the month they concern.
    const auto& flags = t.rows[1][5].list;
    CHECK(std::find(flags.begin(), flags.end(), "time.deviation") != flags.end());
  }
  SUBCASE("monthly: the persons summed") {
    TimeOptions o = months(2022, 3, 2022, 4);
    o.monthly = true;
    Document doc = grantkit::reports::time_report(p, entries, o);
    const Table& t = rows(doc);
    CHECK(t.columns.front().key == "month");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0][0].text == "2022-03");
    CHECK(mins(t.rows[0][1].number) == 2 * kHalf);
    CHECK(mins(t.rows[0][2].number) == 4000 + kHalf);
    CHECK(mins(t.rows[1][2].number) == 4100);
  }
  SUBCASE("both: per person and month") {
    TimeOptions o = months(2022, 3, 2022, 4);
    o.monthly = true;
    o.by_person = true;
    CHECK(rows(grantkit::reports::time_report(p, entries, o)).rows.size() == 4);
  }
}

TEST_CASE("reports::time_report counts only what is dated on or before as_of") {
  Project p = make_project();
  auto entries = on_plan(2022, 3, 2022, 4);
  entries.push_back(te("lead", "A1", 2022, 5, 100));
  TimeOptions o = window(Period{day(2022, 3, 1), day(2022, 5, 31)}, day(2022, 4, 30));
  Document doc = grantkit::reports::time_report(p, entries, o);
  const Table& t = rows(doc);
  int may = row_of(t, "lead", "2022-05");
  REQUIRE(may >= 0);
  CHECK(mins(cell(t, static_cast<std::size_t>(may), "reported_hours").number) == 0);
  CHECK(mins(cell(t, static_cast<std::size_t>(may), "planned_hours").number) == kHalf);
  // May has not ended by as_of: nothing is missing yet.
  CHECK(count_rule(doc.diagnostics, "time.missing-report") == 0);
}

TEST_CASE("reports::time_report time.missing-report") {
  Project p = make_project();
  SUBCASE("fires: planned hours, nothing reported in an ended month") {
    auto entries = on_plan(2022, 3, 2022, 3);
    entries.push_back(te("lead", "A1", 2022, 4, kHalf));
    Document doc = grantkit::reports::time_report(p, entries, months(2022, 3, 2022, 4));
    const Table& t = rows(doc);
    CHECK(flagged(t, row_of(t, "admin", "2022-04"), "time.missing-report"));
    CHECK_FALSE(flagged(t, row_of(t, "lead", "2022-04"), "time.missing-report"));
    REQUIRE(count_rule(doc.diagnostics, "time.missing-report") == 1);
    const auto& d = doc.diagnostics.items().front();
    CHECK(d.message.find("admin, 2022-04") != std::string::npos);
    CHECK(d.place.file == "staff.yaml");
    CHECK(d.place.line == 10);
  }
  SUBCASE("silent: every month reported") {
    Document doc =
        grantkit::reports::time_report(p, on_plan(2022, 3, 2022, 4), months(2022, 3, 2022, 4));
    CHECK_FALSE(any_flag(rows(doc), "time.missing-report"));
    CHECK(count_rule(doc.diagnostics, "time.missing-report") == 0);
  }
  SUBCASE("silent: nothing planned (before the person's period)") {
    Document doc =
        grantkit::reports::time_report(p, on_plan(2021, 8, 2021, 8), months(2021, 8, 2021, 8));
    // admin starts 2021-09-01 and reported 2021-08: that is outside-period, not missing.
    CHECK(count_rule(doc.diagnostics, "time.missing-report") == 0);
  }
}

// Both persons on plan over `from`..`to`, except `lead`'s hours in the months listed.
std::vector<TimeEntry> lead_off(int y1, int m1, int y2, int m2,
                                const std::vector<std::pair<Month, std::int64_t>>& lead) {
  std::vector<TimeEntry> out;
  for (Month m{y1, m1}; m <= Month{y2, m2}; m = m.next()) {
    std::int64_t minutes = kHalf;
    for (const auto& [when, v] : lead) {
      if (when == m) minutes = v;
    }
    out.push_back(te("lead", "A1", m.year, m.month, minutes));
    out.push_back(te("admin", "A1", m.year, m.month, kHalf));
  }
  return out;
}

TEST_CASE("reports::time_report time.deviation") {
  Project p = make_project();
  // 10 % of a 50 % month is 430 min; 50 % is 2 150 min.
  constexpr std::int64_t kOver = kHalf + 431, kAtLimit = kHalf + 430;
  SUBCASE("fires: more than 10 % off in 3 months running; told once, where the run is 3 long") {
    auto entries =
        lead_off(2022, 1, 2022, 5,
                 {{Month{2022, 2}, kOver}, {Month{2022, 3}, kHalf - 431}, {Month{2022, 4}, kOver}});
    Document doc = grantkit::reports::time_report(p, entries, months(2022, 1, 2022, 5));
    const Table& t = rows(doc);
    CHECK_FALSE(flagged(t, row_of(t, "lead", "2022-01"), "time.deviation"));
    CHECK(flagged(t, row_of(t, "lead", "2022-02"), "time.deviation"));
    CHECK(flagged(t, row_of(t, "lead", "2022-03"), "time.deviation"));
    CHECK(flagged(t, row_of(t, "lead", "2022-04"), "time.deviation"));
    CHECK_FALSE(flagged(t, row_of(t, "lead", "2022-05"), "time.deviation"));
    CHECK_FALSE(any_flag(t, "time.over-full-time"));
    REQUIRE(count_rule(doc.diagnostics, "time.deviation") == 1);
    CHECK(doc.diagnostics.items().front().message.rfind("lead, 2022-04:", 0) == 0);
    CHECK(doc.diagnostics.items().front().message.find("2022-02–2022-04") != std::string::npos);
  }
  SUBCASE("silent: 2 months off, then on plan") {
    auto entries = lead_off(2022, 1, 2022, 5, {{Month{2022, 2}, kOver}, {Month{2022, 3}, kOver}});
    Document doc = grantkit::reports::time_report(p, entries, months(2022, 1, 2022, 5));
    CHECK_FALSE(any_flag(rows(doc), "time.deviation"));
    CHECK(count_rule(doc.diagnostics, "time.deviation") == 0);
  }
  SUBCASE("silent: exactly 10 % off, every month") {
    auto entries = lead_off(2022, 1, 2022, 5,
                            {{Month{2022, 1}, kAtLimit},
                             {Month{2022, 2}, kAtLimit},
                             {Month{2022, 3}, kAtLimit},
                             {Month{2022, 4}, kAtLimit},
                             {Month{2022, 5}, kHalf - 430}});
    Document doc = grantkit::reports::time_report(p, entries, months(2022, 1, 2022, 5));
    CHECK(count_rule(doc.diagnostics, "time.deviation") == 0);
  }
  SUBCASE("a run that reached its length before the window is told in the window's first month") {
    auto entries = lead_off(2022, 1, 2022, 5,
                            {{Month{2022, 1}, kOver},
                             {Month{2022, 2}, kOver},
                             {Month{2022, 3}, kOver},
                             {Month{2022, 4}, kOver}});
    Document doc = grantkit::reports::time_report(p, entries, months(2022, 4, 2022, 5));
    const Table& t = rows(doc);
    CHECK(flagged(t, row_of(t, "lead", "2022-04"), "time.deviation"));
    CHECK_FALSE(flagged(t, row_of(t, "lead", "2022-05"), "time.deviation"));
    CHECK(count_rule(doc.diagnostics, "time.deviation") == 1);
  }
  SUBCASE("fires: a single month more than 50 % off") {
    auto entries = lead_off(2022, 3, 2022, 3, {{Month{2022, 3}, kHalf + 2151}});
    Document doc = grantkit::reports::time_report(p, entries, months(2022, 3, 2022, 3));
    const Table& t = rows(doc);
    CHECK(flagged(t, row_of(t, "lead", "2022-03"), "time.deviation"));
    CHECK_FALSE(flagged(t, row_of(t, "admin", "2022-03"), "time.deviation"));
    CHECK(count_rule(doc.diagnostics, "time.deviation") == 1);
  }
  SUBCASE("silent: a single month 50 % off") {
    auto entries = lead_off(2022, 3, 2022, 3, {{Month{2022, 3}, kHalf - 2150}});
    Document doc = grantkit::reports::time_report(p, entries, months(2022, 3, 2022, 3));
    CHECK(count_rule(doc.diagnostics, "time.deviation") == 0);
  }
  SUBCASE("July (semester): below plan is silent, above plan is not; June is judged") {
    auto low = lead_off(2022, 6, 2022, 8, {{Month{2022, 7}, 600}});
    Document doc = grantkit::reports::time_report(p, low, months(2022, 6, 2022, 8));
    CHECK_FALSE(any_flag(rows(doc), "time.deviation"));
    CHECK(count_rule(doc.diagnostics, "time.deviation") == 0);
    auto high = lead_off(2022, 6, 2022, 8, {{Month{2022, 7}, 2 * kHalf + 1}});
    doc = grantkit::reports::time_report(p, high, months(2022, 6, 2022, 8));
    CHECK(count_rule(doc.diagnostics, "time.deviation") == 1);
    auto june = lead_off(2022, 6, 2022, 8, {{Month{2022, 6}, 600}});
    doc = grantkit::reports::time_report(p, june, months(2022, 6, 2022, 8));
    CHECK(flagged(rows(doc), row_of(rows(doc), "lead", "2022-06"), "time.deviation"));
  }
  SUBCASE("July below plan is passed over: June, August and September 10 % off are a run") {
    auto entries = lead_off(2022, 5, 2022, 10,
                            {{Month{2022, 6}, kOver},
                             {Month{2022, 7}, 1000},
                             {Month{2022, 8}, kOver},
                             {Month{2022, 9}, kOver}});
    Document doc = grantkit::reports::time_report(p, entries, months(2022, 5, 2022, 10));
    const Table& t = rows(doc);
    CHECK(flagged(t, row_of(t, "lead", "2022-06"), "time.deviation"));
    CHECK_FALSE(flagged(t, row_of(t, "lead", "2022-07"), "time.deviation"));
    CHECK(flagged(t, row_of(t, "lead", "2022-09"), "time.deviation"));
    REQUIRE(count_rule(doc.diagnostics, "time.deviation") == 1);
    CHECK(doc.diagnostics.items().front().message.rfind("lead, 2022-09:", 0) == 0);
    // A month on plan between them ends the run.
    entries = lead_off(2022, 5, 2022, 10,
                       {{Month{2022, 6}, kOver},
                        {Month{2022, 7}, kHalf},
                        {Month{2022, 8}, kOver},
                        {Month{2022, 9}, kOver}});
    doc = grantkit::reports::time_report(p, entries, months(2022, 5, 2022, 10));
    CHECK(count_rule(doc.diagnostics, "time.deviation") == 0);
  }
  SUBCASE("silent: hourly staff are not held to a share") {
    p.staff[0].basis = StaffBasis::hourly;
    std::vector<TimeEntry> entries = {te("lead", "A1", 2022, 3, 9000),
                                      te("admin", "A1", 2022, 3, kHalf)};
    Document doc = grantkit::reports::time_report(p, entries, months(2022, 3, 2022, 3));
    CHECK(count_rule(doc.diagnostics, "time.deviation") == 0);
  }
  SUBCASE("the thresholds come from the programme rule set") {
    auto entries = lead_off(2022, 3, 2022, 3, {{Month{2022, 3}, kHalf + 300}});
    p.programme.time_deviation_percent = Percent::from_points(5);
    Document doc = grantkit::reports::time_report(p, entries, months(2022, 3, 2022, 3));
    CHECK(count_rule(doc.diagnostics, "time.deviation") == 0);  // one month is not a run of 3
    p.programme.time_deviation_months = 1;
    doc = grantkit::reports::time_report(p, entries, months(2022, 3, 2022, 3));
    CHECK(count_rule(doc.diagnostics, "time.deviation") == 1);
    auto july = lead_off(2022, 7, 2022, 7, {{Month{2022, 7}, 600}});
    p.programme.time_deviation_months = 3;
    doc = grantkit::reports::time_report(p, july, months(2022, 7, 2022, 7));
    CHECK(count_rule(doc.diagnostics, "time.deviation") == 0);
    p.programme.time_holiday_months.clear();
    doc = grantkit::reports::time_report(p, july, months(2022, 7, 2022, 7));
    CHECK(count_rule(doc.diagnostics, "time.deviation") == 1);
    p.programme.time_deviation_month_percent = Percent::from_points(90);
    doc = grantkit::reports::time_report(p, july, months(2022, 7, 2022, 7));
    CHECK(count_rule(doc.diagnostics, "time.deviation") == 0);
  }
}

TEST_CASE("reports::time_report time.outside-period") {
  Project p = make_project();
  SUBCASE("fires: before the person's staffing period") {
    std::vector<TimeEntry> entries = {te("admin", "A1", 2021, 8, 600, 7),
                                      te("lead", "A1", 2021, 8, kHalf)};
    Document doc = grantkit::reports::time_report(p, entries, months(2021, 8, 2021, 8));
    const Table& t = rows(doc);
    int r = row_of(t, "admin", "2021-08");
    REQUIRE(r >= 0);  // hours outside the period still get a row: never dropped
    CHECK(flagged(t, r, "time.outside-period"));
    CHECK(mins(cell(t, static_cast<std::size_t>(r), "planned_hours").number) == 0);
    CHECK(mins(cell(t, static_cast<std::size_t>(r), "reported_hours").number) == 600);
    CHECK_FALSE(flagged(t, row_of(t, "lead", "2021-08"), "time.outside-period"));
    REQUIRE(count_rule(doc.diagnostics, "time.outside-period") == 1);
    CHECK(doc.diagnostics.items().front().place.line == 7);
  }
  SUBCASE("fires: outside the activity's period, also when the month is outside the window") {
    auto entries = on_plan(2022, 3, 2022, 3);
    entries.push_back(te("lead", "A2", 2022, 2, 390, 9));  // A2 runs 2022-03..2022-10
    Document doc = grantkit::reports::time_report(p, entries, months(2022, 3, 2022, 3));
    CHECK(count_rule(doc.diagnostics, "time.outside-period") == 1);
    CHECK(doc.diagnostics.items().front().message.find("A2") != std::string::npos);
    Document feb = grantkit::reports::time_report(p, entries, months(2022, 2, 2022, 2));
    CHECK(flagged(rows(feb), row_of(rows(feb), "lead", "2022-02"), "time.outside-period"));
    CHECK(count_rule(feb.diagnostics, "time.outside-period") == 1);
  }
  SUBCASE("fires: a dated row outside the person's period") {
    TimeEntry e = te("admin", "A1", 2021, 8, 60);
    e.date = day(2021, 8, 31);
    Document doc = grantkit::reports::time_report(p, {e}, months(2021, 9, 2021, 9));
    CHECK(count_rule(doc.diagnostics, "time.outside-period") == 1);
  }
  SUBCASE("silent: inside both periods") {
    auto entries = on_plan(2022, 3, 2022, 4);
    entries.push_back(te("lead", "A2", 2022, 3, 1));
    Document doc = grantkit::reports::time_report(p, entries, months(2022, 3, 2022, 4));
    CHECK_FALSE(any_flag(rows(doc), "time.outside-period"));
    CHECK(count_rule(doc.diagnostics, "time.outside-period") == 0);
  }
}

TEST_CASE("reports::time_report time.over-full-time") {
  Project p = make_project();
  // `full` at 100 % fixed share through 2022; 1 720 h is the year's full time.
  StaffEntry full = p.staff[0];
  full.id = "full";
  full.percent = Percent::from_points(100);
  full.period = Period{day(2022, 1, 1), day(2022, 12, 31)};
  p.staff = {full};
  p.full_time.period = *full.period;
  std::vector<TimeEntry> year;
  for (int m = 1; m <= 12; ++m) year.push_back(te("full", "A1", 2022, m, kFullMonth, m + 1));
  SUBCASE("silent: 149 h in a month of 143 h 20 min, the year within 1 720 h") {
    year[8].seconds = 149 * 3600;            // September
    year[9].seconds = 137 * 3600 + 40 * 60;  // October: the year still 1 720 h
    Document doc = grantkit::reports::time_report(p, year, months(2022, 9, 2022, 9));
    CHECK_FALSE(any_flag(rows(doc), "time.over-full-time"));
    CHECK(count_rule(doc.diagnostics, "time.over-full-time") == 0);
  }
  SUBCASE("fires: above 1 720 h in the calendar year, from the month it is passed") {
    year.push_back(te("full", "A1", 2022, 11, 60, 30));
    Document doc = grantkit::reports::time_report(p, year, months(2022, 1, 2022, 12));
    const Table& t = rows(doc);
    CHECK_FALSE(flagged(t, row_of(t, "full", "2022-10"), "time.over-full-time"));
    CHECK(flagged(t, row_of(t, "full", "2022-12"), "time.over-full-time"));
    REQUIRE(count_rule(doc.diagnostics, "time.over-full-time") == 1);
    for (const auto& d : doc.diagnostics.items()) {
      if (d.rule != "time.over-full-time") continue;
      CHECK(d.severity == grantkit::core::Severity::warning);
      CHECK(d.message.find("1720 h") != std::string::npos);
      CHECK(d.message.find("passed in 2022-12") != std::string::npos);
    }
    // Whatever the window: the year is judged on every row read up to the as-of date.
    Document march = grantkit::reports::time_report(
        p, year, window(Period{day(2022, 3, 1), day(2022, 3, 31)}, day(2022, 12, 31)));
    CHECK(count_rule(march.diagnostics, "time.over-full-time") == 1);
  }
  SUBCASE("silent: exactly 1 720 h; and hourly staff fall under time.annual-cap instead") {
    Document doc = grantkit::reports::time_report(p, year, months(2022, 1, 2022, 12));
    CHECK(count_rule(doc.diagnostics, "time.over-full-time") == 0);
    p.staff[0].basis = StaffBasis::hourly;
    year.push_back(te("full", "A1", 2022, 12, 60, 30));
    doc = grantkit::reports::time_report(p, year, months(2022, 1, 2022, 12));
    CHECK(count_rule(doc.diagnostics, "time.over-full-time") == 0);
    CHECK(count_rule(doc.diagnostics, "time.annual-cap") == 1);
  }
}

TEST_CASE("reports::time_report time.annual-cap") {
  Project p = make_project();
  // An hourly person at full time through 2022, reporting a whole month's full time every month:
  // 12 × 143 h 20 min = 1 720 h, exactly the cap.
  StaffEntry h = p.staff[0];
  h.id = "hourly";
  h.basis = StaffBasis::hourly;
  h.percent = Percent::from_points(100);
  h.period = Period{day(2022, 1, 1), day(2022, 12, 31)};
  p.staff = {h};
  std::vector<TimeEntry> year;
  for (int m = 1; m <= 12; ++m) year.push_back(te("hourly", "A1", 2022, m, kFullMonth, m + 1));
  SUBCASE("silent: 1 720 h in the year") {
    Document doc = grantkit::reports::time_report(p, year, months(2022, 1, 2022, 12));
    CHECK_FALSE(any_flag(rows(doc), "time.annual-cap"));
    CHECK(count_rule(doc.diagnostics, "time.annual-cap") == 0);
  }
  SUBCASE("fires: one more hour in December, from the month the cap is passed") {
    year.push_back(te("hourly", "A1", 2022, 12, 60, 20));
    Document doc = grantkit::reports::time_report(p, year, months(2022, 1, 2022, 12));
    const Table& t = rows(doc);
    CHECK(flagged(t, row_of(t, "hourly", "2022-12"), "time.annual-cap"));
    CHECK_FALSE(flagged(t, row_of(t, "hourly", "2022-11"), "time.annual-cap"));
    REQUIRE(count_rule(doc.diagnostics, "time.annual-cap") == 1);
    for (const auto& d : doc.diagnostics.items()) {
      if (d.rule != "time.annual-cap") continue;
      CHECK(d.severity == grantkit::core::Severity::error);
      CHECK(d.place.line == 20);
    }
  }
  SUBCASE("silent: fixed-share staff are not under the hourly cap") {
    p.staff[0].basis = StaffBasis::fixed_percent;
    year.push_back(te("hourly", "A1", 2022, 12, 60, 20));
    Document doc = grantkit::reports::time_report(p, year, months(2022, 1, 2022, 12));
    CHECK(count_rule(doc.diagnostics, "time.annual-cap") == 0);
  }
}

TEST_CASE("reports::time_report time.unknown-person") {
  Project p = make_project();
  SUBCASE("fires: a person not in the staffing, with a row of their own") {
    auto entries = on_plan(2022, 3, 2022, 3);
    entries.push_back(te("ghost", "A1", 2022, 3, 120, 5));
    Document doc = grantkit::reports::time_report(p, entries, months(2022, 3, 2022, 3));
    const Table& t = rows(doc);
    int r = row_of(t, "ghost", "2022-03");
    REQUIRE(r == 2);  // after the staffing's persons
    CHECK(flagged(t, r, "time.unknown-person"));
    CHECK(mins(cell(t, 2, "reported_hours").number) == 120);
    REQUIRE(count_rule(doc.diagnostics, "time.unknown-person") == 1);
    CHECK(doc.diagnostics.items().front().severity == grantkit::core::Severity::error);
    CHECK(doc.diagnostics.items().front().place.line == 5);
    CHECK(count_rule(doc.diagnostics, "time.missing-report") == 0);
  }
  SUBCASE("silent: every person known") {
    Document doc =
        grantkit::reports::time_report(p, on_plan(2022, 3, 2022, 3), months(2022, 3, 2022, 3));
    CHECK(count_rule(doc.diagnostics, "time.unknown-person") == 0);
  }
}

TEST_CASE("reports::time_report time.unknown-activity") {
  Project p = make_project();
  SUBCASE("fires: an activity not in the plan; the hours still count") {
    auto entries = on_plan(2022, 3, 2022, 3);
    entries.push_back(te("lead", "A9", 2022, 3, 60, 6));
    Document doc = grantkit::reports::time_report(p, entries, months(2022, 3, 2022, 3));
    const Table& t = rows(doc);
    int r = row_of(t, "lead", "2022-03");
    CHECK(flagged(t, r, "time.unknown-activity"));
    CHECK(mins(cell(t, static_cast<std::size_t>(r), "reported_hours").number) == kHalf + 60);
    CHECK(cell(t, static_cast<std::size_t>(r), "activities").entries.back().label == "A9");
    CHECK_FALSE(flagged(t, row_of(t, "admin", "2022-03"), "time.unknown-activity"));
    CHECK(count_rule(doc.diagnostics, "time.unknown-activity") == 1);
  }
  SUBCASE("silent: every activity known") {
    Document doc =
        grantkit::reports::time_report(p, on_plan(2022, 3, 2022, 3), months(2022, 3, 2022, 3));
    CHECK(count_rule(doc.diagnostics, "time.unknown-activity") == 0);
  }
}

TEST_CASE("reports::time_report on good data has no findings at all") {
  Project p = make_project();
  Document doc =
      grantkit::reports::time_report(p, on_plan(2021, 9, 2022, 11), months(2021, 9, 2022, 11));
  CHECK(doc.diagnostics.empty());
  CHECK(rows(doc).rows.size() == 2 * 15);
}
