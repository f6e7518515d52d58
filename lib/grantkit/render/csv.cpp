#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <grantkit/render/flat.hpp>
#include <grantkit/render/render.hpp>

namespace grantkit::render {

namespace {

std::string quote_csv(const std::string& s, char delim) {
  if (s.find_first_of(std::string("\"\r\n") + delim) == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string plain(const reports::Cell& c, CsvDialect dialect) {
  using K = reports::Cell::Kind;
  char mark = dialect == CsvDialect::excel_sv ? ',' : '.';
  auto localise = [&](std::string s) {
    if (mark == ',') std::replace(s.begin(), s.end(), '.', ',');
    return s;
  };
  switch (c.kind) {
    case K::empty:
      return "";
    case K::text:
      return spreadsheet_safe(c.text);
    case K::date:
      return c.text;
    case K::money:
      return localise(core::format_money_plain(c.money()));
    case K::percent:
      return localise(core::format_percent_plain(core::Percent::from_millionths(c.number)));
    case K::seconds:
      return localise(format_hours_plain(c.number));
    case K::integer:
      return fmt::format("{}", c.number);
    case K::list:
      return spreadsheet_safe(fmt::format("{}", fmt::join(c.list, " ")));
    case K::entries:
      return "";
  }
  return "";
}

}  // namespace

// CSV injection (OWASP): a spreadsheet that opens the file evaluates a cell starting with one of
// these characters as a formula. XLSX uses the same predicate (render/xlsx.cpp).
bool looks_like_formula(const std::string& text) {
  return !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                           text[0] == '\t' || text[0] == '\r');
}

std::string csv_field(const std::string& text, char delimiter) {
  return quote_csv(text, delimiter);
}

std::string spreadsheet_safe(const std::string& text) {
  return looks_like_formula(text) ? "'" + text : text;
}

std::string format_hours_plain(std::int64_t seconds) {
  bool neg = seconds < 0;
  std::uint64_t s =
      neg ? 0 - static_cast<std::uint64_t>(seconds) : static_cast<std::uint64_t>(seconds);
  // hundredths of an hour (36 s each), rounded half up; the only rounding of a sum of hours
  std::uint64_t hundredths = (s + 18) / 36;
  std::string out = fmt::format("{}{}", neg && hundredths ? "-" : "", hundredths / 100);
  if (hundredths % 100) {
    std::string f = fmt::format("{:02}", hundredths % 100);
    if (f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

namespace {

// `people`: Swedish column labels as the header and flags as Swedish labels (render_csv_swedish).
std::string csv_of(const reports::Document& doc, CsvDialect dialect, bool people) {
  std::string out;
  if (doc.tables.empty()) return out;
  char delim = dialect == CsvDialect::excel_sv ? ';' : ',';
  const char* eol = dialect == CsvDialect::excel_sv ? "\r\n" : "\n";
  if (dialect == CsvDialect::excel_sv) out += "\xEF\xBB\xBF";
  const auto& t = doc.tables.front();
  auto cols = flatten_columns(t);
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (i) out += delim;
    out += quote_csv(people ? cols[i].label_sv : cols[i].key, delim);
  }
  out += eol;
  auto put = [&](const std::vector<reports::Cell>& row) {
    for (std::size_t i = 0; i < cols.size(); ++i) {
      if (i) out += delim;
      reports::Cell c = flat_cell(row, cols[i]);
      if (people && c.kind == reports::Cell::Kind::list) {
        out += quote_csv(human_cell(c, Lang::sv, false), delim);
        continue;
      }
      out += quote_csv(plain(c, dialect), delim);
    }
    out += eol;
  };
  for (const auto& row : t.rows) put(row);
  return out;
}

}  // namespace

std::string render_csv(const reports::Document& doc, CsvDialect dialect) {
  return csv_of(doc, dialect, false);
}

std::string render_csv_swedish(const reports::Document& doc, CsvDialect dialect) {
  return csv_of(doc, dialect, true);
}

}  // namespace grantkit::render
