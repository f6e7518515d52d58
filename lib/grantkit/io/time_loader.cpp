#include <grantkit/io/time_loader.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include <grantkit/core/hours.hpp>
#include <grantkit/core/i18n.hpp>
#include <grantkit/core/text_hash.hpp>
#include <grantkit/io/csv.hpp>
#include <grantkit/io/ledger_loader.hpp>
#include <grantkit/io/text_stream.hpp>
#include <grantkit/io/yaml_doc.hpp>
#include <grantkit/io/yaml_read.hpp>

namespace grantkit::io {

namespace {

// The canonical time-report columns (FORMATS.md); `month` or `date` is required with the others.
constexpr std::array<std::string_view, 5> kTimeColumns = {"person", "activity", "month", "date",
                                                          "hours"};

// The text of one row, before parsing, with the places of its cells (views into the record or
// the YAML tree, valid while the row is parsed).
struct RawRow {
  std::string_view person;
  std::string_view activity;
  std::string_view month;
  std::string_view date;
  std::string_view hours;
  core::SharedPlace place;  // the row (a CSV row: its person field)
  core::SharedPlace activity_place;
  core::SharedPlace month_place;
  core::SharedPlace date_place;
  core::SharedPlace hours_place;
};

// The ids the rows of one load repeat, each held once (core::SharedText): a row keeps a shared
// reference, not a copy. At most kMaxNames distinct ids are held for sharing; past that (a file of
// millions of distinct ids, which no real report is) each row keeps its own copy, as before.
class Names {
 public:
  core::SharedText operator()(std::string_view text) {
    if (auto it = names_.find(text); it != names_.end()) return it->second;
    core::SharedText shared{text};
    if (names_.size() < kMaxNames) names_.emplace(std::string(text), shared);
    return shared;
  }

 private:
  static constexpr std::size_t kMaxNames = 100000;
  std::unordered_map<std::string, core::SharedText, core::ShortTextHash, std::equal_to<>> names_;
};

// Turns a raw row into an entry, or reports why it cannot (time.date, time.hours).
std::optional<model::TimeEntry> parse_row(const RawRow& raw, Names& names,
                                          core::Diagnostics& diags) {
  std::optional<core::Month> month;
  if (!raw.month.empty()) {
    auto m = parse_iso_month(raw.month);
    if (!m) {
      diags.error("time.date", m.error(), raw.month_place);
      return std::nullopt;
    }
    month = *m;
  }
  std::optional<core::Date> date;
  if (!raw.date.empty()) {
    auto d = core::parse_iso_date(raw.date);
    if (!d) {
      diags.error("time.date", d.error(), raw.date_place);
      return std::nullopt;
    }
    if (month && core::Month::of(*d) != *month) {
      diags.error("time.date",
                  fmt::format(fmt::runtime(_("the date {} is not in the month {} of the same row")),
                              raw.date, raw.month),
                  raw.date_place);
      return std::nullopt;
    }
    date = *d;
    month = core::Month::of(*d);
  }
  if (!month) {
    diags.error("time.date", _("the row has neither a month (YYYY-MM) nor a date (YYYY-MM-DD)"),
                raw.place);
    return std::nullopt;
  }
  auto seconds = core::parse_hours_seconds(raw.hours);
  if (!seconds) {
    diags.error("time.hours", seconds.error(), raw.hours_place);
    return std::nullopt;
  }
  model::TimeEntry e;
  e.person = names(raw.person);
  e.activity = names(raw.activity);
  e.place = raw.place;
  e.activity_place = raw.activity_place;
  e.month = *month;
  e.date = date;
  e.seconds = *seconds;
  return e;
}

}  // namespace

core::Result<core::Month> parse_iso_month(std::string_view text) {
  auto fail = [&] {
    return core::Result<core::Month>::failure(
        fmt::format(fmt::runtime(_("'{}' is not a month (YYYY-MM)")), text));
  };
  if (text.size() != 7 || text[4] != '-') return fail();
  auto d = core::parse_iso_date(std::string(text) + "-01");
  if (!d) return fail();
  return core::Month::of(*d);
}

namespace {

void read_time_csv(const std::string& path, const model::SourceSpec& spec, Names& names,
                   core::Diagnostics& diags, std::vector<model::TimeEntry>& out) {
  // As a ledger file: the whole file is checked for its encoding first (a bad byte anywhere keeps
  // every row of it out), then read block by block, so that memory holds the rows read, not the
  // file's text as well.
  if (auto bad = check_encoding(path, spec.encoding)) {
    if (bad->io)
      diags.unreadable("io.read", _("cannot read the time report"), {path, 0, 0});
    else
      diags.unreadable("csv.encoding", bad->message, {path, bad->where.line, bad->where.column});
    return;
  }
  TextStream text(path, spec.encoding);
  text.fill();
  char delim = spec.delimiter ? spec.delimiter : detect_delimiter(text.pending());
  CsvReader reader(text, delim);
  CsvRecord rec;
  if (!reader.next(rec)) {
    if (!reader.error().empty())
      diags.unreadable("csv.syntax", reader.error(),
                       {path, reader.error_line(), reader.error_column()});
    else
      diags.warning("csv.empty", _("the time report is empty"), {path, 0, 0});
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
          fmt::format(
              fmt::runtime(_("the header has no column '{}'{}")), wanted,
              mapped ? fmt::format(fmt::runtime(_(" (mapped from '{}')")), name) : std::string()),
          {path, rec.line, 1});
      missing = true;
    }
  }
  if (!index.count("month") && !index.count("date")) {
    diags.unreadable("csv.missing-column",
                     _("the header has neither a 'month' nor a 'date' column"),
                     {path, rec.line, 1});
    missing = true;
  }
  if (missing) return;
  // The column of each canonical field (npos: absent), looked up once, not per row.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  auto column_of = [&](std::string_view name) {
    auto it = index.find(std::string(name));
    return it == index.end() ? kNone : it->second;
  };
  const std::size_t c_person = column_of("person"), c_activity = column_of("activity"),
                    c_month = column_of("month"), c_date = column_of("date"),
                    c_hours = column_of("hours");
  const core::SharedText file{path};
  std::size_t header_size = rec.fields.size();
  // Room for the file's rows at once, estimated from the lines of the first block and the file's
  // size (a little over): a vector that doubles as it goes holds the old and the new array at its
  // last step, half again the rows' memory at the peak.
  if (std::size_t lines =
          static_cast<std::size_t>(std::count(text.pending().begin(), text.pending().end(), '\n'));
      lines > 0) {
    std::error_code ec;
    auto bytes = std::filesystem::file_size(path, ec);
    // A row is at least `a,b,2022-01,1` and a line end (blank lines are skipped).
    std::size_t per_line = std::max<std::size_t>(14, text.pending().size() / lines);
    std::size_t rows = static_cast<std::size_t>(bytes) / per_line;
    try {
      if (!ec) out.reserve(out.size() + rows + rows / 16 + 16);
    } catch (const std::exception&) {
      // An estimate too large to reserve (a file of blank lines): the vector grows as it goes.
    }
  }
  while (reader.next(rec)) {
    auto field = [&](std::size_t c) -> std::string_view {
      if (c == kNone || c >= rec.fields.size()) return {};
      return trim_view(rec.fields[c]);
    };
    auto place = [&](std::size_t c) -> core::SharedPlace {
      return {file, rec.line, c == kNone ? 1 : static_cast<int>(c) + 1};
    };
    if (rec.fields.size() < header_size) {
      diags.error(
          "csv.short-row",
          fmt::format(
              fmt::runtime(_("the row has {} fields where the header has {}; the row is not read")),
              rec.fields.size(), header_size),
          {path, rec.line, static_cast<int>(rec.fields.size()) + 1});
      continue;
    }
    RawRow raw{field(c_person), field(c_activity), field(c_month), field(c_date), field(c_hours),
               place(c_person), place(c_activity), place(c_month), place(c_date), place(c_hours)};
    if (auto e = parse_row(raw, names, diags)) out.push_back(std::move(*e));
  }
  if (!reader.error().empty())
    diags.unreadable("csv.syntax", reader.error(),
                     {path, reader.error_line(), reader.error_column()});
}

void read_time_yaml(const std::string& path, Names& names, core::Diagnostics& diags,
                    std::vector<model::TimeEntry>& out);

}  // namespace

void load_time_csv(const std::string& path, const model::SourceSpec& spec, core::Diagnostics& diags,
                   std::vector<model::TimeEntry>& out) {
  Names names;
  read_time_csv(path, spec, names, diags, out);
}

void load_time_yaml(const std::string& path, core::Diagnostics& diags,
                    std::vector<model::TimeEntry>& out) {
  Names names;
  read_time_yaml(path, names, diags, out);
}

namespace {

void read_time_yaml(const std::string& path, Names& names, core::Diagnostics& diags,
                    std::vector<model::TimeEntry>& out) {
  auto root = load_yaml_file(path, diags);
  if (!root) return;
  YamlReader r(diags);
  if (!r.expect_schema(*root, "time") || !r.expect_map(*root, "a time report", {"schema", "rows"}))
    return;
  const YamlNode* rows = r.require(*root, "rows", "a time report");
  if (!rows || rows->is_null() || !r.expect_sequence(*rows, "rows")) return;
  const core::SharedText file{path};
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
    auto shared = [&](const core::SourcePlace& at) {
      return core::SharedPlace{file, at.line, at.column};
    };
    raw.place = shared(row.find("person")->place);
    raw.activity_place = shared(row.find("activity")->place);
    raw.hours_place = shared(hours->place);
    if (!hours->is_scalar()) {
      diags.error("time.hours", _("hours must be a single value such as 7.5 or \"7:30\""),
                  hours->place);
      continue;
    }
    raw.hours = hours->text;
    bool bad = false;
    for (auto [key, text, place] : {std::tuple{"month", &raw.month, &raw.month_place},
                                    std::tuple{"date", &raw.date, &raw.date_place}}) {
      const YamlNode* n = row.find(key);
      if (!n || n->is_null()) continue;
      *place = shared(n->place);
      if (!n->is_scalar()) {
        diags.error("time.date", fmt::format(fmt::runtime(_("{} must be a single value")), key),
                    n->place);
        bad = true;
        continue;
      }
      *text = n->text;
    }
    if (bad) continue;
    if (auto e = parse_row(raw, names, diags)) out.push_back(std::move(*e));
  }
}

}  // namespace

std::vector<model::TimeEntry> load_time(const model::Project& project, core::Diagnostics& diags) {
  std::vector<model::TimeEntry> out;
  Names names;  // shared by every file of the project
  for (const auto& spec : project.time_sources) {
    if (spec.format != "csv" && spec.format != "yaml") {
      diags.error("time.format",
                  fmt::format(fmt::runtime(_("time reports are read as csv or yaml, not '{}'")),
                              spec.format),
                  spec.place);
      continue;
    }
    for (const auto& file : expand_source_path(project.dir, spec, diags)) {
      if (spec.format == "yaml")
        read_time_yaml(file, names, diags, out);
      else
        read_time_csv(file, spec, names, diags, out);
    }
  }
  return out;
}

}  // namespace grantkit::io
