#include <grantkit/reports/budget.hpp>

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace grantkit::reports {

using core::Money;
using core::Percent;

Document document_header(const model::Project& p, const ReportWindow& w, std::string report,
                         std::string sv, std::string en) {
  Document d;
  d.report = std::move(report);
  d.title_sv = std::move(sv);
  d.title_en = std::move(en);
  d.project_id = p.id;
  d.project_name = p.name;
  d.currency = p.currency;
  d.as_of = w.as_of;
  d.period = w.period;
  return d;
}

namespace {

constexpr char kSep = '\x1F';

std::string category_label(const model::Programme& prog, const std::string& id, bool sv) {
  if (const auto* c = prog.find_category(id)) return sv ? c->sv : c->en;
  return id;
}

// Planned outcome to date of `budget` spread linearly over `span`: budget × days of span elapsed by
// the end of "to date" / days of span, rounded down (0 before the span starts).
std::optional<Money> linear_plan(const std::optional<Money>& budget,
                                 const std::optional<core::Period>& span, const ReportWindow& w) {
  if (!budget || !span) return std::nullopt;
  if (!w.to_date || w.to_date->to < span->from) return Money();
  core::Date end = std::min(w.to_date->to, span->to);
  return core::prorate_floor(*budget, core::Period{span->from, end}.days(), span->days());
}

// The planned outcome to date per activity, per (activity, category) and per category: each
// activity's linear plan, spread over its category split or, without one, over the decision's
// category budgets (largest remainder), so that every grouping adds up to the same total. Empty
// maps when an activity has no budget (the plan per category is then linear per category).
struct Plan {
  bool by_activities = false;
  std::map<std::string, Money> activity;
  std::map<std::string, Money> cell;  // activity kSep category
  std::map<std::string, Money> category;
};

}  // namespace

bool plan_per_activity(const model::Project& p) {
  return !p.activities.empty() &&
         std::all_of(p.activities.begin(), p.activities.end(),
                     [](const model::Activity& a) { return a.budget.has_value(); });
}

namespace {

Plan plan_of(const model::Project& p, const ReportWindow& w) {
  Plan plan;
  if (!plan_per_activity(p)) return plan;
  plan.by_activities = true;
  const auto& cats = p.decision.budget.categories;
  for (const auto& a : p.activities) {
    Money planned = *linear_plan(a.budget, a.period, w);
    plan.activity[a.id] = planned;
    std::vector<std::string> ids;
    std::vector<Money> weights;
    const auto& split = a.category_budget.empty() ? cats : a.category_budget;
    for (const auto& [id, m] : split) {
      ids.push_back(id);
      weights.push_back(m);
    }
    if (ids.empty()) continue;
    auto parts = core::distribute(planned, weights);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (!a.category_budget.empty()) plan.cell[a.id + kSep + ids[i]] = parts[i];
      plan.category[ids[i]] += parts[i];
    }
  }
  return plan;
}

}  // namespace

std::optional<Money> planned_through(const model::Project& p, core::Date through) {
  ReportWindow w;
  w.as_of = through;
  w.period = {through, through};
  if (p.project_period().from <= through)
    w.to_date = core::Period{p.project_period().from, through};
  Plan plan = plan_of(p, w);
  if (plan.by_activities) {
    Money sum;
    for (const auto& [id, m] : plan.activity) sum += m;
    return sum;
  }
  const auto& cats = p.decision.budget.categories;
  if (cats.empty()) return linear_plan(p.decision.budget.total, p.project_period(), w);
  Money sum;
  for (const auto& [id, m] : cats) sum += *linear_plan(m, p.project_period(), w);
  return sum;
}

std::optional<Money> planned_budget(const model::Project& p) {
  if (plan_per_activity(p)) {
    Money sum;
    for (const auto& a : p.activities) sum += *a.budget;
    return sum;
  }
  const auto& cats = p.decision.budget.categories;
  if (cats.empty()) return p.decision.budget.total;
  Money sum;
  for (const auto& [id, m] : cats) sum += m;
  return sum;
}

BudgetFigures budget_figures(const Position& pos, const BudgetOptions& o) {
  const model::Project& p = pos.project();
  const ReportWindow& w = pos.window();
  const model::Decision& decision = pos.decision();
  BudgetFigures f;
  f.by = o.by;
  f.monthly = o.monthly;
  const bool by_activity = o.by == BudgetGrouping::activity;
  const bool by_category = o.by == BudgetGrouping::category;
  Plan plan = plan_of(p, w);

  // Rows in plan order: activities, categories, or their pairs.
  std::map<std::string, std::size_t> index;
  std::map<std::size_t, std::optional<core::Period>> spans;
  auto add_row = [&](const std::string& key, BudgetRow r, std::optional<core::Period> span) {
    if (index.count(key)) return;
    index[key] = f.rows.size();
    spans[f.rows.size()] = span;
    f.rows.push_back(std::move(r));
  };
  auto row = [](std::string act, std::string cat, std::optional<Money> budget) {
    BudgetRow r;
    r.activity = std::move(act);
    r.category = std::move(cat);
    r.budget = budget;
    return r;
  };
  const auto& cats = decision.budget.categories;
  if (by_activity) {
    for (const auto& a : p.activities) add_row(a.id, row(a.id, "", a.budget), a.period);
  } else if (by_category) {
    for (const auto& c : p.programme.categories) {
      if (auto it = cats.find(c.id); it != cats.end())
        add_row(c.id, row("", c.id, it->second), p.project_period());
    }
    for (const auto& [id, m] : cats) add_row(id, row("", id, m), p.project_period());
  } else {
    for (const auto& a : p.activities) {
      for (const auto& [cat, m] : a.category_budget)
        add_row(a.id + kSep + cat, row(a.id, cat, m), a.period);
    }
  }
  bool has_budget_lines = false;
  for (const auto& r : f.rows) has_budget_lines = has_budget_lines || r.budget.has_value();

  auto key_of = [&](const CostLine& c) {
    if (by_activity) return c.activity;
    if (by_category) return c.category;
    return c.activity + kSep + c.category;
  };
  auto line_for = [&](const CostLine& c) -> BudgetRow& {
    std::string key = key_of(c);
    if (!index.count(key)) {
      // Outcome the plan has no line for: budget 0 where the grouping has budgets — except a
      // category of an activity whose budget is not split per category: the plan says nothing of
      // that cell (no budget, and then no total budget either).
      const auto* owner = p.find_activity(c.activity);
      bool unsplit = !by_activity && !by_category && owner && owner->category_budget.empty();
      BudgetRow r = row(by_category ? "" : c.activity, by_activity ? "" : c.category,
                        has_budget_lines && !unsplit ? std::optional(Money()) : std::nullopt);
      r.planned_line = false;
      const auto* act = p.find_activity(c.activity);
      std::optional<core::Period> span = by_category ? std::optional(p.project_period())
                                         : act       ? std::optional(act->period)
                                                     : std::nullopt;
      add_row(key, std::move(r), span);
    }
    return f.rows[index[key]];
  };
  for (const auto& c : pos.to_date()) line_for(c).to_date += c.amount;
  for (const auto& c : pos.this_period()) line_for(c).this_period += c.amount;
  if (o.monthly && w.this_period) {
    for (const auto& m : core::months_of(*w.this_period)) {
      f.months.push_back(m);
      auto span = core::intersect(*w.this_period, core::Period{m.first_day(), m.last_day()});
      for (const auto& c : pos.in(*span)) line_for(c).months[m] += c.amount;
    }
  }

  // Each row's derived figures and flags.
  BudgetRow& t = f.total;
  t.activity = by_category ? "" : "total";
  t.category = by_activity ? "" : "total";
  bool all_planned = true, any_planned = false, all_budgets_known = true;
  for (std::size_t i = 0; i < f.rows.size(); ++i) {
    BudgetRow& r = f.rows[i];
    const auto& span = spans[i];
    r.elapsed = pos.elapsed(span);
    if (r.budget) {
      r.remaining = *r.budget - r.to_date;
      if (r.budget->ore() != 0) r.used = core::ratio_percent(r.to_date, *r.budget);
    }
    if (r.planned_line) {
      if (by_activity && plan.by_activities)
        r.planned = plan.activity[r.activity];
      else if (by_category && plan.by_activities)
        r.planned = plan.category[r.category];
      else if (!by_activity && !by_category && plan.by_activities)
        r.planned = plan.cell[r.activity + kSep + r.category];
      else
        r.planned = linear_plan(r.budget, span, w);
    } else if (r.budget) {
      r.planned = Money();  // nothing was planned for it
    }
    if (r.planned) r.variance = r.to_date - *r.planned;
    if (!by_category && r.activity.empty()) {
      r.flags.push_back("ledger.no-activity");
    } else {
      r.flags = pos.budget_flags(r.budget, r.to_date, r.elapsed, by_category, by_activity);
      std::string what = r.activity.empty()   ? r.category
                         : r.category.empty() ? r.activity
                                              : r.activity + "/" + r.category;
      for (const auto& flag : r.flags)
        pos.flag_finding(flag, what, r.budget, r.to_date, r.elapsed, f.findings, r.planned);
    }
    t.this_period += r.this_period;
    t.to_date += r.to_date;
    for (const auto& [m, v] : r.months) t.months[m] += v;
    if (r.planned) {
      t.planned = t.planned.value_or(Money()) + *r.planned;
      any_planned = true;
    } else {
      all_planned = false;
    }
    if (r.budget) t.budget = t.budget.value_or(Money()) + *r.budget;
  }
  // Per activity and category, an activity whose budget is not split has no row of its budget:
  // the grouping then states no total budget or plan (they would not be the activities').
  bool every_split =
      std::all_of(p.activities.begin(), p.activities.end(),
                  [](const model::Activity& a) { return !a.category_budget.empty(); });
  if (!by_activity && !by_category && !every_split) {
    all_planned = false;
    all_budgets_known = false;
  }
  if (!all_planned || !any_planned) t.planned.reset();
  bool all_budgets =
      all_budgets_known && std::all_of(f.rows.begin(), f.rows.end(),
                                       [](const BudgetRow& r) { return r.budget.has_value(); });
  // Per cost category without category budgets: the decided total is the categories' total.
  if (!has_budget_lines && by_category)
    t.budget = decision.budget.total;
  else if (!all_budgets)
    t.budget.reset();
  if (t.budget) {
    t.remaining = *t.budget - t.to_date;
    if (t.budget->ore() != 0) t.used = core::ratio_percent(t.to_date, *t.budget);
    if (t.to_date > *t.budget) t.flags.push_back("budget.over");
  }
  if (t.planned) t.variance = t.to_date - *t.planned;
  t.elapsed = pos.elapsed(p.project_period());
  return f;
}

Document budget_document(const Position& pos, const BudgetFigures& f) {
  const model::Project& p = pos.project();
  Document doc =
      document_header(p, pos.window(), "budget", "Budget mot utfall", "Budget versus outcome");
  doc.diagnostics = f.findings;
  const bool by_activity = f.by != BudgetGrouping::category;
  const bool by_category = f.by != BudgetGrouping::activity;
  Table t;
  t.key = "rows";
  if (by_activity) t.columns.emplace_back("activity", "Aktivitet", "Activity");
  if (by_category) t.columns.emplace_back("category", "Kostnadsslag", "Cost category");
  // Labels after Tillväxtverket's forms: Godkänt, Denna period, Ackumulerat, Återstår.
  for (Column c : std::vector<Column>{{"budget", "Godkänt", "Approved"},
                                      {"outcome_period", "Denna period", "This period"},
                                      {"outcome_to_date", "Ackumulerat", "Cumulative"},
                                      {"remaining", "Återstår", "Remaining"},
                                      Column("used_pct", "Förbrukat", "Used")
                                          .with_bar()
                                          .with_total_formula("({budget}-{remaining})/{budget}"),
                                      Column("elapsed_pct", "Tid förfluten", "Elapsed").with_bar(),
                                      {"planned_to_date", "Planerat hittills", "Planned to date"},
                                      {"variance", "Avvikelse", "Variance"},
                                      {"flags", "Flaggor", "Flags"}}) {
    t.columns.push_back(c);
  }
  const bool monthly = f.monthly;
  if (monthly)
    t.columns.push_back(Column::series("months", "Månader", "Months", "month", "outcome"));
  auto figures = [&](const BudgetRow& r, std::vector<Cell>& cells) {
    cells.push_back(Cell::of_money(r.budget));
    cells.push_back(Cell::of_money(r.this_period));
    cells.push_back(Cell::of_money(r.to_date));
    cells.push_back(Cell::of_money(r.remaining));
    cells.push_back(Cell::of_percent(r.used));
    cells.push_back(Cell::of_percent(r.elapsed));
    cells.push_back(Cell::of_money(r.planned));
    cells.push_back(Cell::of_money(r.variance));
    cells.push_back(Cell::of_list(r.flags));
    if (monthly) {
      std::vector<std::pair<std::string, Cell>> series;
      for (const auto& m : f.months) {
        auto it = r.months.find(m);
        series.emplace_back(m.iso(), Cell::of_money(it == r.months.end() ? Money() : it->second));
      }
      cells.push_back(Cell::of_entries(std::move(series)));
    }
  };
  for (const BudgetRow& r : f.rows) {
    std::vector<Cell> cells;
    if (by_activity) {
      cells.push_back(r.activity.empty() ? Cell::of_code("", "(ingen aktivitet)", "(no activity)")
                                         : Cell::of_text(r.activity));
    }
    if (by_category) {
      cells.push_back(Cell::of_code(r.category, category_label(p.programme, r.category, true),
                                    category_label(p.programme, r.category, false)));
    }
    figures(r, cells);
    t.rows.push_back(std::move(cells));
  }
  std::vector<Cell> total;
  if (by_activity) total.push_back(Cell::of_code("total", "Totalt", "Total"));
  if (by_category)
    total.push_back(by_activity ? Cell::of_text("") : Cell::of_code("total", "Totalt", "Total"));
  figures(f.total, total);
  t.total = std::move(total);
  doc.tables.push_back(std::move(t));
  return doc;
}

Document budget_report(const Position& pos, const BudgetOptions& o) {
  return budget_document(pos, budget_figures(pos, o));
}

}  // namespace grantkit::reports
