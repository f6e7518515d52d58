// XLSX through libxlsxwriter: one sheet per table, numeric cells with number formats.
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <grantkit/core/utf8.hpp>
#include <grantkit/render/flat.hpp>
#include <grantkit/render/render.hpp>

namespace grantkit::render {

namespace {

// ---- The only floating point in grantkit's output ------------------------------------------
// An XLSX number cell is an IEEE double by the file format's nature (ECMA-376 `xsd:double`).
// Figures stay integers (öre, millionths, seconds) everywhere else and become a double here, in
// one division, at the very last step: the cell holds the double nearest to the exact kronor.
// libxlsxwriter prints it with 16 significant digits (%.16G), e.g. 681375.1800000001 for
// 681 375,18 kr, which reads back as that same nearest double; below 10^13 kr (15 significant
// digits with öre) rounding a cell to two decimals always gives its exact öre. A test reads the
// file back, rounds each cell to öre and compares cells, sums and totals with the JSON.
double xlsx_number_from_ore(std::int64_t ore) {
  return static_cast<double>(ore) / 100.0;
}
// A percent as the fraction Excel's `%` formats expect: 62.5 % (625 000 millionths) → 0.625.
double xlsx_fraction_from_millionths(std::int64_t millionths) {
  return static_cast<double>(millionths) / 1e6;
}
// Hours from whole seconds: 5 400 → 1.5.
double xlsx_hours_from_seconds(std::int64_t seconds) {
  return static_cast<double>(seconds) / 3600.0;
}
double xlsx_number_from_integer(std::int64_t n) {
  return static_cast<double>(n);
}
// ----------------------------------------------------------------------------------------------

using reports::Cell;

// The formats of a workbook: each number kind plain and bold (totals), text with and without the
// quote prefix.
struct Formats {
  lxw_format* header = nullptr;
  lxw_format* text = nullptr;
  lxw_format* text_total = nullptr;
  lxw_format* guarded = nullptr;  // text format `@`: text that would look like a formula
  lxw_format* guarded_total = nullptr;
  lxw_format* kronor = nullptr;
  lxw_format* kronor_total = nullptr;
  lxw_format* percent = nullptr;
  lxw_format* percent_total = nullptr;
  lxw_format* hours = nullptr;
  lxw_format* hours_total = nullptr;
  lxw_format* integer = nullptr;
  lxw_format* integer_total = nullptr;
  lxw_format* date = nullptr;
  lxw_format* date_total = nullptr;
  lxw_format* title = nullptr;
};

Formats make_formats(lxw_workbook* wb, Lang lang) {
  Formats f;
  auto make = [&](const char* num, bool bold) {
    lxw_format* x = workbook_add_format(wb);
    if (num) format_set_num_format(x, num);
    if (bold) {
      format_set_bold(x);
      format_set_top(x, LXW_BORDER_THIN);
    }
    return x;
  };
  // Excel stores format codes in the US form and shows them in the reader's locale: a Swedish
  // Excel displays `#,##0.00` as `2 945 000,00`.
  const char* kr = lang == Lang::sv ? "#,##0.00\\ \"kr\"" : "#,##0.00\\ \"SEK\"";
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xE8EEF4);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
  f.text = make(nullptr, false);
  f.text_total = make(nullptr, true);
  // Text number format (`@`): what Excel gives a cell typed with a leading ' (libxlsxwriter 1.1.4
  // has no quotePrefix style): the cell stays text when someone edits it.
  f.guarded = make("@", false);
  f.guarded_total = make("@", true);
  f.kronor = make(kr, false);
  f.kronor_total = make(kr, true);
  f.percent = make("0.0%", false);
  f.percent_total = make("0.0%", true);
  f.hours = make("#,##0.00\\ \"h\"", false);
  f.hours_total = make("#,##0.00\\ \"h\"", true);
  f.integer = make("#,##0", false);
  f.integer_total = make("#,##0", true);
  f.date = make("yyyy-mm-dd", false);
  f.date_total = make("yyyy-mm-dd", true);
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 13);
  return f;
}

// Code points of UTF-8 text.
std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The first `n` code points of UTF-8 text.
std::string first_code_points(const std::string& s, std::size_t n) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (seen == n) return s.substr(0, i);
      ++seen;
    }
  }
  return s;
}

// Lower case for comparing sheet names as Excel does (ASCII and Å, Ä, Ö, É).
std::string fold(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < s.size()) {
      auto d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
      out += s[i];
      out += static_cast<char>(d);
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Text as an XLSX string can hold it: UTF-8 (a byte that is not is written `\xNN`), and no NUL,
// which would end the C string libxlsxwriter takes and cut the cell: it is written `_x0000_`, the
// OOXML escape (ECMA-376 Part 1, 22.9.2.19 ST_Xstring) that libxlsxwriter itself gives the other
// control characters. Where XML has no escape (document properties in docProps/core.xml), control
// characters other than tab and line ends are removed (`keep_control` false).
std::string xlsx_text(std::string_view s, bool keep_control = true) {
  std::string valid = core::utf8_or_escaped(s);
  std::string out;
  out.reserve(valid.size());
  for (char ch : valid) {
    auto c = static_cast<unsigned char>(ch);
    bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    if (c == 0) {
      if (keep_control) out += "_x0000_";
    } else if (control && !keep_control) {
      continue;
    } else {
      out += ch;
    }
  }
  return out;
}

// Shorter names for table titles longer than a sheet name may be (31 characters): what the
// title says, in fewer words. A title not listed here is shortened by sheet_name's rules.
constexpr std::pair<std::string_view, std::string_view> kShortSheetNames[] = {
    {"Budget mot utfall per kostnadsslag", "Budget per kostnadsslag"},
    {"Budget versus outcome per cost category", "Budget per cost category"},
    {"Budget mot utfall per aktivitet", "Budget per aktivitet"},
    {"Budget versus outcome per activity", "Budget per activity"},
    {"Bidrag i annat än pengar per medfinansiär", "Bidrag i annat än pengar"},
    {"In-kind contributions per financier", "In-kind per financier"},
    {"Bemanning mot heltidsdefinitionen", "Bemanning mot heltid"},
    {"Staffing against the full-time definition", "Staffing against full time"},
};

// Words that do not end a shortened name ("Budget mot utfall per" says nothing).
bool dangling_word(std::string_view w) {
  constexpr std::string_view words[] = {
      "per",     "mot",    "och", "i",  "av",  "för", "till", "med", "om", "the", "of", "by", "and",
      "against", "versus", "vs",  "in", "for", "to",  "with", "a",   "an", "-",   "—",  "–"};
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

// A name of at most `limit` code points made of whole words of `s`: its leading words, without a
// dangling word at the end; when even the first word is longer, that word cut to the limit.
std::string whole_words(const std::string& s, std::size_t limit) {
  if (code_points(s) <= limit) return s;
  std::vector<std::string> words;
  std::string w;
  for (char c : s) {
    if (c == ' ') {
      if (!w.empty()) words.push_back(w);
      w.clear();
    } else {
      w += c;
    }
  }
  if (!w.empty()) words.push_back(w);
  std::string out;
  std::size_t n = 0;
  for (; n < words.size(); ++n) {
    std::string next = out.empty() ? words[n] : out + " " + words[n];
    if (code_points(next) > limit) break;
    out = next;
  }
  while (n > 1 && dangling_word(words[n - 1])) {
    --n;
    out.clear();
    for (std::size_t i = 0; i < n; ++i) out += (i ? " " : "") + words[i];
  }
  if (out.empty()) out = first_code_points(s, limit);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == '\''))
    out.pop_back();
  return out.empty() ? std::string("Blad") : out;
}

// A valid, unique, readable sheet name: no [ ] : * ? / \, no apostrophe at either end, at most
// 31 characters (Excel's limits), unique ignoring case. A longer title becomes its short name
// (kShortSheetNames), or the part before its colon ("Tidsredovisning: planerad mot rapporterad
// tid" → "Tidsredovisning"), or its leading whole words; never a word cut in two, unless a single
// word is longer than 31 characters. A second sheet of the same name gets " (2)", " (3)", ….
std::string sheet_name(std::string wanted, std::set<std::string>& taken) {
  constexpr std::size_t kLimit = 31;
  if (code_points(wanted) > kLimit) {
    for (const auto& [longer, shorter] : kShortSheetNames) {
      if (wanted == longer) wanted = std::string(shorter);
    }
  }
  if (code_points(wanted) > kLimit) {
    auto colon = wanted.find(": ");
    if (colon != std::string::npos && colon > 0) wanted.erase(colon);
  }
  std::string clean;
  for (char c : wanted)
    clean += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-';
  while (!clean.empty() && clean.front() == '\'') clean.erase(clean.begin());
  while (!clean.empty() && (clean.back() == '\'' || clean.back() == ' ')) clean.pop_back();
  if (clean.empty()) clean = "Blad";
  std::string name = whole_words(clean, kLimit);
  for (int n = 2; taken.count(fold(name)); ++n) {
    std::string suffix = fmt::format(" ({})", n);
    name = whole_words(clean, kLimit - suffix.size()) + suffix;
  }
  taken.insert(fold(name));
  return name;
}

// Writes one sheet's cells and remembers the widest text of each column.
class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* ws, const Formats& f, Lang lang) : ws_(ws), f_(f), lang_(lang) {}

  // The title row (row 0): what the sheet is, for a reader who sees only the sheet. Not counted in
  // the column widths: it runs across the empty cells to its right.
  void title(const std::string& text) {
    std::string safe = xlsx_text(text);
    if (safe.size() > 32000) safe = first_code_points(safe, 32000 / 4);  // Excel's cell limit
    check(worksheet_write_string(ws_, kTitleRow, 0, safe.c_str(), f_.title));
  }

  void header(lxw_col_t col, const std::string& label) {
    std::string safe = xlsx_text(label);
    if (safe.size() > 32000) safe = first_code_points(safe, 32000 / 4);  // Excel's cell limit
    check(worksheet_write_string(ws_, kHeaderRow, col, safe.c_str(), f_.header));
    // Headers wrap; count their longest word, not the whole label.
    std::size_t longest = 0, current = 0;
    for (char c : label) {
      if (c == ' ')
        current = 0;
      else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
        longest = std::max(longest, ++current);
    }
    widen(col, std::max<std::size_t>(longest, std::min<std::size_t>(code_points(label), 14)));
  }

  void text(lxw_row_t row, lxw_col_t col, const std::string& s, bool total) {
    // libxlsxwriter's worksheet_write_string always writes a string cell: Excel never evaluates
    // it, whatever it starts with, so the text is written as it is (a leading ' would show). A
    // text that *looks* like a formula (looks_like_formula: the same test as CSV's
    // spreadsheet_safe) also gets the text format `@`, so that it stays text when someone edits
    // the cell in Excel: the same protection as CSV's leading ', in XLSX's own terms.
    bool guard = looks_like_formula(s);
    lxw_format* fmt =
        guard ? (total ? f_.guarded_total : f_.guarded) : (total ? f_.text_total : f_.text);
    std::string safe = xlsx_text(s);
    std::string shown = safe.size() > 32000 ? first_code_points(safe, 32000 / 4) : safe;
    check(worksheet_write_string(ws_, row, col, shown.c_str(), fmt));
    widen(col, std::min<std::size_t>(code_points(shown), 60));
  }

  void cell(lxw_row_t row, lxw_col_t col, const Cell& c, bool whole, bool total) {
    using K = Cell::Kind;
    std::string shown = human_cell(c, lang_, whole);
    switch (c.kind) {
      case K::empty:
      case K::entries:
        if (total) check(worksheet_write_blank(ws_, row, col, f_.text_total));
        return;
      case K::text:
      case K::list:
        text(row, col, shown, total);
        return;
      case K::money:
        check(worksheet_write_number(ws_, row, col, xlsx_number_from_ore(c.number),
                                     total ? f_.kronor_total : f_.kronor));
        widen(col, code_points(human_cell(c, lang_, false)) + 4);
        return;
      case K::percent:
        check(worksheet_write_number(ws_, row, col, xlsx_fraction_from_millionths(c.number),
                                     total ? f_.percent_total : f_.percent));
        widen(col, code_points(shown) + 1);
        return;
      case K::seconds:
        hours(row, col, c.number, total ? f_.hours_total : f_.hours);
        widen(col, code_points(format_hours_plain(c.number)) + 5);
        return;
      case K::integer:
        check(worksheet_write_number(ws_, row, col, xlsx_number_from_integer(c.number),
                                     total ? f_.integer_total : f_.integer));
        widen(col, code_points(shown) + 2);
        return;
      case K::date: {
        auto d = core::parse_iso_date(c.text);
        if (!d) {
          text(row, col, c.text, total);
          return;
        }
        lxw_datetime dt{d->year(),
                        static_cast<std::uint8_t>(d->month()),
                        static_cast<std::uint8_t>(d->day()),
                        0,
                        0,
                        0};
        check(worksheet_write_datetime(ws_, row, col, &dt, total ? f_.date_total : f_.date));
        widen(col, 10);
        return;
      }
    }
  }

  // Hours from whole seconds, exactly and without a tail of decimals: a figure of whole
  // hundredths of an hour (two-decimal hours, 36 s each) is the number itself (7.5, 0.01); any
  // other whole number of minutes is the formula `=minutes/60` (1 h 20 min: `=80/60`) and a figure
  // with seconds `=seconds/3600`, each with its value cached. The formula bar then shows what was
  // reported, sums stay exact, and no cell holds 1.333333333333333.
  void hours(lxw_row_t row, lxw_col_t col, std::int64_t seconds, lxw_format* fmt) {
    double value = xlsx_hours_from_seconds(seconds);
    if (seconds % 36 == 0) {
      check(worksheet_write_number(ws_, row, col, value, fmt));
    } else if (seconds % 60 == 0) {
      std::string f = fmt::format("={}/60", seconds / 60);
      check(worksheet_write_formula_num(ws_, row, col, f.c_str(), fmt, value));
    } else {
      std::string f = fmt::format("={}/3600", seconds);
      check(worksheet_write_formula_num(ws_, row, col, f.c_str(), fmt, value));
    }
  }

  // A formula with its value cached as grantkit computed it (Excel shows the cached value until
  // it recalculates, and then the same figure).
  void formula(lxw_row_t row, lxw_col_t col, const std::string& f, double cached, lxw_format* fmt) {
    check(worksheet_write_formula_num(ws_, row, col, f.c_str(), fmt, cached));
  }

  // The header row's autofilter over `data_rows` rows of `columns` columns, the title and header
  // rows frozen and repeated on every printed page: set right after the header, before any row
  // below it (constant_memory mode refuses anything about a row once a later row is written).
  void frame(std::size_t data_rows, std::size_t columns) {
    worksheet_freeze_panes(ws_, kHeaderRow + 1, 0);
    if (columns > 0 && data_rows > 0) {
      check(worksheet_autofilter(ws_, kHeaderRow, 0, static_cast<lxw_row_t>(kHeaderRow + data_rows),
                                 static_cast<lxw_col_t>(columns - 1)));
    }
    check(worksheet_repeat_rows(ws_, kTitleRow, kHeaderRow));
  }

  // Column widths that fit (in characters, plus a margin), and the page set-up.
  void finish(lxw_row_t last_row, lxw_row_t last_data_row) {
    for (std::size_t i = 0; i < widths_.size(); ++i) {
      auto col = static_cast<lxw_col_t>(i);
      check(worksheet_set_column(ws_, col, col, static_cast<double>(widths_[i] + 2), nullptr));
    }
    (void)last_data_row;
    worksheet_set_paper(ws_, 9);  // A4
    worksheet_set_landscape(ws_);
    worksheet_fit_to_pages(ws_, 1, 0);
    (void)last_row;
  }

  const std::string& error() const { return error_; }
  void fail(std::string e) {
    if (error_.empty()) error_ = std::move(e);
  }

  static constexpr lxw_row_t kTitleRow = 0;
  static constexpr lxw_row_t kHeaderRow = 1;
  static constexpr lxw_row_t kFirstDataRow = 2;

 private:
  void check(lxw_error e) {
    if (e != LXW_NO_ERROR && error_.empty()) error_ = lxw_strerror(e);
  }
  void widen(lxw_col_t col, std::size_t w) {
    if (widths_.size() <= col) widths_.resize(col + 1u, 0);
    widths_[col] = std::max(widths_[col], w);
  }

  lxw_worksheet* ws_;
  const Formats& f_;
  Lang lang_;
  std::vector<std::size_t> widths_;
  std::string error_;
};

// The title row of a sheet: project, report (and table), period and as-of date, in the
// document's language: `Projekt X — Budget mot utfall — Budget per aktivitet — period
// 2022-10-01–2022-10-31 — per 2022-10-31`.
// `project` is the bundle's header (project name and id), `doc` the section (its title, period
// and as-of date).
std::string sheet_title(const reports::Document& project, const reports::Document& doc,
                        const std::string& table_title, Lang lang) {
  bool sv = lang == Lang::sv;
  std::string report = sv ? doc.title_sv : doc.title_en;
  std::string out = project.project_name.empty() ? project.project_id : project.project_name;
  if (!report.empty()) out += " — " + report;
  if (!table_title.empty() && table_title != report) out += " — " + table_title;
  out += fmt::format(" — period {}–{} — {} {}", core::format_iso(doc.period.from),
                     core::format_iso(doc.period.to), sv ? "per" : "as of",
                     core::format_iso(doc.as_of));
  return out;
}

// A cell's A1 reference (`B7`).
std::string cell_ref(lxw_row_t row, lxw_col_t col) {
  char buf[LXW_MAX_CELL_NAME_LENGTH];
  lxw_rowcol_to_cell(buf, row, col);
  return buf;
}

// The value an XLSX cell holds for a numeric report cell (kronor, fraction, hours, count).
double xlsx_value(const Cell& c) {
  switch (c.kind) {
    case Cell::Kind::money:
      return xlsx_number_from_ore(c.number);
    case Cell::Kind::percent:
      return xlsx_fraction_from_millionths(c.number);
    case Cell::Kind::seconds:
      return xlsx_hours_from_seconds(c.number);
    default:
      return xlsx_number_from_integer(c.number);
  }
}

// `total_formula` (Column::with_total_formula) with each `{key}` replaced by the reference of the
// totals row's cell under that column; empty when a key names no column or an empty cell.
std::string total_formula(const std::string& templ,
                          const std::map<std::string, std::string>& refs) {
  std::string out = "=";
  for (std::size_t i = 0; i < templ.size(); ++i) {
    if (templ[i] != '{') {
      out += templ[i];
      continue;
    }
    auto close = templ.find('}', i);
    if (close == std::string::npos) return "";
    auto it = refs.find(templ.substr(i + 1, close - i - 1));
    if (it == refs.end()) return "";
    out += it->second;
    i = close;
  }
  return out;
}

// One table as a sheet: the title row, the header row, a row per table row, and the totals row.
// Every total that is the sum of its column's rows is written as the formula `=SUM(first:last)`
// over those rows, with grantkit's total as its cached value, so that a corrected cell corrects
// its total; a total that follows from other totals (Column::total_formula, e.g. the share of
// the budget used) is that formula; a total that is neither (a figure of the decision, the
// project's elapsed time) stays a value.
std::string write_table(lxw_worksheet* ws, const Formats& f, const reports::Table& t, Lang lang,
                        const std::string& title) {
  SheetWriter w(ws, f, lang);
  w.title(title);
  auto cols = flatten_columns(t);
  std::vector<bool> whole;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    w.header(static_cast<lxw_col_t>(i), lang == Lang::sv ? cols[i].label_sv : cols[i].label_en);
    whole.push_back(whole_kronor(t, cols[i]));
  }
  w.frame(t.rows.size(), cols.size());
  lxw_row_t row = SheetWriter::kFirstDataRow;
  for (const auto& r : t.rows) {
    for (std::size_t i = 0; i < cols.size(); ++i) {
      Cell c = flat_cell(r, cols[i]);
      if (no_activity(t, cols[i]) && human_cell(c, lang, false).empty())
        c = Cell::of_code("", no_activity_label(Lang::sv), no_activity_label(Lang::en));
      w.cell(row, static_cast<lxw_col_t>(i), c, whole[i], false);
    }
    ++row;
  }
  lxw_row_t last_data = row - 1;
  if (t.total) {
    using K = Cell::Kind;
    std::map<std::string, std::string> refs;  // column key → its totals cell, numeric ones only
    for (std::size_t i = 0; i < cols.size(); ++i) {
      Cell c = flat_cell(*t.total, cols[i]);
      bool numeric = c.kind == K::money || c.kind == K::percent || c.kind == K::seconds ||
                     c.kind == K::integer;
      if (cols[i].entry.empty() && numeric) {
        refs[t.columns[cols[i].source].key] = cell_ref(row, static_cast<lxw_col_t>(i));
      }
    }
    for (std::size_t i = 0; i < cols.size(); ++i) {
      auto col = static_cast<lxw_col_t>(i);
      Cell c = flat_cell(*t.total, cols[i]);
      lxw_format* fmt = c.kind == K::money     ? f.kronor_total
                        : c.kind == K::percent ? f.percent_total
                        : c.kind == K::seconds ? f.hours_total
                                               : f.integer_total;
      const reports::Column& source = t.columns[cols[i].source];
      if (!c.is_empty() && cols[i].entry.empty() && !source.total_formula.empty()) {
        std::string formula = total_formula(source.total_formula, refs);
        if (!formula.empty()) {
          w.formula(row, col, formula, xlsx_value(c), fmt);
          continue;
        }
      }
      if ((c.kind == K::money || c.kind == K::seconds || c.kind == K::integer) && !t.rows.empty()) {
        bool sums = true;
        std::int64_t sum = 0;
        for (const auto& r : t.rows) {
          Cell x = flat_cell(r, cols[i]);
          if (x.is_empty()) continue;
          if (x.kind != c.kind) sums = false;
          sum += x.number;
        }
        if (sums && sum == c.number) {
          std::string formula = fmt::format(
              "=SUM({}:{})", cell_ref(SheetWriter::kFirstDataRow, col), cell_ref(last_data, col));
          w.formula(row, col, formula, xlsx_value(c), fmt);
          continue;
        }
      }
      w.cell(row, col, c, whole[i], true);
    }
    ++row;
  }
  w.finish(row - 1, last_data);
  return w.error();
}

std::string write_diagnostics(lxw_worksheet* ws, const Formats& f, const core::Diagnostics& diags,
                              Lang lang, const std::string& title) {
  SheetWriter w(ws, f, lang);
  w.title(title);
  bool sv = lang == Lang::sv;
  const char* labels[] = {sv ? "Allvarlighet" : "Severity",
                          sv ? "Regel" : "Rule",
                          sv ? "Meddelande" : "Message",
                          sv ? "Fil" : "File",
                          sv ? "Rad" : "Line",
                          sv ? "Kolumn" : "Column"};
  for (lxw_col_t i = 0; i < 6; ++i) w.header(i, labels[i]);
  w.frame(diags.items().size(), 6);
  lxw_row_t row = SheetWriter::kFirstDataRow;
  for (const auto& d : diags.items()) {
    std::string severity(core::severity_name(d.severity));
    if (sv)
      severity = d.severity == core::Severity::error     ? "fel"
                 : d.severity == core::Severity::warning ? "varning"
                                                         : "info";
    w.text(row, 0, severity, false);
    w.text(row, 1, d.rule, false);
    // An accepted finding (project.yaml's accept:) with its reason, as on every other output.
    w.text(row, 2,
           d.accepted.empty()
               ? d.message
               : fmt::format("{} ({}: {})", d.message, sv ? "accepterad" : "accepted", d.accepted),
           false);
    w.text(row, 3, d.place.file, false);
    if (d.place.line > 0) w.cell(row, 4, Cell::of_integer(d.place.line), true, false);
    if (d.place.column > 0) w.cell(row, 5, Cell::of_integer(d.place.column), true, false);
    ++row;
  }
  w.finish(row - 1, row - 1);
  return w.error();
}

std::string write_about(lxw_worksheet* ws, const Formats& f, const reports::Document& h, Lang lang,
                        const std::string& title) {
  SheetWriter w(ws, f, lang);
  w.title(title);
  bool sv = lang == Lang::sv;
  w.header(0, sv ? "Uppgift" : "Item");
  w.header(1, sv ? "Värde" : "Value");
  w.frame(0, 2);
  std::vector<std::pair<std::string, std::string>> items = {
      {sv ? "Rapport" : "Report", sv ? h.title_sv : h.title_en},
      {sv ? "Projekt" : "Project", h.project_name},
      {sv ? "Projekt-id" : "Project id", h.project_id},
      {sv ? "Period" : "Period", h.period.iso()},
      {sv ? "Per" : "As of", core::format_iso(h.as_of)},
      {sv ? "Valuta" : "Currency", h.currency},
      {sv ? "Skapad med" : "Made with", "grantkit"},
      {sv ? "Belopp" : "Amounts",
       sv ? "Talceller i kronor; summaraderna är formler (SUMMA) över sina rader"
          : "Numeric cells in kronor; totals rows are formulas (SUM) over their rows"},
      {sv ? "Timmar" : "Hours",
       sv ? "Timmar med två decimaler som tal; andra som formel i minuter (=80/60) eller sekunder"
          : "Two-decimal hours as numbers; others as a formula in minutes (=80/60) or seconds"},
  };
  lxw_row_t row = SheetWriter::kFirstDataRow;
  for (const auto& [k, v] : items) {
    w.text(row, 0, k, false);
    w.text(row, 1, v, false);
    ++row;
  }
  w.finish(row - 1, 0);
  return w.error();
}

struct WorkbookCloser {
  void operator()(lxw_workbook* wb) const {
    if (wb) workbook_close(wb);
  }
};

}  // namespace

namespace {

// libxlsxwriter prints its own `[ERROR] …` lines on stderr beside the error it returns. While a
// workbook is written, stderr (descriptor 2) goes to an anonymous temporary file instead; what
// was caught is handed back, so that the failure is told once, in grantkit's io.write finding.
class StderrCapture {
 public:
  StderrCapture() {
    std::fflush(stderr);
    file_ = std::tmpfile();
    saved_ = file_ ? ::dup(STDERR_FILENO) : -1;
    if (saved_ < 0 || ::dup2(::fileno(file_), STDERR_FILENO) < 0) restore();
  }
  ~StderrCapture() {
    restore();
    if (file_) std::fclose(file_);
  }
  StderrCapture(const StderrCapture&) = delete;
  StderrCapture& operator=(const StderrCapture&) = delete;
  // Stops capturing and returns what was written, its lines joined by "; ", `[ERROR][file:line]:`
  // and `[ERROR]` prefixes dropped.
  std::string text() {
    restore();
    std::string out;
    if (!file_) return out;
    std::rewind(file_);
    char line[1024];
    while (std::fgets(line, sizeof line, file_)) {
      std::string l(line);
      while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.pop_back();
      if (l.rfind("[ERROR]", 0) == 0) {
        l.erase(0, 7);
        if (!l.empty() && l[0] == '[')
          l.erase(0, l.find(']') == std::string::npos ? 0 : l.find(']') + 1);
        if (!l.empty() && l[0] == ':') l.erase(0, 1);
        while (!l.empty() && l[0] == ' ') l.erase(0, 1);
      }
      if (l.empty()) continue;
      if (!out.empty()) out += "; ";
      out += l;
    }
    return out;
  }

 private:
  void restore() {
    if (saved_ >= 0) {
      std::fflush(stderr);
      ::dup2(saved_, STDERR_FILENO);
      ::close(saved_);
      saved_ = -1;
    }
  }
  std::FILE* file_ = nullptr;
  int saved_ = -1;
};

}  // namespace

// The workbook itself (write_xlsx without the capture of libxlsxwriter's own messages).
static core::Result<bool> write_xlsx_workbook(const reports::Bundle& bundle, Lang lang,
                                              const std::string& path) {
  using R = core::Result<bool>;
  // constant_memory: every sheet is written row by row, top to bottom, so libxlsxwriter can
  // stream each row to a temporary file instead of keeping the whole sheet (and a shared-string
  // table) in memory: a claim of 1 M transactions stays within a few MB. Strings are then stored
  // inline in each sheet, escaped the same way.
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* raw = workbook_new_opt(path.c_str(), &options);
  if (!raw) return R::failure("libxlsxwriter could not start a workbook");
  std::unique_ptr<lxw_workbook, WorkbookCloser> wb(raw);
  bool sv = lang == Lang::sv;
  const auto& h = bundle.header;
  std::string title = xlsx_text((sv ? h.title_sv : h.title_en) + " — " + h.project_name, false);
  lxw_doc_properties props{};
  props.title = title.data();
  std::string period = h.period.iso();
  props.subject = period.data();
  workbook_set_properties(wb.get(), &props);
  Formats f = make_formats(wb.get(), lang);
  std::set<std::string> taken;
  auto add_sheet = [&](const std::string& wanted) -> lxw_worksheet* {
    std::string name = sheet_name(xlsx_text(wanted, false), taken);
    return workbook_add_worksheet(wb.get(), name.c_str());
  };
  for (const auto& [key, doc] : bundle.sections) {
    for (const auto& t : doc.tables) {
      std::string table_title = sv ? t.title_sv : t.title_en;
      std::string doc_title = sv ? doc.title_sv : doc.title_en;
      lxw_worksheet* ws = add_sheet(table_title.empty() ? doc_title : table_title);
      if (!ws) return R::failure("libxlsxwriter refused a sheet name");
      if (auto e = write_table(ws, f, t, lang, sheet_title(h, doc, table_title, lang)); !e.empty())
        return R::failure(e);
    }
  }
  lxw_worksheet* ws = add_sheet(sv ? "Anmärkningar" : "Findings");
  if (!ws) return R::failure("libxlsxwriter refused a sheet name");
  if (auto e = write_diagnostics(ws, f, h.diagnostics, lang,
                                 sheet_title(h, h, sv ? "Anmärkningar" : "Findings", lang));
      !e.empty())
    return R::failure(e);
  ws = add_sheet(sv ? "Om rapporten" : "About");
  if (!ws) return R::failure("libxlsxwriter refused a sheet name");
  if (auto e = write_about(ws, f, h, lang, sheet_title(h, h, sv ? "Om rapporten" : "About", lang));
      !e.empty())
    return R::failure(e);
  lxw_error closed = workbook_close(wb.release());
  if (closed != LXW_NO_ERROR) return R::failure(lxw_strerror(closed));
  return true;
}

core::Result<bool> write_xlsx(const reports::Bundle& bundle, Lang lang, const std::string& path) {
  StderrCapture captured;
  auto written = write_xlsx_workbook(bundle, lang, path);
  std::string said = captured.text();
  if (!written && !said.empty()) {
    return core::Result<bool>::failure(
        fmt::format("{} (libxlsxwriter: {})", written.error(), said));
  }
  return written;
}

}  // namespace grantkit::render
