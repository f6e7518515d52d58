// Reading time reports (FORMATS.md "Time reports"): CSV and YAML sources, hours into seconds, and a
// diagnostic with file and line for every row that cannot be read.
#include <doctest/doctest.h>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include <grantkit/io/time_loader.hpp>

namespace fs = std::filesystem;
using grantkit::core::Diagnostics;
using grantkit::core::Month;
using grantkit::model::Project;
using grantkit::model::SourceSpec;
using grantkit::model::TimeEntry;

namespace {

// A fresh folder under the system's temporary directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    static std::atomic<int> counter{0};
    path = fs::temp_directory_path() /
           ("grantkit-test-time-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path / "time");
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
  }
};

Project project_with(const TempDir& dir, std::vector<SourceSpec> sources) {
  Project p;
  p.dir = dir.path.string();
  p.time_sources = std::move(sources);
  return p;
}

SourceSpec source(std::string path, std::string format = "csv") {
  SourceSpec s;
  s.path = std::move(path);
  s.format = std::move(format);
  return s;
}

std::size_t count_rule(const Diagnostics& d, std::string_view rule) {
  std::size_t n = 0;
  for (const auto& x : d.items()) n += x.rule == rule;
  return n;
}

const grantkit::core::Diagnostic* find_rule(const Diagnostics& d, std::string_view rule) {
  for (const auto& x : d.items()) {
    if (x.rule == rule) return &x;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("io::parse_iso_month") {
  using grantkit::io::parse_iso_month;
  CHECK(parse_iso_month("2022-03").ok());
  CHECK(*parse_iso_month("2022-03") == Month{2022, 3});
  CHECK(*parse_iso_month("2021-12") == Month{2021, 12});
  CHECK_FALSE(parse_iso_month("2022-3").ok());
  CHECK_FALSE(parse_iso_month("2022-13").ok());
  CHECK_FALSE(parse_iso_month("2022-00").ok());
  CHECK_FALSE(parse_iso_month("2022/03").ok());
  CHECK_FALSE(parse_iso_month("2022-03-01").ok());
  CHECK_FALSE(parse_iso_month("22-03").ok());
  CHECK_FALSE(parse_iso_month("").ok());
}

TEST_CASE("io::load_time reads CSV rows with month or date and every hours style") {
  TempDir dir;
  dir.write("time/a.csv",
            "person,activity,month,hours\n"
            "lead,A1,2022-03,7.5\n"
            "lead,A2,2022-03,\"7,5\"\n"
            "lead,A1,2022-04,7:30\n"
            "lead,A1,2022-05,8\n");
  dir.write("time/b.csv",
            "\xEF\xBB\xBFperson;activity;date;hours\r\n"
            "admin;A1;2022-03-14;0:45\r\n");
  Diagnostics d;
  auto rows = grantkit::io::load_time(project_with(dir, {source("time/*.csv")}), d);
  CHECK(d.empty());
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].person == "lead");
  CHECK(rows[0].activity == "A1");
  CHECK(rows[0].month == Month{2022, 3});
  CHECK_FALSE(rows[0].date.has_value());
  CHECK(rows[0].seconds == 450 * 60);
  CHECK(rows[1].seconds == 450 * 60);
  CHECK(rows[1].activity == "A2");
  CHECK(rows[2].seconds == 450 * 60);
  CHECK(rows[3].seconds == 480 * 60);
  CHECK(rows[0].place.line == 2);
  CHECK(rows[3].place.line == 5);
  CHECK(rows[0].place.file.str().find("a.csv") != std::string::npos);
  // b.csv: semicolons, a BOM, CRLF, a date instead of a month.
  CHECK(rows[4].person == "admin");
  REQUIRE(rows[4].date.has_value());
  CHECK(grantkit::core::format_iso(*rows[4].date) == "2022-03-14");
  CHECK(rows[4].month == Month{2022, 3});
  CHECK(rows[4].seconds == 45 * 60);
}

TEST_CASE("io::load_time maps renamed columns") {
  TempDir dir;
  dir.write("time/sv.csv",
            "Namn;Aktivitet;Månad;Timmar\n"
            "lead;A1;2022-03;12,25\n");
  SourceSpec s = source("time/sv.csv");
  s.columns = {
      {"person", "Namn"}, {"activity", "Aktivitet"}, {"month", "Månad"}, {"hours", "Timmar"}};
  Diagnostics d;
  auto rows = grantkit::io::load_time(project_with(dir, {s}), d);
  CHECK(d.empty());
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].seconds == 735 * 60);
  CHECK(rows[0].month == Month{2022, 3});
}

TEST_CASE("io::load_time reports every bad row with file and line, never dropping one silently") {
  TempDir dir;
  dir.write("time/bad.csv",
            "person,activity,month,hours\n"
            "lead,A1,2022-03,7.5\n"       // line 2: fine
            "lead,A1,2022-03,-2\n"        // line 3: negative hours
            "lead,A1,2022-03,010\n"       // line 4: leading zero
            "lead,A1,2022-3,8\n"          // line 5: not a month
            "lead,A1,2022-03\n"           // line 6: short row
            "lead,A1,,8\n"                // line 7: no month
            "lead,A1,2022-04,0.0001\n");  // line 8: finer than a second
  Diagnostics d;
  auto rows = grantkit::io::load_time(project_with(dir, {source("time/bad.csv")}), d);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].place.line == 2);
  CHECK(count_rule(d, "time.hours") == 3);
  CHECK(count_rule(d, "time.date") == 2);
  CHECK(count_rule(d, "csv.short-row") == 1);
  CHECK(d.items().size() == 6);  // 7 data rows: 1 read + 6 reported
  CHECK(d.has_errors());
  CHECK_FALSE(d.has_unreadable());
  std::vector<int> lines;
  for (const auto& x : d.items()) {
    CHECK(x.severity == grantkit::core::Severity::error);
    CHECK(x.place.file.find("bad.csv") != std::string::npos);
    lines.push_back(x.place.line);
  }
  CHECK(lines == std::vector<int>{3, 4, 5, 6, 7, 8});
  const auto* hours = find_rule(d, "time.hours");
  REQUIRE(hours != nullptr);
  CHECK(hours->place.column == 4);  // the hours column
  CHECK(hours->message.find("negative") != std::string::npos);
}

TEST_CASE("io::load_time refuses a month and a date that disagree") {
  TempDir dir;
  dir.write("time/both.csv",
            "person,activity,month,date,hours\n"
            "lead,A1,2022-03,2022-03-31,1\n"
            "lead,A1,2022-03,2022-04-01,1\n"
            "lead,A1,2022-03,2022/03/05,1\n");
  Diagnostics d;
  auto rows = grantkit::io::load_time(project_with(dir, {source("time/both.csv")}), d);
  REQUIRE(rows.size() == 1);
  CHECK(count_rule(d, "time.date") == 2);
}

TEST_CASE("io::load_time needs the person, activity and hours columns and a month or date") {
  TempDir dir;
  dir.write("time/nohours.csv", "person,activity,month\nlead,A1,2022-03\n");
  dir.write("time/nomonth.csv", "person,activity,hours\nlead,A1,8\n");
  Diagnostics d1;
  CHECK(grantkit::io::load_time(project_with(dir, {source("time/nohours.csv")}), d1).empty());
  CHECK(count_rule(d1, "csv.missing-column") == 1);
  CHECK(d1.has_unreadable());
  Diagnostics d2;
  CHECK(grantkit::io::load_time(project_with(dir, {source("time/nomonth.csv")}), d2).empty());
  CHECK(count_rule(d2, "csv.missing-column") == 1);
}

TEST_CASE("io::load_time reads YAML time reports") {
  TempDir dir;
  dir.write("time/extra.yaml",
            "schema: grantkit/time/1\n"
            "rows:\n"
            "  - {person: lead, activity: A1, month: 2022-03, hours: 7.5}\n"
            "  - {person: lead, activity: A2, date: 2022-03-15, hours: \"7:30\"}\n"
            "  - {person: lead, activity: A2, month: 2022-04, hours: \"7,5\"}\n"
            "  - {person: lead, activity: A2, month: 2022-04, hours: -1}\n"
            "  - {person: lead, activity: A2, month: 2022-13, hours: 1}\n"
            "  - {person: lead, activity: A2, month: 2022-04, hours: 1, minutes: 3}\n");
  Diagnostics d;
  auto rows = grantkit::io::load_time(project_with(dir, {source("time/*.yaml", "yaml")}), d);
  REQUIRE(rows.size() == 4);  // the unknown key is reported, the row itself is still read
  CHECK(rows[0].seconds == 450 * 60);
  CHECK(rows[0].month == Month{2022, 3});
  CHECK(rows[0].place.line == 3);
  CHECK(rows[1].seconds == 450 * 60);
  REQUIRE(rows[1].date.has_value());
  CHECK(rows[1].month == Month{2022, 3});
  CHECK(rows[2].seconds == 450 * 60);
  CHECK(rows[3].seconds == 60 * 60);
  CHECK(count_rule(d, "time.hours") == 1);
  CHECK(count_rule(d, "time.date") == 1);
  CHECK(count_rule(d, "yaml.unknown-key") == 1);
  const auto* hours = find_rule(d, "time.hours");
  REQUIRE(hours != nullptr);
  CHECK(hours->place.line == 6);
}

TEST_CASE("io::load_time refuses a YAML file with the wrong schema") {
  TempDir dir;
  dir.write("time/wrong.yaml", "schema: grantkit/staff/1\nrows: []\n");
  Diagnostics d;
  CHECK(grantkit::io::load_time(project_with(dir, {source("time/wrong.yaml", "yaml")}), d).empty());
  CHECK(count_rule(d, "yaml.schema") == 1);
}
