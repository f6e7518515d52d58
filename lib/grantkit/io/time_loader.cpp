#include <grantkit/io/time_loader.hpp>

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include <grantkit/core/hours.hpp>
#include <grantkit/io/csv.hpp>
#include <grantkit/io/ledger_loader.hpp>
#include <grantkit/io/yaml_doc.hpp>
#include <grantkit/io/yaml_read.hpp>

namespace grantkit::io {

namespace {

// The canonical time-report columns (FORMATS.md); `month` or `date` is required with the others.
constexpr std::array<std::string_view, 5> kTimeColumns = {"person", "activity", "month", "date",
                                                          "hours"};

// The text of one row, before parsing, with the places of its cells.
struct RawRow {
  std::string person;
  std::string activity;
  std::string month;
  std::string date;
  std::string hours;
  core::SourcePlace place;  // the row (a CSV row: its person field)
  core::SourcePlace activity_place;
  core::SourcePlace month_place;
  core::SourcePlace date_place;
  core::SourcePlace hours_place;
};

// Turns a raw row into an entry, or reports why it cannot (time.date, time.hours).
std::optional<model::TimeEntry> parse_row(const RawRow& raw, core::Diagnostics& diags) {
  model::TimeEntry e;
  e.person = raw.person;
  e.activity = raw.activity;
  e.place = raw.place;
  e.activity_place = raw.activity_place;
  std::optional<core::Month> month;
  if (!raw.month.empty()) {
    auto m = parse_iso_month(raw.month);
    if (!m) {
      diags.error("time.date", m.error(), raw.month_place);
      return std::nullopt;
    }
    month = *m;
  }
  if (!raw.date.empty()) {
    auto d = core::parse_iso_date(raw.date);
    if (!d) {
      diags.error("time.date", d.error(), raw.date_place);
      return std::nullopt;
    }
    if (month && core::Month::of(*d) != *month) {
      diags.error(
          "time.date",
          fmt::format("the date {} is not in the month {} of the same row", raw.date, raw.month),
          raw.date_place);
      return std::nullopt;
    }
    e.date = *d;
    month = core::Month::of(*d);
  }
  if (!month) {
    diags.error("time.date", "the row has neither a month (YYYY-MM) nor a date (YYYY-MM-DD)",
                raw.place);
    return std::nullopt;
  }
  e.month = *month;
  auto seconds = core::parse_hours_seconds(raw.hours);
  if (!seconds) {
    diags.error("time.hours", seconds.error(), raw.hours_place);
    return std::nullopt;
  }
  e.seconds = *seconds;
  return e;
}

}  // namespace

core::Result<core::Month> parse_iso_month(std::string_view text) {
  auto fail = [&] {
    return core::Result<core::Month>::failure(fmt::format("'{}' is not a month (YYYY-MM)", text));
  };
  if (text.size() != 7 || text[4] != '-') return fail();
  auto d = core::parse_iso_date(std::string(text) + "-01");
  if (!d) return fail();
  return core::Month::of(*d);
}

void load_time_csv(const std::string& path, const model::SourceSpec& spec, core::Diagnostics& diags,
                   std::vector<model::TimeEntry>& out) {
  auto bytes = read_file_bytes(path);
  if (!bytes) {
    diags.unreadable("io.read", "cannot read the time report", {path, 0, 0});
    return;
  }
  TextPosition bad_byte;
  auto text = to_utf8(*bytes, spec.encoding, &bad_byte);
  if (!text) {
    diags.unreadable("csv.encoding", text.error(), {path, bad_byte.line, bad_byte.column});
    return;
  }
  char delim = spec.delimiter ? spec.delimiter : detect_delimiter(*text);
  CsvReader reader(*text, delim);
  CsvRecord rec;
  if (!reader.next(rec)) {
    if (!reader.error().empty())
      diags.unreadable("csv.syntax", reader.error(), {path, reader.error_line(), reader.error_column()});
    else
      diags.warning("csv.empty", "the time report is empty", {path, 0, 0});
    return;
  }
  // Canonical names → field indexes.
  std::map<std::string, std::size_t> index;
  bool missing = false;
  for (auto name : kTimeColumns) {
    std::string key(name);
    bool mapped = spec.columns.count(key) > 0;
    std::string wanted = mapped ? spec.columns.at(key) : key;
    for (std::size_t i = 0; i < rec.fields.size(); ++i) {
      if (ascii_lower(trim_cell(rec.fields[i])) == ascii_lower(wanted)) {
        index[key] = i;
        break;
      }
    }
    bool required = name == "person" || name == "activity" || name == "hours";
    if (!index.count(key) && (mapped || required)) {
      diags.unreadable(
          "csv.missing-column",
          fmt::format("the header has no column '{}'{}", wanted,
                      mapped ? fmt::format(" (mapped from '{}')", name) : std::string()),
          {path, rec.line, 1});
      missing = true;
    }
  }
  if (!index.count("month") && !index.count("date")) {
    diags.unreadable("csv.missing-column", "the header has neither a 'month' nor a 'date' column",
                     {path, rec.line, 1});
    missing = true;
  }
  if (missing) return;
  std::size_t header_size = rec.fields.size();
  while (reader.next(rec)) {
    auto field = [&](std::string_view name) -> std::string {
      auto it = index.find(std::string(name));
      if (it == index.end() || it->second >= rec.fields.size()) return "";
      return trim_cell(rec.fields[it->second]);
    };
    auto place = [&](std::string_view name) -> core::SourcePlace {
      auto it = index.find(std::string(name));
      return {path, rec.line, it == index.end() ? 1 : static_cast<int>(it->second) + 1};
    };
    if (rec.fields.size() < header_size) {
      diags.error("csv.short-row",
                  fmt::format("the row has {} fields where the header has {}; the row is not read",
                              rec.fields.size(), header_size),
                  {path, rec.line, static_cast<int>(rec.fields.size()) + 1});
      continue;
    }
    RawRow raw{field("person"), field("activity"), field("month"), field("date"),
               field("hours"),  place("person"),   place("activity"), place("month"),
               place("date"),   place("hours")};
    if (auto e = parse_row(raw, diags)) out.push_back(std::move(*e));
  }
  if (!reader.error().empty())
    diags.unreadable("csv.syntax", reader.error(), {path, reader.error_line(), reader.error_column()});
}

void load_time_yaml(const std::string& path, core::Diagnostics& diags,
                    std::vector<model::TimeEntry>& out) {
  auto root = load_yaml_file(path, diags);
  if (!root) return;
  YamlReader r(diags);
  if (!r.expect_schema(*root, "time") || !r.expect_map(*root, "a time report", {"schema", "rows"}))
    return;
  const YamlNode* rows = r.require(*root, "rows", "a time report");
  if (!rows || rows->is_null() || !r.expect_sequence(*rows, "rows")) return;
  for (const auto& row : rows->items) {
    if (!r.expect_map(row, "a time-report row", {"person", "activity", "hours", "month", "date"}))
      continue;
    auto person = r.id(r.require(row, "person", "a time-report row"), "person");
    auto activity = r.id(r.require(row, "activity", "a time-report row"), "activity");
    const YamlNode* hours = r.require(row, "hours", "a time-report row");
    if (!person || !activity || !hours) continue;
    RawRow raw;
    raw.person = *person;
    raw.activity = *activity;
    raw.place = row.find("person")->place;
    raw.activity_place = row.find("activity")->place;
    raw.hours_place = hours->place;
    if (!hours->is_scalar()) {
      diags.error("time.hours", "hours must be a single value such as 7.5 or \"7:30\"",
                  hours->place);
      continue;
    }
    raw.hours = hours->text;
    bool bad = false;
    for (auto [key, text, place] : {std::tuple{"month", &raw.month, &raw.month_place},
                                    std::tuple{"date", &raw.date, &raw.date_place}}) {
      const YamlNode* n = row.find(key);
      if (!n || n->is_null()) continue;
      *place = n->place;
      if (!n->is_scalar()) {
        diags.error("time.date", fmt::format("{} must be a single value", key), n->place);
        bad = true;
        continue;
      }
      *text = n->text;
    }
    if (bad) continue;
    if (auto e = parse_row(raw, diags)) out.push_back(std::move(*e));
  }
}

std::vector<model::TimeEntry> load_time(const model::Project& project, core::Diagnostics& diags) {
  std::vector<model::TimeEntry> out;
  for (const auto& spec : project.time_sources) {
    if (spec.format != "csv" && spec.format != "yaml") {
      diags.error("time.format",
                  fmt::format("time reports are read as csv or yaml, not '{}'", spec.format),
                  spec.place);
      continue;
    }
    for (const auto& file : expand_source_path(project.dir, spec, diags)) {
      if (spec.format == "yaml")
        load_time_yaml(file, diags, out);
      else
        load_time_csv(file, spec, diags, out);
    }
  }
  return out;
}

}  // namespace grantkit::io
