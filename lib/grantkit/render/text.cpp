#include <algorithm>

#include <fmt/format.h>

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

std::string diagnostics_text(const core::Diagnostics& diags, Lang lang) {
  std::string out;
  if (diags.empty()) return out;
  out += lang == Lang::sv ? "\nAnmärkningar:\n" : "\nFindings:\n";
  for (const auto& d : diags.items()) out += "  " + core::format_diagnostic(d) + "\n";
  return out;
}

std::string heading(const reports::Document& doc, Lang lang) {
  return fmt::format("{} — {} ({})\n{} {} · {} {}\n",
                     lang == Lang::sv ? doc.title_sv : doc.title_en,
                     core::escape_control(doc.project_name), core::escape_control(doc.project_id),
                     lang == Lang::sv ? "Period" : "Period", doc.period.iso(),
                     lang == Lang::sv ? "per" : "as of", core::format_iso(doc.as_of));
}

// The tables of a document as terminal text (bars for percent columns flagged `bar`).
std::string tables_text(const reports::Document& doc, Lang lang) {
  std::string out;
  for (const auto& t : doc.tables) {
    Grid g = make_grid(t, lang, true);
    // A terminal shows text: no cell may move the cursor or recolour it.
    for (auto& r : g.rows)
      for (auto& cell : r) cell = core::escape_control(cell);
    if (g.total)
      for (auto& cell : *g.total) cell = core::escape_control(cell);
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
  return out;
}

// Text made safe in a Markdown cell or line (CommonMark and GFM tables): `<`, `>` and `&` as HTML
// entities, so that no text becomes raw HTML (`<script>`, `<img onerror=…>`); `|` as `\|`, so that
// a cell stays one cell; `\`, `` ` ``, `*`, `[` and `]` with a backslash, so that no text becomes a
// code span, emphasis or link; line ends folded to one space and other control characters shown
// as escapes (core::escape_control).
std::string md_escape(const std::string& s) {
  std::string o;
  o.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '<':
        o += "&lt;";
        break;
      case '>':
        o += "&gt;";
        break;
      case '&':
        o += "&amp;";
        break;
      case '|':
        o += "\\|";
        break;
      case '\\':
      case '`':
      case '*':
      case '[':
      case ']':
        o += '\\';
        o += c;
        break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        o += ' ';
        break;
      case '\n':
        o += ' ';
        break;
      default:
        o += c;
    }
  }
  return core::escape_control(o);
}

// The tables of a document as Markdown; table titles at heading `level` (##, ###).
std::string tables_markdown(const reports::Document& doc, Lang lang, int level) {
  std::string out;
  std::string hashes(static_cast<std::size_t>(level), '#');
  for (const auto& t : doc.tables) {
    Grid g = make_grid(t, lang, false);
    std::string title = lang == Lang::sv ? t.title_sv : t.title_en;
    if (!title.empty()) out += fmt::format("\n{} {}\n", hashes, md_escape(title));
    out += "\n|";
    for (const auto& h : g.header) out += fmt::format(" {} |", md_escape(h));
    out += "\n|";
    for (const auto& c : g.cols) out += c.numeric ? " ---: |" : " --- |";
    out += "\n";
    auto put = [&](const std::vector<std::string>& r, bool bold) {
      out += "|";
      for (const auto& cell : r)
        out += bold && !cell.empty() ? fmt::format(" **{}** |", md_escape(cell))
                                     : fmt::format(" {} |", md_escape(cell));
      out += "\n";
    };
    for (const auto& r : g.rows) put(r, false);
    if (g.total) put(*g.total, true);
  }
  return out;
}

std::string diagnostics_markdown(const core::Diagnostics& diags, Lang lang) {
  std::string out;
  if (diags.empty()) return out;
  out += lang == Lang::sv ? "\n## Anmärkningar\n\n" : "\n## Findings\n\n";
  // Plain escaped text, not a code span: inside backticks an entity would show as `&lt;`.
  for (const auto& d : diags.items()) out += "- " + md_escape(core::format_diagnostic(d)) + "\n";
  return out;
}

std::string title_line(const reports::Document& doc, Lang lang) {
  return fmt::format("{} {} · {} {}\n", lang == Lang::sv ? "Period" : "Period", doc.period.iso(),
                     lang == Lang::sv ? "per" : "as of", core::format_iso(doc.as_of));
}

}  // namespace

std::string render_table(const reports::Document& doc, Lang lang) {
  return heading(doc, lang) + tables_text(doc, lang) + diagnostics_text(doc.diagnostics, lang);
}

std::string render_markdown(const reports::Document& doc, Lang lang) {
  std::string out = fmt::format("# {} — {}\n\n", lang == Lang::sv ? doc.title_sv : doc.title_en,
                                md_escape(doc.project_name));
  out += title_line(doc, lang);
  out += tables_markdown(doc, lang, 2);
  return out + diagnostics_markdown(doc.diagnostics, lang);
}

std::string render_table(const reports::Bundle& bundle, Lang lang) {
  std::string out = heading(bundle.header, lang);
  for (const auto& [key, doc] : bundle.sections) {
    std::string title = lang == Lang::sv ? doc.title_sv : doc.title_en;
    out += fmt::format("\n\n{}\n", title);
    for (std::size_t i = 0; i < width(title); ++i) out += "═";
    out += '\n';
    out += tables_text(doc, lang);
  }
  return out + diagnostics_text(bundle.header.diagnostics, lang);
}

std::string render_markdown(const reports::Bundle& bundle, Lang lang) {
  const auto& h = bundle.header;
  std::string out = fmt::format("# {} — {}\n\n", lang == Lang::sv ? h.title_sv : h.title_en,
                                md_escape(h.project_name));
  out += title_line(h, lang);
  for (const auto& [key, doc] : bundle.sections) {
    out += fmt::format("\n## {}\n", md_escape(lang == Lang::sv ? doc.title_sv : doc.title_en));
    out += tables_markdown(doc, lang, 3);
  }
  return out + diagnostics_markdown(h.diagnostics, lang);
}

std::string render_text(const reports::Document& doc, const RenderOptions& options) {
  switch (options.format) {
    case Format::json:
      return render_json(doc);
    case Format::csv:
      return render_csv(doc, options.csv_dialect);
    case Format::md:
      return render_markdown(doc, options.lang);
    case Format::table:
    default:
      return render_table(doc, options.lang);
  }
}

}  // namespace grantkit::render
