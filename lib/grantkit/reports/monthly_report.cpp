#include <grantkit/reports/monthly_report.hpp>

#include <algorithm>
#include <set>
#include <tuple>

#include <grantkit/reports/budget.hpp>
#include <grantkit/reports/claim.hpp>
#include <grantkit/reports/cofinancing.hpp>
#include <grantkit/reports/staffing.hpp>
#include <grantkit/reports/time.hpp>

namespace grantkit::reports {

namespace {

Cell severity_cell(core::Severity s) {
  switch (s) {
    case core::Severity::error:
      return Cell::of_code("error", "fel", "error");
    case core::Severity::warning:
      return Cell::of_code("warning", "varning", "warning");
    case core::Severity::info:
      break;
  }
  return Cell::of_code("info", "info", "info");
}

std::string place_text(const core::SourcePlace& p) {
  if (p.file.empty()) return "";
  if (p.line <= 0) return p.file;
  return p.file + ":" + std::to_string(p.line);
}

// Every rule id that flags a row of some section.
std::set<std::string> row_flags(const std::vector<std::pair<std::string, Document>>& sections) {
  std::set<std::string> out;
  for (const auto& [key, doc] : sections) {
    for (const auto& t : doc.tables) {
      int i = column_index(t, "flags");
      if (i < 0) continue;
      for (const auto& row : t.rows) {
        if (static_cast<std::size_t>(i) < row.size()) {
          for (const auto& f : row[static_cast<std::size_t>(i)].list) out.insert(f);
        }
      }
    }
  }
  return out;
}

Document summary_section(const model::Project& p, const ReportWindow& w, const BudgetRow& total,
                         const core::Diagnostics& all, const std::set<std::string>& flags) {
  Document s = document_header(p, w, "summary", "Sammanfattning", "Summary");
  Table k;
  k.key = "key_figures";
  k.title_sv = "Nyckeltal";
  k.title_en = "Key figures";
  k.columns.emplace_back("measure", "Mått", "Measure");
  k.columns.emplace_back("value", "Värde", "Value");
  struct Figure {
    const char* key;
    const char* sv;
    const char* en;
    Cell value;
  };
  // The budget report's totals row, figure by figure (the same BudgetFigures, not read back).
  for (const Figure& f :
       {Figure{"budget", "Godkänd budget", "Approved budget", Cell::of_money(total.budget)},
        Figure{"outcome_period", "Utfall denna period", "Outcome this period",
               Cell::of_money(total.this_period)},
        Figure{"outcome_to_date", "Utfall ackumulerat", "Outcome to date",
               Cell::of_money(total.to_date)},
        Figure{"remaining", "Återstår av budgeten", "Budget remaining",
               Cell::of_money(total.remaining)},
        Figure{"used_pct", "Förbrukat av budgeten", "Budget used", Cell::of_percent(total.used)},
        Figure{"elapsed_pct", "Förfluten tid av projektperioden", "Project time elapsed",
               Cell::of_percent(total.elapsed)},
        Figure{"planned_to_date", "Planerat utfall hittills", "Planned outcome to date",
               Cell::of_money(total.planned)},
        Figure{"variance", "Avvikelse mot plan", "Variance from plan",
               Cell::of_money(total.variance)}}) {
    k.rows.push_back({Cell::of_code(f.key, f.sv, f.en), f.value});
  }
  s.tables.push_back(std::move(k));

  Table a;
  a.key = "actions";
  a.title_sv = "Att åtgärda först";
  a.title_en = "Needs action first";
  a.columns.emplace_back("severity", "Allvarlighet", "Severity");
  a.columns.emplace_back("rule", "Regel", "Rule");
  a.columns.emplace_back("message", "Meddelande", "Message");
  a.columns.emplace_back("place", "Var", "Where");
  std::vector<const core::Diagnostic*> picked;
  for (const auto& d : all.items()) {
    if (d.severity != core::Severity::info || flags.count(d.rule)) picked.push_back(&d);
  }
  std::stable_sort(picked.begin(), picked.end(),
                   [](const core::Diagnostic* x, const core::Diagnostic* y) {
                     return x->severity > y->severity;
                   });
  for (const auto* d : picked) {
    a.rows.push_back({severity_cell(d->severity), Cell::of_text(d->rule), Cell::of_text(d->message),
                      Cell::of_text(place_text(d->place))});
  }
  s.tables.push_back(std::move(a));
  return s;
}

void append_unique(core::Diagnostics& into, const core::Diagnostics& from) {
  for (const auto& d : from.items()) {
    bool seen =
        std::any_of(into.items().begin(), into.items().end(), [&](const core::Diagnostic& e) {
          return std::tie(e.severity, e.rule, e.message, e.place.file, e.place.line,
                          e.place.column) == std::tie(d.severity, d.rule, d.message, d.place.file,
                                                      d.place.line, d.place.column);
        });
    if (!seen) into.add(d);
  }
}

}  // namespace

Document burn_up_report(const Position& pos) {
  const model::Project& p = pos.project();
  const ReportWindow& w = pos.window();
  Document doc = document_header(p, w, "burn_up", "Ackumulerat utfall per månad",
                                 "Cumulative outcome per month");
  doc.values.emplace_back("plan", Cell::of_text(plan_per_activity(p) ? "activity" : "category"));
  Table t;
  t.key = "rows";
  t.columns.emplace_back("month", "Månad", "Month");
  t.columns.emplace_back("added", "Tillkommet under månaden", "Added in month");
  t.columns.emplace_back("outcome_to_date", "Ackumulerat", "Cumulative");
  t.columns.emplace_back("planned_to_date", "Planerat ackumulerat", "Planned cumulative");
  t.columns.emplace_back("budget", "Godkänt", "Approved");
  const core::Period& whole = p.project_period();
  core::Money previous;
  for (const core::Month& m : core::months_of(whole)) {
    core::Date first = std::max(m.first_day(), whole.from);
    core::Date end = std::min(m.last_day(), whole.to);
    bool reached = w.to_date && first <= w.to_date->to;
    if (reached) end = std::min(end, w.to_date->to);
    Cell cumulative = Cell::none();
    Cell step = Cell::none();
    if (reached) {
      core::Money to_date = total_of(pos.cumulative(end));
      cumulative = Cell::of_money(to_date);
      step = Cell::of_money(to_date - previous);
      previous = to_date;
    }
    // The plan as it stood then: a month ended before "to date" ends under the decision of its end.
    bool past = w.to_date && end < w.to_date->to;
    model::Project then = past ? p.on(end) : model::Project{};
    const model::Project& plan = past ? then : p;
    t.rows.push_back({Cell::of_text(m.iso()), step, cumulative,
                      Cell::of_money(planned_through(plan, end)),
                      Cell::of_money(planned_budget(plan))});
  }
  doc.tables.push_back(std::move(t));
  return doc;
}

Document transactions_report(const Position& pos) {
  const model::Project& p = pos.project();
  const model::Outcome& outcome = pos.outcome();
  const ReportWindow& w = pos.window();
  Document doc = document_header(p, w, "transactions", "Transaktioner denna period",
                                 "Transactions this period");
  Table t;
  t.key = "transactions";
  for (Column c : std::vector<Column>{{"date", "Datum", "Date"},
                                      {"voucher", "Verifikation", "Voucher"},
                                      {"account", "Konto", "Account"},
                                      {"account_name", "Kontonamn", "Account name"},
                                      {"text", "Text", "Text"},
                                      {"category", "Kostnadsslag", "Cost category"},
                                      {"activity", "Aktivitet", "Activity"},
                                      {"person", "Person", "Person"},
                                      {"supplier", "Leverantör", "Supplier"},
                                      {"amount", "Belopp", "Amount"}}) {
    t.columns.push_back(c);
  }
  std::vector<const model::Transaction*> rows;
  if (w.this_period) {
    for (const auto& tr : outcome.costs) {
      if (w.this_period->contains(tr.date) && tr.date <= w.as_of) rows.push_back(&tr);
    }
  }
  std::stable_sort(
      rows.begin(), rows.end(),
      [](const model::Transaction* x, const model::Transaction* y) { return x->date < y->date; });
  core::Money sum;
  auto text_or_none = [](const std::string& s) {
    return s.empty() ? Cell::none() : Cell::of_text(s);
  };
  for (const auto* tr : rows) {
    const auto* cat = p.programme.find_category(tr->category);
    t.rows.push_back(
        {Cell::of_date(tr->date), text_or_none(tr->voucher), text_or_none(tr->account),
         text_or_none(tr->account_name), text_or_none(tr->text),
         cat ? Cell::of_code(tr->category, cat->sv, cat->en) : text_or_none(tr->category),
         text_or_none(tr->activity), text_or_none(tr->person), text_or_none(tr->supplier),
         Cell::of_money(tr->amount)});
    sum += tr->amount;
  }
  std::vector<Cell> total(t.columns.size());
  total[0] = Cell::of_code("total", "Totalt", "Total");
  total.back() = Cell::of_money(sum);
  t.total = std::move(total);
  doc.tables.push_back(std::move(t));
  return doc;
}

Bundle monthly_report(const Position& pos, const MonthlyReportOptions& o,
                      const core::Diagnostics& loaded) {
  const model::Project& p = pos.project();
  const ReportWindow& w = pos.window();
  Bundle b;
  b.header = document_header(p, w, "report", "Månadsrapport", "Monthly report");

  BudgetOptions by_activity;
  by_activity.by = BudgetGrouping::activity;
  BudgetFigures activity_figures = budget_figures(pos, by_activity);
  Document budget_activity = budget_document(pos, activity_figures);
  budget_activity.title_sv = "Budget mot utfall per aktivitet";
  budget_activity.title_en = "Budget versus outcome per activity";
  BudgetOptions by_category;
  by_category.by = BudgetGrouping::category;
  BudgetFigures category_figures = budget_figures(pos, by_category);
  Document budget_category = budget_document(pos, category_figures);
  budget_category.title_sv = "Budget mot utfall per kostnadsslag";
  budget_category.title_en = "Budget versus outcome per cost category";

  // Key figures from the totals per activity, or per category when the activities have no
  // budgets; both totals have the same outcome.
  const BudgetRow& figures_from =
      activity_figures.total.budget ? activity_figures.total : category_figures.total;

  // The sections after the summary, in order. A new report adds its section here.
  std::vector<std::pair<std::string, Document>> rest;
  rest.reserve(8);
  // GCC 12 at -O3 reports a false -Warray-bounds inside std::pair's constructor on these two
  // lines (the vector's storage, just reserved, taken as an array of 0 elements): silenced here.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
#endif
  rest.emplace_back("budget_activity", std::move(budget_activity));
  rest.emplace_back("budget_category", std::move(budget_category));
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
  rest.emplace_back("burn_up", burn_up_report(pos));
  rest.emplace_back("cofinancing", cofinancing_report(pos));
  StaffingOptions so;
  so.window = w;
  so.entry_flags = o.staff_flags;
  rest.emplace_back("staffing", staffing_report(p, so));
  if (o.time) {
    TimeOptions to;
    to.window = w;
    to.by_person = true;  // one row per person: the period's planned and reported hours
    to.complete = o.time_complete;
    Document time = time_report(p, *o.time, to);
    time.title_sv = "Tid per person denna period";
    time.title_en = "Time per person this period";
    rest.emplace_back("time", std::move(time));
  }
  // The claim basis when the period may be a payment request's (its transactions then list the
  // period's costs); otherwise the period's transactions on their own.
  core::Diagnostics claim_check;
  check_claim_period(p, w.period, claim_check);
  if (!claim_check.has_errors()) {
    // The monthly report is not a request: months since the last registered request, and a
    // period that has not ended yet, are what a report of this period is about, not findings.
    Document claim = claim_report(pos);
    core::Diagnostics kept;
    for (const auto& d : claim.diagnostics.items()) {
      if (d.rule != "claim.gap" && d.rule != "claim.period-open") kept.add(d);
    }
    claim.diagnostics = std::move(kept);
    rest.emplace_back("claim", std::move(claim));
  } else {
    rest.emplace_back("transactions", transactions_report(pos));
  }

  core::Diagnostics all;
  append_unique(all, loaded);
  for (const auto& [key, doc] : rest) append_unique(all, doc.diagnostics);
  b.header.diagnostics = all;

  Document summary = summary_section(p, w, figures_from, all, row_flags(rest));
  b.sections.emplace_back("summary", std::move(summary));
  for (auto& s : rest) b.sections.push_back(std::move(s));
  return b;
}

}  // namespace grantkit::reports
