#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <grantkit/render/flat.hpp>

namespace grantkit::render {

using reports::Cell;

std::vector<FlatColumn> flatten_columns(const reports::Table& t) {
  std::vector<FlatColumn> out;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const auto& col = t.columns[i];
    bool is_entries = false;
    std::vector<std::string> labels;
    std::unordered_set<std::string_view> seen;  // the labels so far (views into the table's cells)
    auto scan = [&](const std::vector<Cell>& row) {
      if (i >= row.size() || row[i].kind != Cell::Kind::entries) return;
      is_entries = true;
      for (const auto& [label, value] : row[i].entries) {
        if (seen.insert(label).second) labels.push_back(label);
      }
    };
    for (const auto& row : t.rows) scan(row);
    if (t.total) scan(*t.total);
    if (!is_entries) {
      bool numeric = false;
      for (const auto& row : t.rows) {
        if (i < row.size()) {
          auto k = row[i].kind;
          numeric = numeric || k == Cell::Kind::money || k == Cell::Kind::percent ||
                    k == Cell::Kind::seconds || k == Cell::Kind::integer;
        }
      }
      out.push_back({i, "", col.key, col.sv, col.en, numeric, col.bar});
      continue;
    }
    for (const auto& label : labels) {
      std::string shown = label;
      for (const auto& [entry, named] : t.entry_labels) {
        if (entry == label) shown = named;
      }
      out.push_back({i, label, col.key + "." + label, shown, shown, true, false});
    }
  }
  return out;
}

Cell flat_cell(const std::vector<Cell>& row, const FlatColumn& col) {
  if (col.source >= row.size()) return Cell::none();
  const Cell& c = row[col.source];
  if (col.entry.empty()) return c;
  for (const auto& [label, value] : c.entries) {
    if (label == col.entry) return value;
  }
  return Cell::none();
}

bool whole_kronor(const reports::Table& t, const FlatColumn& col) {
  auto whole = [&](const std::vector<Cell>& row) {
    Cell c = flat_cell(row, col);
    return c.kind != Cell::Kind::money || c.number % 100 == 0;
  };
  return std::all_of(t.rows.begin(), t.rows.end(), whole) && (!t.total || whole(*t.total));
}

std::string human_cell(const Cell& c, Lang lang, bool whole) {
  using K = Cell::Kind;
  const char* group = lang == Lang::sv ? " " : ",";
  char mark = lang == Lang::sv ? ',' : '.';
  switch (c.kind) {
    case K::empty:
      return "";
    case K::text: {
      const std::string& shown = lang == Lang::sv ? c.display_sv : c.display_en;
      return shown.empty() ? c.text : shown;
    }
    case K::date:
      return c.text;
    case K::money:
      return core::format_money_human(c.money(), !whole, group, mark);
    case K::percent:
      return core::format_percent_human(core::Percent::from_millionths(c.number), 1, mark);
    case K::seconds: {
      std::string h = format_hours_plain(c.number);
      if (lang == Lang::sv) std::replace(h.begin(), h.end(), '.', ',');
      return h;
    }
    case K::integer:
      return fmt::format("{}", c.number);
    case K::list: {
      std::vector<std::string> labels;
      for (const auto& id : c.list) labels.push_back(flag_label(id, lang));
      return fmt::format("{}", fmt::join(labels, ", "));
    }
    case K::entries:
      return "";
  }
  return "";
}

std::string flag_label(std::string_view id, Lang lang) {
  struct Label {
    std::string_view id, sv, en;
  };
  static constexpr Label kLabels[] = {
      {"budget.over", "över budget", "over budget"},
      {"budget.change-decision-needed", "kräver ändringsbeslut", "change decision needed"},
      {"budget.underspend", "underförbrukning", "underspend"},
      {"owner", "projektägare", "owner"},
      {"financing.unresolved", "ej fastställd", "unresolved"},
      {"financing.shortfall", "under förväntat", "shortfall"},
      {"time.unknown-person", "okänd person", "unknown person"},
      {"time.unknown-activity", "okänd aktivitet", "unknown activity"},
      {"time.outside-period", "utanför perioden", "outside the period"},
      {"time.missing-report", "tidrapport saknas", "no time report"},
      {"time.deviation", "avviker från planen", "deviates from the plan"},
      {"time.over-full-time", "över heltid", "over full time"},
      {"time.annual-cap", "över 1 720 h", "over 1 720 h"},
      {"staff.over-allocated", "över heltid", "over full time"},
      {"staff.period", "utanför perioden", "outside the period"},
      {"staff.duplicate-entry", "dubbel post", "listed twice"},
      {"staff.no-salary", "lön saknas", "no salary"},
      {"staff.in-kind-mismatch", "avviker från finansieringsplanen",
       "differs from the financing plan"},
      {"staff.plan-over-budget", "över personalbudgeten", "over the staff budget"},
      {"staff.salary-mismatch", "lön avviker", "salary differs"},
      {"indicator.behind", "efter målet", "behind target"},
      {"indicator.decreasing", "minskar", "decreasing"},
  };
  for (const auto& l : kLabels) {
    if (l.id == id) return std::string(lang == Lang::sv ? l.sv : l.en);
  }
  return std::string(id);
}

std::string percent_bar(std::int64_t millionths) {
  constexpr std::int64_t cells = 10;
  std::int64_t filled = (std::clamp<std::int64_t>(millionths, 0, core::Percent::kWhole) * cells +
                         core::Percent::kWhole / 2) /
                        core::Percent::kWhole;
  std::string out;
  for (std::int64_t i = 0; i < cells; ++i) out += i < filled ? "█" : "░";
  return out;
}

bool no_activity(const reports::Table& t, const FlatColumn& col) {
  return col.entry.empty() && col.source < t.columns.size() &&
         t.columns[col.source].key == "activity";
}

std::string no_activity_label(Lang lang) {
  return lang == Lang::sv ? "(ingen aktivitet)" : "(no activity)";
}

Grid make_grid(const reports::Table& t, Lang lang, bool bars) {
  Grid g;
  g.cols = flatten_columns(t);
  std::vector<bool> whole;
  for (const auto& c : g.cols) {
    g.header.push_back(lang == Lang::sv ? c.label_sv : c.label_en);
    whole.push_back(whole_kronor(t, c));
  }
  auto line = [&](const std::vector<Cell>& row, bool total) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < g.cols.size(); ++i) {
      Cell c = flat_cell(row, g.cols[i]);
      std::string s = human_cell(c, lang, whole[i]);
      if (!total && s.empty() && no_activity(t, g.cols[i])) s = no_activity_label(lang);
      if (bars && g.cols[i].bar && c.kind == Cell::Kind::percent) {
        s += ' ';
        s += percent_bar(c.number);
      }
      out.push_back(std::move(s));
    }
    return out;
  };
  for (const auto& row : t.rows) g.rows.push_back(line(row, false));
  if (t.total) g.total = line(*t.total, true);
  return g;
}

}  // namespace grantkit::render
