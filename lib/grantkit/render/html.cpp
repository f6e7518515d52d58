// HTML: one self-contained, printable page with inline SVG charts. No script, no network.
#include <algorithm>
#include <cstdint>
#include <optional>

#include <fmt/format.h>

#include <grantkit/core/hours.hpp>
#include <grantkit/core/utf8.hpp>
#include <grantkit/render/flat.hpp>
#include <grantkit/render/render.hpp>

namespace grantkit::render {

std::string html_escape(std::string_view raw) {
  // Bytes that are not UTF-8 (a file name from a folder named in another encoding) as `\xNN`, so
  // that every page is valid UTF-8 as it declares.
  std::string valid;
  std::string_view text = raw;
  if (!core::is_valid_utf8(raw)) {
    valid = core::utf8_or_escaped(raw);
    text = valid;
  }
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

// ---- Tables on A4 ----------------------------------------------------------------------------

// Code points of UTF-8 text.
std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// A word no longer than this is never broken over two lines (a date, an id, a code, a rule id).
constexpr std::size_t kUnbrokenWord = 30;
// A longer word (a long role pseudonym) may break after - _ . / and, lacking those, every so many
// code points.
constexpr std::size_t kLongWordStep = 20;

bool breaks_inside(char c) {
  return c == '-' || c == '/' || c == '_' || c == '.';
}

// Whether `text` is one word of at most kUnbrokenWord code points (an id, a code, a date): its
// cell is kept on one line (class nb, nowrap).
bool one_word(std::string_view text) {
  return !text.empty() && text.find_first_of(" \n\t") == std::string_view::npos &&
         code_points(text) <= kUnbrokenWord;
}

// Cell text as HTML. `ids`: the text is a list of ids (a row's flags, "budget.over,
// staff.no-salary"), each kept whole (span.nb, nowrap). Otherwise the text is as written, except
// that a date or a dated id in it (2025-04-01, 2022-013) is kept whole too, and a word longer than
// kUnbrokenWord code points gets break opportunities (<wbr>) after
// - _ . / and every kLongWordStep code points.
std::string cell_html(std::string_view text, bool ids = false) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') {
      out += text[i++];
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
    std::string_view word = text.substr(i, j - i);
    auto digit = [&](std::size_t k) { return k < word.size() && word[k] >= '0' && word[k] <= '9'; };
    bool dated = digit(0) && digit(1) && digit(2) && digit(3) && word.size() > 5 &&
                 word[4] == '-' && digit(5);  // 2025-04-01, 2022-013: never at its hyphen
    if (code_points(word) <= kUnbrokenWord) {
      out +=
          ids || dated ? "<span class=\"nb\">" + html_escape(word) + "</span>" : html_escape(word);
    } else {
      std::size_t run = 0;
      for (std::size_t k = 0; k < word.size(); ++k) {
        char c = word[k];
        bool starts = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (starts && run == kLongWordStep) {
          out += "<wbr>";
          run = 0;
        }
        out += html_escape(std::string_view(&word[k], 1));
        if (starts) ++run;
        if (breaks_inside(c)) {
          out += "<wbr>";
          run = 0;
        }
      }
    }
    i = j;
  }
  return out;
}

// The advance of a code point in DejaVu Sans, in hundredths of an em, by class (the font's
// widths rounded up: digits 0.64, lower case about 0.58 on average, capitals 0.70, narrow marks
// and the space 0.32); `c` is its first byte.
std::int64_t advance(unsigned char c) {
  if (c >= '0' && c <= '9') return 64;
  if (c >= 'A' && c <= 'Z') return 70;
  if (c == 'i' || c == 'l' || c == 'j' || c == 'f' || c == 't' || c == 'r') return 42;
  if (c == 'm' || c == 'w') return 95;
  if (c >= 'a' && c <= 'z') return 61;
  switch (c) {
    case ' ':
    case ',':
    case '.':
    case ':':
    case ';':
    case '\'':
    case '!':
    case '|':
      return 34;
    case '-':
    case '(':
    case ')':
    case '/':
    case '[':
    case ']':
      return 40;
    case '%':
      return 95;
    default:
      return c >= 0x80 ? 64 : 60;  // å ä ö é, symbols
  }
}

// The narrowest a text can be laid out, in hundredths of an em: its widest word (a long word by
// its widest piece between break opportunities), or all of it when it must not wrap.
std::int64_t min_width(std::string_view text, bool whole) {
  std::int64_t best = 0, word = 0, piece = 0;
  std::size_t count = 0, piece_count = 0;
  std::int64_t widest_piece = 0;
  auto end_word = [&] {
    best = std::max(best, count <= kUnbrokenWord ? word : std::max(widest_piece, piece));
    word = piece = widest_piece = 0;
    count = piece_count = 0;
  };
  for (std::size_t k = 0; k < text.size(); ++k) {
    auto c = static_cast<unsigned char>(text[k]);
    if ((c & 0xC0) == 0x80) continue;
    if (!whole && (c == ' ' || c == '\n' || c == '\t')) {
      end_word();
      continue;
    }
    std::int64_t a = advance(c);
    word += a;
    ++count;
    if (piece_count == kLongWordStep) {
      widest_piece = std::max(widest_piece, piece);
      piece = 0;
      piece_count = 0;
    }
    piece += a;
    ++piece_count;
    if (breaks_inside(static_cast<char>(c))) {
      widest_piece = std::max(widest_piece, piece);
      piece = 0;
      piece_count = 0;
    }
  }
  if (whole) return word;
  end_word();
  return best;
}

// Widths on A4 portrait at print size, in hundredths of an em of the table's type (bold text, the
// headers and the totals row, 10 % wider): the printable width (210 mm less the 12 mm margins)
// is 70.3 em at 7.5 pt with a cell padding of 1 em, and 81.1 em at the compact 6.5 pt with a
// padding of 0.7 em. Some room is kept for the estimate's error.
constexpr std::int64_t kRoomNormal = 6700, kPadNormal = 100;
constexpr std::int64_t kRoomCompact = 7800, kPadCompact = 70;

// A column's narrowest width (without padding), in hundredths of an em.
std::int64_t column_width(const Grid& g, std::size_t i, bool whole) {
  std::int64_t w = min_width(g.header[i], false) * 11 / 10;
  for (const auto& r : g.rows) w = std::max(w, min_width(r[i], whole));
  if (g.total) w = std::max(w, min_width((*g.total)[i], whole) * 11 / 10);
  return w;
}

// One HTML table of the grid's columns `cols` (indices into g.cols) of table `t`, compact or not;
// flags by their labels in `lang`.
std::string table_part(const Table& t, Lang lang, const Grid& g,
                       const std::vector<std::size_t>& cols, const std::vector<bool>& dates,
                       const std::vector<bool>& lists, bool compact) {
  std::string out = compact ? "<table class=\"compact\">\n" : "<table>\n";
  out += "<thead><tr>";
  for (std::size_t i : cols) {
    const char* kind = g.cols[i].numeric       ? " class=\"num\""
                       : one_word(g.header[i]) ? " class=\"nb\""
                                               : "";
    out += fmt::format("<th{}>{}</th>", kind, cell_html(g.header[i]));
  }
  out += "</tr></thead>\n<tbody>\n";
  // `cells`: the row's cells, so that a flag shows its label with its rule id as the title.
  auto put = [&](const std::vector<std::string>& r, const char* cls,
                 const std::vector<Cell>* cells) {
    out += fmt::format("<tr{}>", cls);
    for (std::size_t i : cols) {
      const char* kind = g.cols[i].numeric ? " class=\"num\""
                         : dates[i]        ? " class=\"date\""
                         : one_word(r[i])  ? " class=\"nb\""
                                           : "";
      std::string shown = cell_html(r[i], lists[i]);
      if (Cell c = cells ? flat_cell(*cells, g.cols[i]) : Cell::none();
          c.kind == Cell::Kind::list && !c.list.empty()) {
        // A flag by its label, its rule id kept whole in the title.
        shown.clear();
        for (const auto& id : c.list) {
          shown += fmt::format("{}<span class=\"flag\" title=\"{}\">{}</span>",
                               shown.empty() ? "" : ", ", html_escape(id),
                               html_escape(flag_label(id, lang)));
        }
      }
      out += fmt::format("<td{}>{}</td>", kind, shown);
    }
    out += "</tr>\n";
  };
  for (std::size_t k = 0; k < g.rows.size(); ++k)
    put(g.rows[k], "", k < t.rows.size() ? &t.rows[k] : nullptr);
  if (g.total) put(*g.total, " class=\"total\"", t.total ? &*t.total : nullptr);
  return out + "</tbody>\n</table>\n";
}

// A table on A4 portrait: as it is when its columns fit the printable width, in compact type when
// only that makes them fit, and otherwise split into parts of columns that fit, each part
// repeating the leading columns that name a row (activity, category, person) and the totals row.
std::string table_html(const Table& t, Lang lang) {
  Grid g = make_grid(t, lang, false);
  std::string out;
  std::string title = pick(lang, t.title_sv, t.title_en);
  if (t.rows.empty()) {
    if (!title.empty()) out += "<h3>" + html_escape(title) + "</h3>\n";
    out += fmt::format("<p class=\"empty\">{}</p>\n", sv(lang) ? "Inga rader." : "No rows.");
    return out;
  }
  std::size_t n = g.cols.size();
  std::vector<bool> dates(n, false), lists(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    auto any = [&](Cell::Kind kind) {
      return std::any_of(t.rows.begin(), t.rows.end(),
                         [&](const auto& row) { return flat_cell(row, g.cols[i]).kind == kind; });
    };
    dates[i] = any(Cell::Kind::date);
    lists[i] = any(Cell::Kind::list);
  }
  std::vector<std::int64_t> width(n);
  for (std::size_t i = 0; i < n; ++i) width[i] = column_width(g, i, g.cols[i].numeric || dates[i]);
  auto sum = [&](const std::vector<std::size_t>& cols, std::int64_t pad) {
    std::int64_t s = 0;
    for (std::size_t i : cols) s += width[i] + pad;
    return s;
  };
  std::vector<std::size_t> all(n);
  for (std::size_t i = 0; i < n; ++i) all[i] = i;
  bool compact = sum(all, kPadNormal) > kRoomNormal;
  std::vector<std::vector<std::size_t>> parts;
  if (!compact || sum(all, kPadCompact) <= kRoomCompact) {
    parts.push_back(all);
  } else {
    // The leading columns that name a row, then the others in parts that fit beside them.
    std::vector<std::size_t> keys;
    std::size_t i = 0;
    while (i < n && !g.cols[i].numeric && i + 1 < n) keys.push_back(i++);
    std::vector<std::size_t> part = keys;
    for (; i < n; ++i) {
      if (part.size() > keys.size() &&
          sum(part, kPadCompact) + width[i] + kPadCompact > kRoomCompact) {
        parts.push_back(part);
        part = keys;
      }
      part.push_back(i);
    }
    parts.push_back(part);
  }
  for (std::size_t p = 0; p < parts.size(); ++p) {
    std::string heading = title;
    if (parts.size() > 1) {
      std::string part = sv(lang) ? fmt::format("del {} av {}", p + 1, parts.size())
                                  : fmt::format("part {} of {}", p + 1, parts.size());
      if (heading.empty()) {
        part[0] = sv(lang) ? 'D' : 'P';
        heading = part;
      } else {
        heading += " (" + part + ")";
      }
    }
    if (!heading.empty()) out += "<h3>" + html_escape(heading) + "</h3>\n";
    out += table_part(t, lang, g, parts[p], dates, lists, compact);
  }
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
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.date, .nb, .flag { white-space: nowrap; }
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
dl.claim-head { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 8px 0 14px; padding: 8px 10px;
                border: 1px solid #c5cfda; background: #f4f7fa; }
dl.claim-head dt { font-size: 8pt; color: #555; }
dl.claim-head dd { margin: 0; font-size: 12pt; font-weight: bold; white-space: nowrap; }
footer { margin-top: 24px; color: #777; font-size: 8pt; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9pt; }
  table { font-size: 7.5pt; }
  table.compact { font-size: 6.5pt; }
  table.compact th, table.compact td { padding: 2px 3px; }
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

// The head of a payment request's page, before any table: the decision's ärende-id, the request's
// number, its period and the aid to claim (the `aid` value's `to_claim`).
std::string claim_head(const reports::Document& doc, Lang lang) {
  std::string to_claim;
  for (const auto& [key, value] : doc.values) {
    if (key != "aid") continue;
    for (const auto& e : value.entries) {
      if (e.label == "to_claim" && !e.value.is_empty())
        to_claim = human_cell(e.value, lang, false) + " kr";
    }
  }
  auto item = [](const std::string& label, const std::string& value) {
    return fmt::format("<div><dt>{}</dt><dd>{}</dd></div>", html_escape(label), cell_html(value));
  };
  std::string out = "<dl class=\"claim-head\">";
  out += item(sv(lang) ? "Ärende-id" : "Case id", doc.case_id.empty() ? "–" : doc.case_id);
  out += item(sv(lang) ? "Ansökan nr" : "Request no.",
              doc.request_number.empty() ? "–" : doc.request_number);
  out += item(sv(lang) ? "Period" : "Period",
              core::format_iso(doc.period.from) + " – " + core::format_iso(doc.period.to));
  out += item(sv(lang) ? "Stöd att begära" : "Aid to claim", to_claim.empty() ? "–" : to_claim);
  return out + "</dl>\n";
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
    if (doc.report == "claim") out += claim_head(doc, lang);
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
