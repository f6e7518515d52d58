// HTML: one self-contained, printable page with inline SVG charts. No script, no network.
#include <algorithm>
#include <cstdint>
#include <optional>

#include <fmt/format.h>

#include <grantkit/core/hours.hpp>
#include <grantkit/render/flat.hpp>
#include <grantkit/render/render.hpp>

namespace grantkit::render {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

using reports::Cell;
using reports::Table;

constexpr const char* kOutcomeColour = "#1f5fa8";
constexpr const char* kPlanColour = "#e08a00";
constexpr const char* kBudgetColour = "#c0392b";
constexpr const char* kBudgetBarColour = "#cfdbe8";
constexpr const char* kOverColour = "#c0392b";
constexpr const char* kPlannedHoursColour = "#9fb8d3";

bool sv(Lang lang) {
  return lang == Lang::sv;
}

// At most `n` code points of UTF-8 text, with an ellipsis when cut.
std::string clip(const std::string& s, std::size_t n) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == n - 1) {
      std::size_t rest = 0;
      for (std::size_t j = i; j < s.size(); ++j)
        rest += (static_cast<unsigned char>(s[j]) & 0xC0) != 0x80;
      if (rest > 1) return s.substr(0, i) + "…";
      return s;
    }
  }
  return s;
}
const std::string& pick(Lang lang, const std::string& s, const std::string& e) {
  return sv(lang) ? s : e;
}

// A cell of `row` under the column keyed `key` (empty when the table has no such column).
const Cell* cell_at(const Table& t, const std::vector<Cell>& row, std::string_view key) {
  int i = reports::column_index(t, key);
  if (i < 0 || static_cast<std::size_t>(i) >= row.size()) return nullptr;
  return &row[static_cast<std::size_t>(i)];
}
std::optional<std::int64_t> number_at(const Table& t, const std::vector<Cell>& row,
                                      std::string_view key) {
  const Cell* c = cell_at(t, row, key);
  if (!c || c->is_empty() || c->kind == Cell::Kind::text || c->kind == Cell::Kind::list)
    return std::nullopt;
  return c->number;
}
bool has_columns(const Table& t, std::initializer_list<std::string_view> keys) {
  return std::all_of(keys.begin(), keys.end(),
                     [&](std::string_view k) { return reports::column_index(t, k) >= 0; });
}

// ---- Drawing scale: integer arithmetic only (values are öre or seconds) ------------------------

// A "nice" tick step (1, 2 or 5 × 10^k units of `unit`) giving about five ticks up to `max`.
std::int64_t nice_step(std::int64_t max, std::int64_t unit) {
  std::int64_t raw = std::max<std::int64_t>(1, max / 5);
  std::int64_t p = unit;
  while (p * 10 <= raw) p *= 10;
  for (std::int64_t m : {1, 2, 5, 10}) {
    if (p * m >= raw) return p * m;
  }
  return p * 10;
}

__extension__ typedef __int128 Wide;  // exact products of öre × pixels

// Maps values 0..top to pixels 0..length (rounded down), clipped to the axis.
struct Scale {
  std::int64_t top = 1;
  std::int64_t length = 1;
  std::int64_t px(std::int64_t v) const {
    v = std::clamp<std::int64_t>(v, 0, top);
    return static_cast<std::int64_t>(static_cast<Wide>(v) * length / top);
  }
};

struct Axis {
  std::int64_t step = 1;
  std::int64_t top = 1;
};
Axis axis_for(std::int64_t max, std::int64_t unit) {
  Axis a;
  max = std::max<std::int64_t>(max, unit);
  a.step = nice_step(max, unit);
  a.top = (max + a.step - 1) / a.step * a.step;
  return a;
}

std::string kronor_label(std::int64_t ore, Lang lang) {
  return core::format_money_human(core::Money::from_ore(ore), false, sv(lang) ? " " : ",",
                                  sv(lang) ? ',' : '.');
}
std::string hours_label(std::int64_t seconds, Lang lang) {
  std::string h = format_hours_plain(seconds);
  if (sv(lang)) std::replace(h.begin(), h.end(), '.', ',');
  return h;
}

std::string svg_text(std::int64_t x, std::int64_t y, const std::string& text,
                     const char* anchor = "start", int size = 11, const char* extra = "") {
  return fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"{}\"{}>{}</text>\n", x,
                     y, size, anchor, extra, html_escape(text));
}

// A legend item: a line sample (`dash`) or a filled box, then its label. Returns its width.
std::int64_t legend_item(std::string& out, std::int64_t x, std::int64_t y, const char* colour,
                         bool box, const char* dash, const std::string& label) {
  if (box) {
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"{}\"/>\n", x,
                       y - 9, colour);
  } else {
    out += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"3\"{}/>\n", x,
        y - 4, x + 22, y - 4, colour, dash);
  }
  out += svg_text(x + (box ? 19 : 27), y, label);
  return (box ? 19 : 27) + static_cast<std::int64_t>(label.size()) * 6 + 18;
}

std::string svg_open(std::int64_t w, std::int64_t h, const std::string& label) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
      "height=\"{1}\" role=\"img\" "
      "aria-label=\"{2}\" font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\" "
      "fill=\"#222\">\n"
      "<rect x=\"0\" y=\"0\" width=\"{0}\" height=\"{1}\" fill=\"#ffffff\"/>\n",
      w, h, html_escape(label));
}

// Burn-up: cumulative outcome against the linear plan and the approved budget, per month.
std::string burn_up_chart(const Table& t, const reports::Document& doc, Lang lang) {
  const std::int64_t W = 760, H = 350, L = 96, R = 20, T = 46, B = 58;
  const std::int64_t pw = W - L - R, ph = H - T - B;
  std::size_t n = t.rows.size();
  if (n == 0) return "";
  std::int64_t max = 0;
  for (const auto& row : t.rows) {
    for (auto key : {"outcome_to_date", "planned_to_date", "budget"})
      max = std::max(max, number_at(t, row, key).value_or(0));
  }
  Axis ax = axis_for(max, 100);
  Scale ys{ax.top, ph};
  auto x = [&](std::size_t i) -> std::int64_t {
    return n == 1 ? L + pw / 2
                  : L + static_cast<std::int64_t>(i) * pw / static_cast<std::int64_t>(n - 1);
  };
  auto y = [&](std::int64_t v) { return T + ph - ys.px(v); };
  std::string title = sv(lang) ? "Ackumulerat utfall mot budget per månad"
                               : "Cumulative outcome against budget per month";
  std::string out = svg_open(W, H, title);
  // The report period as a shaded band.
  std::string from = core::format_iso(doc.period.from).substr(0, 7),
              to = core::format_iso(doc.period.to).substr(0, 7);
  std::optional<std::size_t> band_first, band_last;
  for (std::size_t i = 0; i < n; ++i) {
    const Cell* m = cell_at(t, t.rows[i], "month");
    if (m && m->text >= from && m->text <= to) {
      if (!band_first) band_first = i;
      band_last = i;
    }
  }
  if (band_first) {
    std::int64_t half = n > 1 ? pw / static_cast<std::int64_t>(n - 1) / 2 : 8;
    std::int64_t bx0 = std::max(L, x(*band_first) - half),
                 bx1 = std::min(L + pw, x(*band_last) + half);
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#fff3d6\"/>\n",
                       bx0, T, std::max<std::int64_t>(bx1 - bx0, 2), ph);
  }
  // Grid and y ticks.
  for (std::int64_t v = 0; v <= ax.top; v += ax.step) {
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#e3e7ec\"/>\n", L,
                       y(v), L + pw, y(v));
    out += svg_text(L - 6, y(v) + 4, kronor_label(v, lang), "end", 10);
  }
  // x labels: at most about twelve.
  std::size_t every = std::max<std::size_t>(1, (n + 11) / 12);
  for (std::size_t i = 0; i < n; i += every) {
    const Cell* m = cell_at(t, t.rows[i], "month");
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#888\"/>\n",
                       x(i), T + ph, T + ph + 4);
    out += svg_text(x(i), T + ph + 17, m ? m->text : "", "middle", 10);
  }
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#555\"/>\n", L, T,
                     T + ph);
  out += fmt::format("<line x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\" stroke=\"#555\"/>\n", L,
                     L + pw, T + ph);
  out += svg_text(L + pw / 2, H - 8, sv(lang) ? "Månad" : "Month", "middle", 11,
                  " font-weight=\"bold\"");
  out += fmt::format(
      "<text x=\"16\" y=\"{0}\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\" "
      "transform=\"rotate(-90 16 {0})\">{1}</text>\n",
      T + ph / 2, html_escape(sv(lang) ? "Belopp (kr)" : "Amount (SEK)"));
  // Series.
  auto polyline = [&](std::string_view key, const char* colour, int width, const char* dash) {
    std::string pts;
    std::optional<std::size_t> last;
    for (std::size_t i = 0; i < n; ++i) {
      auto v = number_at(t, t.rows[i], key);
      if (!v) continue;
      pts += fmt::format("{},{} ", x(i), y(*v));
      last = i;
    }
    if (pts.empty()) return last;
    out +=
        fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{}/>\n",
                    pts, colour, width, dash);
    return last;
  };
  polyline("budget", kBudgetColour, 2, " stroke-dasharray=\"8 4\"");
  polyline("planned_to_date", kPlanColour, 2, " stroke-dasharray=\"4 3\"");
  auto last = polyline("outcome_to_date", kOutcomeColour, 3, "");
  if (last) {
    std::int64_t v = *number_at(t, t.rows[*last], "outcome_to_date");
    out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{}\"/>\n", x(*last), y(v),
                       kOutcomeColour);
    bool right = x(*last) < L + pw - 120;
    out += svg_text(x(*last) + (right ? 8 : -8), y(v) - 8, kronor_label(v, lang) + " kr",
                    right ? "start" : "end", 10, " font-weight=\"bold\"");
  }
  // Legend above the plot.
  std::int64_t lx = L;
  lx += legend_item(out, lx, 20, kOutcomeColour, false, "",
                    sv(lang) ? "Utfall ackumulerat" : "Cumulative outcome");
  bool per_category = std::any_of(doc.values.begin(), doc.values.end(), [](const auto& v) {
    return v.first == "plan" && v.second.text == "category";
  });
  std::string plan =
      per_category ? (sv(lang) ? "Plan (linjär över projektperioden)"
                               : "Plan (linear over the project period)")
                   : (sv(lang) ? "Plan (linjär per aktivitet)" : "Plan (linear per activity)");
  lx += legend_item(out, lx, 20, kPlanColour, false, " stroke-dasharray=\"4 3\"", plan);
  lx += legend_item(out, lx, 20, kBudgetColour, false, " stroke-dasharray=\"8 4\"",
                    sv(lang) ? "Godkänd budget" : "Approved budget");
  if (band_first)
    legend_item(out, lx, 20, "#fff3d6", true, "", sv(lang) ? "Rapportperioden" : "Report period");
  out += "</svg>\n";
  return "<figure class=\"chart\">" + out + "<figcaption>" + html_escape(title) +
         "</figcaption></figure>\n";
}

// Horizontal bars: outcome to date against the approved budget (and the plan to date) per row.
std::string budget_bars_chart(const Table& t, Lang lang) {
  // A row's name: its text cells before the budget (activity, category or both).
  auto budget_col = static_cast<std::size_t>(std::max(reports::column_index(t, "budget"), 0));
  if (t.rows.empty() || t.columns.empty()) return "";
  const std::int64_t W = 760, L = 230, R = 90, T = 46, B = 50, row_h = 34;
  const std::int64_t pw = W - L - R;
  std::int64_t n = static_cast<std::int64_t>(t.rows.size());
  const std::int64_t H = T + n * row_h + B;
  std::int64_t max = 0;
  for (const auto& row : t.rows) {
    for (auto key : {"budget", "outcome_to_date", "planned_to_date"})
      max = std::max(max, number_at(t, row, key).value_or(0));
  }
  Axis ax = axis_for(max, 100);
  Scale xs{ax.top, pw};
  std::string title = sv(lang) ? "Utfall mot godkänd budget" : "Outcome against approved budget";
  std::string out = svg_open(W, H, title);
  for (std::int64_t v = 0; v <= ax.top; v += ax.step) {
    std::int64_t x = L + xs.px(v);
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#e3e7ec\"/>\n",
                       x, T, T + n * row_h);
    out += svg_text(x, T + n * row_h + 16, kronor_label(v, lang), "middle", 10);
  }
  for (std::int64_t i = 0; i < n; ++i) {
    const auto& row = t.rows[static_cast<std::size_t>(i)];
    std::int64_t top = T + i * row_h;
    std::string name;
    for (std::size_t c = 0; c < budget_col && c < row.size(); ++c) {
      if (row[c].kind != Cell::Kind::text) continue;
      name += (name.empty() ? "" : " · ") + human_cell(row[c], lang, true);
    }
    name = clip(name, 34);
    out += svg_text(L - 8, top + row_h / 2 + 4, name, "end", 11);
    if (auto b = number_at(t, row, "budget")) {
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#8fa6bf\"/>\n",
          L, top + 5, std::max<std::int64_t>(xs.px(*b), 1), row_h - 10, kBudgetBarColour);
    }
    bool over = false;
    if (const Cell* f = cell_at(t, row, "flags")) {
      over = std::any_of(f->list.begin(), f->list.end(), [](const std::string& s) {
        return s == "budget.over" || s == "budget.change-decision-needed";
      });
    }
    if (auto o = number_at(t, row, "outcome_to_date")) {
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", L,
                         top + 11, std::max<std::int64_t>(xs.px(*o), 1), row_h - 22,
                         over ? kOverColour : kOutcomeColour);
    }
    if (auto p = number_at(t, row, "planned_to_date")) {
      std::int64_t x = L + xs.px(*p);
      out += fmt::format(
          "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"3\"/>\n",
          x, top + 2, top + row_h - 2, kPlanColour);
    }
    if (const Cell* u = cell_at(t, row, "used_pct"); u && !u->is_empty()) {
      out += svg_text(W - R + 8, top + row_h / 2 + 4, human_cell(*u, lang, true), "start", 11);
    }
  }
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#555\"/>\n", L, T,
                     T + n * row_h);
  out += svg_text(L + pw / 2, H - 8, sv(lang) ? "Belopp (kr)" : "Amount (SEK)", "middle", 11,
                  " font-weight=\"bold\"");
  out += svg_text(W - R + 8, T - 6, sv(lang) ? "Förbrukat" : "Used", "start", 10,
                  " font-weight=\"bold\"");
  std::int64_t lx = L;
  lx += legend_item(out, lx, 20, kBudgetBarColour, true, "", sv(lang) ? "Godkänt" : "Approved");
  lx += legend_item(out, lx, 20, kOutcomeColour, true, "",
                    sv(lang) ? "Utfall ackumulerat" : "Outcome to date");
  lx += legend_item(out, lx, 20, kPlanColour, false, "",
                    sv(lang) ? "Planerat hittills" : "Planned to date");
  legend_item(out, lx, 20, kOverColour, true, "", sv(lang) ? "Över budget" : "Over budget");
  out += "</svg>\n";
  return "<figure class=\"chart\">" + out + "<figcaption>" + html_escape(title) +
         "</figcaption></figure>\n";
}

// Grouped bars: planned and reported hours per person.
std::string hours_chart(const Table& t, Lang lang) {
  if (t.rows.empty()) return "";
  const std::int64_t W = 760, L = 260, R = 30, T = 46, B = 50, row_h = 34;
  const std::int64_t pw = W - L - R;
  std::int64_t n = static_cast<std::int64_t>(t.rows.size());
  const std::int64_t H = T + n * row_h + B;
  std::int64_t max = 0;
  for (const auto& row : t.rows) {
    for (auto key : {"planned_hours", "reported_hours"})
      max = std::max(max, number_at(t, row, key).value_or(0));
  }
  Axis ax = axis_for(max, core::kSecondsPerHour);
  Scale xs{ax.top, pw};
  std::string title = sv(lang) ? "Planerade och rapporterade timmar per person"
                               : "Planned and reported hours per person";
  std::string out = svg_open(W, H, title);
  for (std::int64_t v = 0; v <= ax.top; v += ax.step) {
    std::int64_t x = L + xs.px(v);
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#e3e7ec\"/>\n",
                       x, T, T + n * row_h);
    out += svg_text(x, T + n * row_h + 16, hours_label(v, lang), "middle", 10);
  }
  for (std::int64_t i = 0; i < n; ++i) {
    const auto& row = t.rows[static_cast<std::size_t>(i)];
    std::int64_t top = T + i * row_h;
    const Cell* who = cell_at(t, row, "person");
    std::string name = who ? human_cell(*who, lang, true) : "";
    name = clip(name, 40);
    out += svg_text(L - 8, top + row_h / 2 + 4, name, "end", 11);
    if (auto p = number_at(t, row, "planned_hours")) {
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" fill=\"{}\"/>\n", L,
                         top + 4, std::max<std::int64_t>(xs.px(*p), 1), kPlannedHoursColour);
    }
    if (auto r = number_at(t, row, "reported_hours")) {
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" fill=\"{}\"/>\n", L,
                         top + 17, std::max<std::int64_t>(xs.px(*r), 1), kOutcomeColour);
    }
  }
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#555\"/>\n", L, T,
                     T + n * row_h);
  out += svg_text(L + pw / 2, H - 8, sv(lang) ? "Timmar" : "Hours", "middle", 11,
                  " font-weight=\"bold\"");
  std::int64_t lx = L;
  lx += legend_item(out, lx, 20, kPlannedHoursColour, true, "", sv(lang) ? "Planerat" : "Planned");
  legend_item(out, lx, 20, kOutcomeColour, true, "", sv(lang) ? "Rapporterat" : "Reported");
  out += "</svg>\n";
  return "<figure class=\"chart\">" + out + "<figcaption>" + html_escape(title) +
         "</figcaption></figure>\n";
}

// Budget used against time elapsed, from the summary's key figures.
std::string used_elapsed_chart(const Table& t, Lang lang) {
  std::optional<Cell> used, elapsed;
  for (const auto& row : t.rows) {
    const Cell* m = cell_at(t, row, "measure");
    const Cell* v = cell_at(t, row, "value");
    if (!m || !v || v->kind != Cell::Kind::percent) continue;
    if (m->text == "used_pct") used = *v;
    if (m->text == "elapsed_pct") elapsed = *v;
  }
  if (!used || !elapsed) return "";
  const std::int64_t W = 760, L = 230, R = 90, row_h = 30, H = 2 * row_h + 36;
  const std::int64_t pw = W - L - R;
  Scale xs{core::Percent::kWhole, pw};
  std::string title =
      sv(lang) ? "Förbrukad budget mot förfluten tid" : "Budget used against time elapsed";
  std::string out = svg_open(W, H, title);
  auto bar = [&](std::int64_t top, const std::string& label, const Cell& c, const char* colour) {
    out += svg_text(L - 8, top + 19, label, "end", 11);
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"#edf1f5\" "
        "stroke=\"#c5cfda\"/>\n",
        L, top + 5, pw);
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"{}\"/>\n", L,
                       top + 5, std::max<std::int64_t>(xs.px(c.number), 1), colour);
    out += svg_text(W - R + 8, top + 19, human_cell(c, lang, true), "start", 11,
                    " font-weight=\"bold\"");
  };
  bar(4, sv(lang) ? "Förbrukat av budgeten" : "Budget used", *used, kOutcomeColour);
  bar(4 + row_h, sv(lang) ? "Förfluten tid" : "Time elapsed", *elapsed, kPlanColour);
  for (std::int64_t pct = 0; pct <= 100; pct += 25) {
    std::int64_t x = L + xs.px(pct * 10'000);
    out += svg_text(x, H - 6, fmt::format("{} %", pct), "middle", 10);
  }
  out += "</svg>\n";
  return "<figure class=\"chart\">" + out + "<figcaption>" + html_escape(title) +
         "</figcaption></figure>\n";
}

std::string table_html(const Table& t, Lang lang) {
  Grid g = make_grid(t, lang, false);
  std::string out;
  std::string title = pick(lang, t.title_sv, t.title_en);
  if (!title.empty()) out += "<h3>" + html_escape(title) + "</h3>\n";
  if (t.rows.empty()) {
    out += fmt::format("<p class=\"empty\">{}</p>\n", sv(lang) ? "Inga rader." : "No rows.");
    return out;
  }
  out += "<table>\n<thead><tr>";
  for (std::size_t i = 0; i < g.cols.size(); ++i) {
    out += fmt::format("<th{}>{}</th>", g.cols[i].numeric ? " class=\"num\"" : "",
                       html_escape(g.header[i]));
  }
  out += "</tr></thead>\n<tbody>\n";
  // `cells`: the row's cells, so that a flag shows its label with its rule id as the title.
  auto put = [&](const std::vector<std::string>& r, const char* cls,
                 const std::vector<Cell>* cells) {
    out += fmt::format("<tr{}>", cls);
    for (std::size_t i = 0; i < r.size(); ++i) {
      std::string shown = html_escape(r[i]);
      if (Cell c = cells ? flat_cell(*cells, g.cols[i]) : Cell::none();
          c.kind == Cell::Kind::list && !c.list.empty()) {
        shown.clear();
        for (const auto& id : c.list) {
          shown += fmt::format("{}<span class=\"flag\" title=\"{}\">{}</span>",
                               shown.empty() ? "" : ", ", html_escape(id),
                               html_escape(flag_label(id, lang)));
        }
      }
      out += fmt::format("<td{}>{}</td>", g.cols[i].numeric ? " class=\"num\"" : "", shown);
    }
    out += "</tr>\n";
  };
  for (std::size_t k = 0; k < g.rows.size(); ++k)
    put(g.rows[k], "", k < t.rows.size() ? &t.rows[k] : nullptr);
  if (g.total) put(*g.total, " class=\"total\"", t.total ? &*t.total : nullptr);
  out += "</tbody>\n</table>\n";
  return out;
}

std::string findings_html(const core::Diagnostics& diags, Lang lang, bool heading) {
  std::string out = "<section id=\"diagnostics\">\n";
  if (heading)
    out += fmt::format("<h2>{}</h2>\n", sv(lang) ? "Anmärkningar" : "Findings");
  else
    out += fmt::format("<h3>{}</h3>\n", sv(lang) ? "Anmärkningar" : "Findings");
  if (diags.empty()) {
    out += fmt::format("<p class=\"empty\">{}</p>\n",
                       sv(lang) ? "Inga anmärkningar." : "No findings.");
  } else {
    out += "<ul class=\"findings\">\n";
    for (const auto& d : diags.items()) {
      out += fmt::format("<li class=\"{}\">{}</li>\n", core::severity_name(d.severity),
                         html_escape(core::format_diagnostic(d)));
    }
    out += "</ul>\n";
  }
  return out + "</section>\n";
}

// The charts a document's tables carry, by the columns they have.
std::string charts_for(const reports::Document& doc, const Table& t, Lang lang) {
  if (has_columns(t, {"month", "outcome_to_date", "planned_to_date", "budget"}))
    return burn_up_chart(t, doc, lang);
  if (has_columns(t, {"budget", "outcome_to_date"}) && reports::column_index(t, "month") < 0) {
    return budget_bars_chart(t, lang);
  }
  if (has_columns(t, {"person", "planned_hours", "reported_hours"}) &&
      reports::column_index(t, "month") < 0) {
    return hours_chart(t, lang);
  }
  if (has_columns(t, {"measure", "value"})) return used_elapsed_chart(t, lang);
  return "";
}

constexpr const char* kStyle = R"(
@page { size: A4; margin: 14mm 12mm; }
html { color-scheme: light; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10pt;
       color: #1a1a1a; background: #fff; margin: 24px auto; max-width: 1040px; padding: 0 16px; }
h1 { font-size: 18pt; margin: 0 0 4px; }
p.sub { color: #555; margin: 0 0 14px; }
h2 { font-size: 14pt; border-bottom: 2px solid #1f5fa8; padding-bottom: 2px; margin: 28px 0 8px;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 16px 0 6px; break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin-bottom: 10px; }
th, td { padding: 3px 5px; border-bottom: 1px solid #dde3ea; text-align: left; vertical-align: top; }
th { background: #e8eef4; font-weight: bold; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td:not(.num) { overflow-wrap: anywhere; }
tr.total td { font-weight: bold; border-top: 2px solid #1a1a1a; border-bottom: none; }
thead { display: table-header-group; }
tr, figure { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 8px 0 14px; }
figcaption { font-size: 8.5pt; color: #444; margin-top: 2px; }
svg { max-width: 100%; height: auto; display: block; }
p.headline { font-size: 12pt; margin: 6px 0 10px; }
p.note, p.empty { color: #555; font-size: 9pt; }
ul.findings { padding-left: 18px; }
ul.findings li { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; margin-bottom: 2px; word-break: break-word; }
ul.findings li.error { color: #a01b10; }
ul.findings li.warning { color: #7a4d00; }
footer { margin-top: 24px; color: #777; font-size: 8pt; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9pt; }
  table { font-size: 7.5pt; }
}
)";

// The headline of the summary: budget used against time elapsed, as its key figures state them.
std::string headline(const Table& t, Lang lang) {
  std::optional<Cell> used, elapsed, to_date, budget;
  for (const auto& row : t.rows) {
    const Cell* m = cell_at(t, row, "measure");
    const Cell* v = cell_at(t, row, "value");
    if (!m || !v || v->is_empty()) continue;
    if (m->text == "used_pct") used = *v;
    if (m->text == "elapsed_pct") elapsed = *v;
    if (m->text == "outcome_to_date") to_date = *v;
    if (m->text == "budget") budget = *v;
  }
  if (!used || !elapsed || !to_date || !budget) return "";
  std::string u = human_cell(*used, lang, true), e = human_cell(*elapsed, lang, true);
  std::string o = human_cell(*to_date, lang, true) + " kr",
              b = human_cell(*budget, lang, true) + " kr";
  return fmt::format(
      "<p class=\"headline\">{}</p>\n",
      html_escape(sv(lang)
                      ? fmt::format("Utfall {} av godkända {}: {} av budgeten förbrukad, {} av "
                                    "projektperioden förfluten.",
                                    o, b, u, e)
                      : fmt::format("Outcome {} of the approved {}: {} of the budget used, {} of "
                                    "the project period elapsed.",
                                    o, b, u, e)));
}

}  // namespace

std::string render_html(const reports::Bundle& bundle, Lang lang) {
  const auto& h = bundle.header;
  std::string title = pick(lang, h.title_sv, h.title_en);
  std::string out = "<!DOCTYPE html>\n";
  out +=
      fmt::format("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", sv(lang) ? "sv" : "en");
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // No script, no external resource: the page is complete without a network.
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'unsafe-inline'; "
      "img-src data:\">\n";
  out += fmt::format("<title>{} — {}</title>\n<style>{}</style>\n</head>\n<body>\n",
                     html_escape(title), html_escape(h.project_name), kStyle);
  out += fmt::format(
      "<header>\n<h1>{}</h1>\n<p class=\"sub\">{} ({}) · {} {} · {} {} · {}</p>\n</header>\n",
      html_escape(title), html_escape(h.project_name), html_escape(h.project_id),
      sv(lang) ? "Period" : "Period", html_escape(h.period.iso()), sv(lang) ? "per" : "as of",
      html_escape(core::format_iso(h.as_of)), sv(lang) ? "belopp i kronor" : "amounts in SEK");
  bool several = bundle.sections.size() > 1;
  for (const auto& [key, doc] : bundle.sections) {
    out += fmt::format("<section id=\"{}\">\n", html_escape(key));
    if (several)
      out += fmt::format("<h2>{}</h2>\n", html_escape(pick(lang, doc.title_sv, doc.title_en)));
    for (const auto& t : doc.tables) {
      if (has_columns(t, {"measure", "value"})) out += headline(t, lang);
      out += charts_for(doc, t, lang);
      out += table_html(t, lang);
    }
    out += "</section>\n";
  }
  out += findings_html(h.diagnostics, lang, several);
  out += fmt::format("<footer>grantkit · {} · {}</footer>\n</body>\n</html>\n",
                     html_escape(h.project_id), html_escape(core::format_iso(h.as_of)));
  return out;
}

}  // namespace grantkit::render
