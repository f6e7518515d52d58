#include <grantkit/reports/budget.hpp>

#include <map>

#include <fmt/format.h>

#include <grantkit/reports/eligible.hpp>

namespace grantkit::reports {

using core::Money;
using core::Percent;

namespace {

// Outcome sums of one row.
struct Line {
  std::string activity;
  std::string category;
  std::optional<Money> budget;
  std::optional<core::Period> span;  // the period its plan is linear over
  Money this_period;
  Money to_date;
  std::map<core::Month, Money> months;
};

std::optional<Percent> elapsed_of(const std::optional<core::Period>& span, const ReportWindow& w) {
  if (!span) return std::nullopt;
  if (!w.to_date || w.to_date->to < span->from) return Percent::from_millionths(0);
  core::Date end = std::min(w.to_date->to, span->to);
  std::int64_t done = core::Period{span->from, end}.days();
  return Percent::from_millionths(done * Percent::kWhole / span->days());
}

std::optional<Money> planned_of(const Line& l, const ReportWindow& w) {
  if (!l.budget || !l.span) return std::nullopt;
  if (!w.to_date || w.to_date->to < l.span->from) return Money();
  core::Date end = std::min(w.to_date->to, l.span->to);
  return core::prorate_floor(*l.budget, core::Period{l.span->from, end}.days(), l.span->days());
}

std::string category_label(const model::Programme& prog, const std::string& id, bool sv) {
  if (const auto* c = prog.find_category(id)) return sv ? c->sv : c->en;
  return id;
}

}  // namespace

std::vector<std::string> budget_flags(const model::Programme& programme, const std::optional<Money>& budget,
                                      Money to_date, std::optional<Percent> elapsed, bool is_category,
                                      bool is_activity) {
  std::vector<std::string> flags;
  if (!budget) return flags;
  if (to_date > *budget) {
    Money over = to_date - *budget;
    bool big = budget->ore() > 0
                   ? core::ratio_percent(over, *budget) > programme.deviation_percent && over >= programme.deviation_amount
                   : over >= programme.deviation_amount;
    flags.push_back(is_category && big ? "budget.change-decision-needed" : "budget.over");
  }
  if (is_activity && elapsed && budget->ore() > 0) {
    Percent used = core::ratio_percent(to_date, *budget);
    if (*elapsed - used > programme.underspend_points) flags.push_back("budget.underspend");
  }
  return flags;
}

Document budget_report(const model::Project& p, const model::Outcome& outcome, const BudgetOptions& o) {
  const ReportWindow& w = o.window;
  Document doc;
  doc.report = "budget";
  doc.title_sv = "Budget mot utfall";
  doc.title_en = "Budget versus outcome";
  doc.project_id = p.id;
  doc.project_name = p.name;
  doc.currency = p.currency;
  doc.as_of = w.as_of;
  doc.period = w.period;

  // Lines in plan order: activities, categories, or their pairs, then any seen only in the ledger.
  std::vector<Line> lines;
  std::map<std::string, std::size_t> index;
  auto add_line = [&](const std::string& key, Line l) {
    if (index.count(key)) return;
    index[key] = lines.size();
    lines.push_back(std::move(l));
  };
  const auto& cats = p.decision.budget.categories;
  if (o.by == BudgetGrouping::activity) {
    for (const auto& a : p.activities) add_line(a.id, {a.id, "", a.budget, a.period, {}, {}, {}});
  } else if (o.by == BudgetGrouping::category) {
    for (const auto& c : p.programme.categories) {
      auto it = cats.find(c.id);
      if (it != cats.end()) add_line(c.id, {"", c.id, it->second, p.decision.eligible, {}, {}, {}});
    }
    for (const auto& [id, m] : cats) add_line(id, {"", id, m, p.decision.eligible, {}, {}, {}});
  } else {
    for (const auto& a : p.activities) {
      for (const auto& [cat, m] : a.category_budget) {
        add_line(a.id + "\x1F" + cat, {a.id, cat, m, a.period, {}, {}, {}});
      }
    }
  }
  auto add = [&](const CostLine& c, bool to_date) {
    std::string key = o.by == BudgetGrouping::activity   ? c.activity
                      : o.by == BudgetGrouping::category ? c.category
                                                         : c.activity + "\x1F" + c.category;
    if (!index.count(key)) {
      const auto* act = p.find_activity(c.activity);
      std::optional<core::Period> span = o.by == BudgetGrouping::category ? std::optional(p.decision.eligible)
                                         : act ? std::optional(act->period) : std::nullopt;
      add_line(key, {o.by == BudgetGrouping::category ? "" : c.activity,
                     o.by == BudgetGrouping::activity ? "" : c.category, std::nullopt, span, {}, {}, {}});
    }
    Line& l = lines[index[key]];
    if (to_date) {
      l.to_date += c.amount;
    } else {
      l.this_period += c.amount;
      l.months[c.month] += c.amount;
    }
  };
  if (w.to_date) {
    for (const auto& c : eligible_costs(p, outcome, *w.to_date)) add(c, true);
  }
  if (w.this_period) {
    for (const auto& c : eligible_costs(p, outcome, *w.this_period)) add(c, false);
  }

  Table t;
  t.key = "rows";
  bool by_activity = o.by != BudgetGrouping::category;
  bool by_category = o.by != BudgetGrouping::activity;
  if (by_activity) t.columns.emplace_back("activity", "Aktivitet", "Activity");
  if (by_category) t.columns.emplace_back("category", "Kostnadsslag", "Cost category");
  // Labels after Tillväxtverket's forms: Godkänt, Denna period, Ackumulerat, Återstår.
  for (Column c : std::vector<Column>{{"budget", "Godkänt", "Approved"},
                                      {"outcome_period", "Denna period", "This period"},
                                      {"outcome_to_date", "Ackumulerat", "Cumulative"},
                                      {"remaining", "Återstår", "Remaining"},
                                      Column("used_pct", "Förbrukat", "Used").with_bar().with_total_formula("({budget}-{remaining})/{budget}"),
                                      Column("elapsed_pct", "Tid förfluten", "Elapsed").with_bar(),
                                      {"planned_to_date", "Planerat hittills", "Planned to date"},
                                      {"variance", "Avvikelse", "Variance"},
                                      {"flags", "Flaggor", "Flags"}}) {
    t.columns.push_back(c);
  }
  std::vector<core::Month> months;
  if (o.monthly && w.this_period) months = core::months_of(*w.this_period);
  if (o.monthly) t.columns.push_back(Column::series("months", "Månader", "Months", "month", "outcome"));

  // The totals row is the sum of the rows, column by column, so that every column adds up: budget,
  // remaining, planned and variance over the rows that have them (a row of costs without a budget
  // line, such as costs booked on no activity, adds outcome only).
  Money sum_budget, sum_period, sum_to_date, sum_planned, sum_remaining, sum_variance, sum_budgeted_outcome;
  bool all_budgets = false, all_planned = false;
  std::map<core::Month, Money> sum_months;
  for (const Line& l : lines) {
    std::vector<Cell> row;
    if (by_activity) row.push_back(Cell::of_text(l.activity.empty() ? "-" : l.activity));
    if (by_category) {
      row.push_back(Cell::of_code(l.category, category_label(p.programme, l.category, true),
                                  category_label(p.programme, l.category, false)));
    }
    auto elapsed = elapsed_of(l.span, w);
    auto planned = planned_of(l, w);
    row.push_back(Cell::of_money(l.budget));
    row.push_back(Cell::of_money(l.this_period));
    row.push_back(Cell::of_money(l.to_date));
    row.push_back(l.budget ? Cell::of_money(*l.budget - l.to_date) : Cell::none());
    row.push_back(l.budget && l.budget->ore() != 0 ? Cell::of_percent(core::ratio_percent(l.to_date, *l.budget))
                                                   : Cell::none());
    row.push_back(Cell::of_percent(elapsed));
    row.push_back(Cell::of_money(planned));
    row.push_back(planned ? Cell::of_money(l.to_date - *planned) : Cell::none());
    auto flags = budget_flags(p.programme, l.budget, l.to_date, elapsed, o.by == BudgetGrouping::category,
                              o.by == BudgetGrouping::activity);
    for (const auto& f : flags) {
      std::string what = l.activity.empty() ? l.category : l.category.empty() ? l.activity : l.activity + "/" + l.category;
      std::string msg;
      if (f == "budget.underspend") {
        // A warning when the under-spend (budget pro rata by elapsed time − outcome) is material:
        // at least the rule set's underspend_amount; else an info.
        Money behind = planned && *planned > l.to_date ? *planned - l.to_date : Money();
        msg = fmt::format("{}: {} of the budget used with {} of its time elapsed; {} kr behind the budget pro rata",
                          what, core::format_percent_human(core::ratio_percent(l.to_date, *l.budget)),
                          core::format_percent_human(*elapsed), core::format_money_human(behind, true));
        core::SourcePlace at;  // the activity's budget in project.yaml
        for (const auto& a : p.activities) {
          if (a.id == l.activity) at = a.budget_place.line > 0 ? a.budget_place : a.place;
        }
        if (behind >= p.programme.underspend_amount) doc.diagnostics.warning(f, msg, at);
        else doc.diagnostics.info(f, msg, at);
      } else {
        msg = fmt::format("{}: outcome {} kr is above the budget {} kr by {} kr{}", what,
                          core::format_money_human(l.to_date, true), core::format_money_human(*l.budget, true),
                          core::format_money_human(l.to_date - *l.budget, true),
                          f == "budget.change-decision-needed" ? "; a change decision (ändringsbeslut) is needed before it can be claimed" : "");
        doc.diagnostics.warning(f, msg);
      }
    }
    row.push_back(Cell::of_list(flags));
    if (o.monthly) {
      std::vector<std::pair<std::string, Cell>> series;
      for (const auto& m : months) {
        Money v = l.months.count(m) ? l.months.at(m) : Money();
        series.emplace_back(m.iso(), Cell::of_money(v));
        sum_months[m] += v;
      }
      row.push_back(Cell::of_entries(std::move(series)));
    }
    t.rows.push_back(std::move(row));
    if (l.budget) {
      sum_budget += *l.budget;
      sum_remaining += *l.budget - l.to_date;
      sum_budgeted_outcome += l.to_date;
      all_budgets = true;
    }
    if (planned) {
      sum_planned += *planned;
      sum_variance += l.to_date - *planned;
      all_planned = true;
    }
    sum_period += l.this_period;
    sum_to_date += l.to_date;
  }

  std::vector<Cell> total;
  if (by_activity) total.push_back(Cell::of_text(by_category ? "" : "Totalt"));
  if (by_category) total.push_back(Cell::of_code("total", "Totalt", "Total"));
  if (by_activity) total.front() = Cell::of_code("total", "Totalt", "Total");
  auto project_elapsed = elapsed_of(std::optional(p.decision.eligible), w);
  total.push_back(all_budgets ? Cell::of_money(sum_budget) : Cell::none());
  total.push_back(Cell::of_money(sum_period));
  total.push_back(Cell::of_money(sum_to_date));
  total.push_back(all_budgets ? Cell::of_money(sum_remaining) : Cell::none());
  total.push_back(all_budgets && sum_budget.ore() != 0
                      ? Cell::of_percent(core::ratio_percent(sum_budgeted_outcome, sum_budget))
                      : Cell::none());
  total.push_back(Cell::of_percent(project_elapsed));
  total.push_back(all_planned ? Cell::of_money(sum_planned) : Cell::none());
  total.push_back(all_planned ? Cell::of_money(sum_variance) : Cell::none());
  std::vector<std::string> total_flags;
  if (all_budgets && p.decision.budget.total && sum_to_date > *p.decision.budget.total) {
    total_flags.push_back("budget.over");
  }
  total.push_back(Cell::of_list(total_flags));
  if (o.monthly) {
    std::vector<std::pair<std::string, Cell>> series;
    for (const auto& m : months) series.emplace_back(m.iso(), Cell::of_money(sum_months[m]));
    total.push_back(Cell::of_entries(std::move(series)));
  }
  t.total = std::move(total);
  doc.tables.push_back(std::move(t));
  return doc;
}

}  // namespace grantkit::reports
