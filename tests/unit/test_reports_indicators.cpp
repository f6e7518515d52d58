// Result indicators (CLI.md `indicators`): indicators.yaml, the report and its rules.
#include <doctest/doctest.h>

#include <grantkit/io/indicators_loader.hpp>
#include <grantkit/reports/indicators.hpp>

#include "support.hpp"

using namespace grantkit;
using core::Percent;

namespace {

// The fixture (project period 2021-06-01..2023-03-31, 669 days) with two indicators.
model::Project with_indicators() {
  auto p = test::load_fixture();
  model::Indicator a;
  a.id = "kommuner";
  a.unit = "kommuner";
  a.target = 33;
  model::Indicator b;
  b.id = "manual";
  b.unit = "manualer";
  b.target = 1;
  p.indicators = {a, b};
  return p;
}

model::IndicatorValue value(const char* id, const char* iso, std::int64_t v, int line = 0) {
  model::IndicatorValue x;
  x.indicator = id;
  x.date = test::date(iso);
  x.value = v;
  x.place = {"indicators.yaml", line, 5};
  return x;
}

reports::Document report(const model::Project& p, const std::vector<model::IndicatorValue>& values,
                         const char* as_of) {
  auto w = *reports::make_window(p, test::date(as_of), std::nullopt, test::date("2030-01-01"));
  return reports::indicators_report(p, values, w);
}

const reports::Cell& cell(const reports::Document& doc, std::size_t row, const char* key) {
  const auto& t = doc.tables.front();
  return t.rows.at(row).at(static_cast<std::size_t>(reports::column_index(t, key)));
}

}  // namespace

TEST_CASE("reports::project_elapsed") {
  auto p = test::load_fixture();
  CHECK(reports::project_elapsed(p, test::date("2021-05-31")) == Percent::from_millionths(0));
  CHECK(reports::project_elapsed(p, test::date("2021-06-01")) ==
        Percent::from_millionths(1'000'000 / 669));
  CHECK(reports::project_elapsed(p, test::date("2022-11-30")) ==
        Percent::from_millionths(548'000'000 / 669));
  CHECK(reports::project_elapsed(p, test::date("2023-03-31")) == Percent::from_points(100));
}

TEST_CASE("reports::indicator_behind: more than 25 points behind, near the end only") {
  auto p = test::load_fixture();
  const auto& prog = p.programme;  // erdf-2014-2020: 25 points, from 75 % elapsed
  CHECK(prog.indicator_behind_points == Percent::from_points(25));
  CHECK(prog.indicator_near_end == Percent::from_points(75));
  CHECK(reports::indicator_behind(prog, Percent::from_points(80),
                                  Percent::from_points(54)));  // 26 behind
  CHECK_FALSE(reports::indicator_behind(prog, Percent::from_points(80),
                                        Percent::from_points(55)));  // 25: not more
  CHECK_FALSE(reports::indicator_behind(prog, Percent::from_points(74),
                                        Percent::from_points(0)));  // not near the end
  CHECK(reports::indicator_behind(prog, Percent::from_points(75), Percent::from_points(0)));
}

TEST_CASE("reports::indicators_report: latest value, shares and the rules") {
  auto p = with_indicators();
  std::vector<model::IndicatorValue> values = {
      value("kommuner", "2021-11-30", 5, 3), value("kommuner", "2022-06-30", 14, 4),
      value("kommuner", "2022-11-30", 9, 5), value("manual", "2022-10-31", 1, 6)};
  // As of 2022-06-30: 14 of 33, no decrease yet in what is reported so far, but the rule reads
  // every row.
  auto doc = report(p, values, "2022-06-30");
  CHECK(cell(doc, 0, "value").number == 14);
  CHECK(cell(doc, 0, "date").text == "2022-06-30");
  CHECK(cell(doc, 0, "achieved_pct").number == 14 * 1'000'000 / 33);
  CHECK(cell(doc, 1, "value").is_empty());  // nothing reported by then: unknown, not 0
  CHECK(cell(doc, 1, "achieved_pct").is_empty());
  // indicator.decreasing fires: 9 after 14, at the lower row.
  CHECK(test::count_rule(doc.diagnostics, "indicator.decreasing") == 1);
  CHECK(doc.diagnostics.items().front().place.line == 5);
  CHECK(cell(doc, 0, "flags").list == std::vector<std::string>{"indicator.decreasing"});
  CHECK(test::count_rule(doc.diagnostics, "indicator.behind") ==
        0);  // 59 % elapsed: not near the end
  // As of 2022-11-30 (82 % elapsed): 9 of 33 (27 %) is behind; the manual (100 %) is not.
  doc = report(p, values, "2022-11-30");
  CHECK(test::count_rule(doc.diagnostics, "indicator.behind") == 1);
  CHECK(cell(doc, 0, "flags").list ==
        std::vector<std::string>{"indicator.decreasing", "indicator.behind"});
  CHECK(cell(doc, 1, "flags").list.empty());
  CHECK(cell(doc, 0, "expected_to_date").number == 33 * (548'000'000 / 669) / 1'000'000);
  CHECK(doc.tables[1].rows.size() == 4);
  // Silent: rising values on track, and no values at all (the seed project: null progress).
  values = {value("kommuner", "2021-11-30", 5), value("kommuner", "2022-11-30", 20)};
  doc = report(p, values, "2022-11-30");
  CHECK(doc.diagnostics.empty());
  doc = report(p, {}, "2023-03-31");
  CHECK(doc.diagnostics.empty());
  CHECK(cell(doc, 0, "value").is_empty());
}

TEST_CASE("io::load_indicator_values") {
  test::TempDir dir;
  dir.write("project.yaml", test::kValidProject);
  auto p = with_indicators();
  p.dir = dir.path();
  core::Diagnostics d;
  CHECK(io::load_indicator_values(p, d).empty());  // no file: nothing, and no finding
  CHECK(d.empty());
  dir.write("indicators.yaml", R"(schema: grantkit/indicators/1
rows:
  - {indicator: kommuner, date: 2022-06-30, value: 14, comment: "Halvår"}
  - {indicator: kommuner, date: 2022-06-30, value: 15}
  - {indicator: okand, date: 2022-06-30, value: 1}
  - {indicator: manual, date: 2022-13-01, value: 1}
  - {indicator: manual, date: 2022-10-31, value: "010"}
  - {indicator: manual, date: 2022-10-31, value: 1, extra: 2}
)");
  auto values = io::load_indicator_values(p, d);
  REQUIRE(values.size() ==
          2);  // the first row, and the last (its unknown key is an error of its own)
  CHECK(values[0].value == 14);
  CHECK(values[0].comment == "Halvår");
  CHECK(values[0].place.line == 3);
  CHECK(values[1].indicator == "manual");
  CHECK(test::count_rule(d, "indicator.duplicate-date") == 1);
  CHECK(test::count_rule(d, "ref.unknown") == 1);
  CHECK(test::count_rule(d, "yaml.date") == 1);
  CHECK(test::count_rule(d, "yaml.number") == 1);
  CHECK(test::count_rule(d, "yaml.unknown-key") == 1);
}
