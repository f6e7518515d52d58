#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <grantkit/render/flat.hpp>
#include <grantkit/render/render.hpp>

namespace grantkit::render {

namespace {

using reports::Cell;

// Display width of UTF-8 text: code points, not bytes (Swedish letters and block bars).
std::size_t width(std::string_view s) {
  std::size_t w = 0;
  for (char c : s) w += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return w;
}

std::string pad(const std::string& s, std::size_t w, bool right) {
  std::size_t n = width(s);
  std::string fill(w > n ? w - n : 0, ' ');
  return right ? fill + s : s + fill;
}

// Whether every money cell of a flat column is whole kronor (then shown without öre).
bool whole_kronor(const reports::Table& t, const FlatColumn& col) {
  auto whole = [&](const std::vector<Cell>& row) {
    Cell c = flat_cell(row, col);
    return c.kind != Cell::Kind::money || c.number % 100 == 0;
  };
  return std::all_of(t.rows.begin(), t.rows.end(), whole) && (!t.total || whole(*t.total));
}

std::string human(const Cell& c, Lang lang, bool whole) {
  using K = Cell::Kind;
  const char* group = lang == Lang::sv ? " " : ",";
  char mark = lang == Lang::sv ? ',' : '.';
  switch (c.kind) {
    case K::empty: return "";
    case K::text: {
      const std::string& shown = lang == Lang::sv ? c.display_sv : c.display_en;
      return shown.empty() ? c.text : shown;
    }
    case K::date: return c.text;
    case K::money: return core::format_money_human(c.money(), !whole, group, mark);
    case K::percent: return core::format_percent_human(core::Percent::from_millionths(c.number), 1, mark);
    case K::minutes: {
      std::string h = format_hours_plain(c.number);
      if (lang == Lang::sv) std::replace(h.begin(), h.end(), '.', ',');
      return h;
    }
    case K::integer: return fmt::format("{}", c.number);
    case K::list: return fmt::format("{}", fmt::join(c.list, ", "));
    case K::entries: return "";
  }
  return "";
}

struct Grid {
  std::vector<FlatColumn> cols;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::optional<std::vector<std::string>> total;
};

Grid make_grid(const reports::Table& t, Lang lang) {
  Grid g;
  g.cols = flatten_columns(t);
  std::vector<bool> whole;
  for (const auto& c : g.cols) {
    g.header.push_back(lang == Lang::sv ? c.label_sv : c.label_en);
    whole.push_back(whole_kronor(t, c));
  }
  auto line = [&](const std::vector<Cell>& row) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < g.cols.size(); ++i) out.push_back(human(flat_cell(row, g.cols[i]), lang, whole[i]));
    return out;
  };
  for (const auto& row : t.rows) g.rows.push_back(line(row));
  if (t.total) g.total = line(*t.total);
  return g;
}

std::string diagnostics_text(const reports::Document& doc, Lang lang) {
  std::string out;
  if (doc.diagnostics.empty()) return out;
  out += lang == Lang::sv ? "\nAnmärkningar:\n" : "\nFindings:\n";
  for (const auto& d : doc.diagnostics.items()) out += "  " + core::format_diagnostic(d) + "\n";
  return out;
}

std::string heading(const reports::Document& doc, Lang lang) {
  return fmt::format("{} — {} ({})\n{} {} · {} {}\n", lang == Lang::sv ? doc.title_sv : doc.title_en,
                     doc.project_name, doc.project_id, lang == Lang::sv ? "Period" : "Period",
                     doc.period.iso(), lang == Lang::sv ? "per" : "as of", core::format_iso(doc.as_of));
}

}  // namespace

std::string render_table(const reports::Document& doc, Lang lang) {
  std::string out = heading(doc, lang);
  for (const auto& t : doc.tables) {
    Grid g = make_grid(t, lang);
    std::vector<std::size_t> w(g.cols.size(), 0);
    auto measure = [&](const std::vector<std::string>& r) {
      for (std::size_t i = 0; i < r.size(); ++i) w[i] = std::max(w[i], width(r[i]));
    };
    measure(g.header);
    for (const auto& r : g.rows) measure(r);
    if (g.total) measure(*g.total);
    auto put = [&](const std::vector<std::string>& r) {
      std::string line;
      for (std::size_t i = 0; i < r.size(); ++i) {
        if (i) line += "  ";
        line += pad(r[i], w[i], g.cols[i].numeric);
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    };
    std::string title = lang == Lang::sv ? t.title_sv : t.title_en;
    if (!title.empty()) out += "\n" + title + "\n";
    put(g.header);
    std::size_t total_w = 0;
    for (auto x : w) total_w += x + 2;
    std::string rule;
    for (std::size_t i = 0; i + 2 < total_w; ++i) rule += "─";
    out += rule + "\n";
    for (const auto& r : g.rows) put(r);
    if (g.total) {
      out += rule + "\n";
      put(*g.total);
    }
  }
  return out + diagnostics_text(doc, lang);
}

std::string render_markdown(const reports::Document& doc, Lang lang) {
  std::string out = fmt::format("# {} — {}\n\n", lang == Lang::sv ? doc.title_sv : doc.title_en, doc.project_name);
  out += fmt::format("{} {} · {} {}\n", lang == Lang::sv ? "Period" : "Period", doc.period.iso(),
                     lang == Lang::sv ? "per" : "as of", core::format_iso(doc.as_of));
  auto esc = [](std::string s) {
    std::string o;
    for (char c : s) {
      if (c == '|') o += "\\|";
      else if (c == '\n') o += ' ';
      else o += c;
    }
    return o;
  };
  for (const auto& t : doc.tables) {
    Grid g = make_grid(t, lang);
    std::string title = lang == Lang::sv ? t.title_sv : t.title_en;
    if (!title.empty()) out += "\n## " + title + "\n";
    out += "\n|";
    for (const auto& h : g.header) out += " " + esc(h) + " |";
    out += "\n|";
    for (const auto& c : g.cols) out += c.numeric ? " ---: |" : " --- |";
    out += "\n";
    auto put = [&](const std::vector<std::string>& r, bool bold) {
      out += "|";
      for (const auto& cell : r) out += " " + (bold && !cell.empty() ? "**" + esc(cell) + "**" : esc(cell)) + " |";
      out += "\n";
    };
    for (const auto& r : g.rows) put(r, false);
    if (g.total) put(*g.total, true);
  }
  if (!doc.diagnostics.empty()) {
    out += lang == Lang::sv ? "\n## Anmärkningar\n\n" : "\n## Findings\n\n";
    for (const auto& d : doc.diagnostics.items()) out += "- `" + esc(core::format_diagnostic(d)) + "`\n";
  }
  return out;
}

std::string render_text(const reports::Document& doc, const RenderOptions& options) {
  switch (options.format) {
    case Format::json: return render_json(doc);
    case Format::csv: return render_csv(doc, options.csv_dialect);
    case Format::md: return render_markdown(doc, options.lang);
    case Format::table:
    default: return render_table(doc, options.lang);
  }
}

}  // namespace grantkit::render
