#include <grantkit/reports/monthly_report.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include <fmt/format.h>

#include <grantkit/core/accept.hpp>
#include <grantkit/core/rule_class.hpp>

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

// How many rows of the action list one rule may fill; the rest of its findings are summed on one
// line after them ("… and N more").
constexpr std::size_t kActionRowsPerRule = 3;

// The money at stake in a finding, for ranking: its amount's size, either way.
std::int64_t at_stake(const core::Diagnostic& d) {
  if (!d.amount) return -1;
  return d.amount->ore() < 0 ? -d.amount->ore() : d.amount->ore();
}

std::size_t finding_count(const core::Diagnostic& d) {
  return d.more > 0 ? d.more : 1;
}

// "Att åtgärda först": the findings of rules of class action that are warnings or errors (an
// accepted finding, or an information below a rule's threshold, is not an action), ranked by the
// money at stake (those without an amount after those with one; errors before warnings among
// equals; then in the order found). A rule fills at most kActionRowsPerRule rows; its further
// findings are one line after its last: their count and the sum of their amounts.
Table action_table(const core::Diagnostics& all) {
  Table a;
  a.key = "actions";
  a.title_sv = "Att åtgärda först";
  a.title_en = "Needs action first";
  a.columns.emplace_back("severity", "Allvarlighet", "Severity");
  a.columns.emplace_back("rule", "Regel", "Rule");
  a.columns.emplace_back("message", "Meddelande", "Message");
  a.columns.emplace_back("place", "Var", "Where");
  a.columns.emplace_back("amount", "Belopp", "Amount");
  std::vector<const core::Diagnostic*> picked;
  for (const auto& d : all.items()) {
    if (d.severity != core::Severity::info && core::rule_class(d.rule) == core::RuleClass::action)
      picked.push_back(&d);
  }
  std::stable_sort(
      picked.begin(), picked.end(), [](const core::Diagnostic* x, const core::Diagnostic* y) {
        return std::pair(at_stake(*x), x->severity) > std::pair(at_stake(*y), y->severity);
      });
  // Per rule: the rows shown, and what is left over (count, sum of amounts, highest severity).
  struct Rest {
    std::size_t shown = 0;
    std::size_t more = 0;
    std::optional<core::Money> sum;
    core::Severity severity = core::Severity::warning;
    std::size_t after = 0;  // the index in `rows` of the rule's last shown row
  };
  std::map<std::string, Rest> rest;
  std::vector<std::vector<Cell>> rows;
  std::vector<std::string> row_rule;
  for (const auto* d : picked) {
    Rest& r = rest[d->rule];
    if (r.shown < kActionRowsPerRule && d->more == 0) {
      ++r.shown;
      rows.push_back({severity_cell(d->severity), Cell::of_text(d->rule), Cell::of_text(d->message),
                      Cell::of_text(place_text(d->place)), Cell::of_money(d->amount)});
      row_rule.push_back(d->rule);
      r.after = rows.size() - 1;
      continue;
    }
    r.more += finding_count(*d);
    if (d->amount) r.sum = r.sum.value_or(core::Money()) + *d->amount;
    r.severity = std::max(r.severity, d->severity);
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    a.rows.push_back(std::move(rows[i]));
    const Rest& r = rest[row_rule[i]];
    if (r.more == 0 || r.after != i) continue;
    a.rows.push_back(
        {severity_cell(r.severity), Cell::of_text(row_rule[i]),
         Cell::of_code(fmt::format("… and {} more", r.more), fmt::format("… och {} till", r.more),
                       fmt::format("… and {} more", r.more)),
         Cell::none(), Cell::of_money(r.sum)});
  }
  // A rule whose findings are all summaries (more than a file's kept findings) has no row yet.
  for (const auto& [rule, r] : rest) {
    if (r.shown > 0 || r.more == 0) continue;
    a.rows.push_back(
        {severity_cell(r.severity), Cell::of_text(rule),
         Cell::of_code(fmt::format("{} findings", r.more), fmt::format("{} anmärkningar", r.more),
                       fmt::format("{} findings", r.more)),
         Cell::none(), Cell::of_money(r.sum)});
  }
  return a;
}

// Findings of rules of class routine, summed: one row per rule and source file, with how many
// and the sum of their amounts (empty when none of them has one). Every one of them is still in
// the findings section and in JSON's diagnostics.
Table routine_table(const core::Diagnostics& all) {
  Table t;
  t.key = "routine";
  t.title_sv = "Rutinmässiga anmärkningar, summerade";
  t.title_en = "Routine findings, summed";
  t.columns.emplace_back("rule", "Regel", "Rule");
  t.columns.emplace_back("file", "Fil", "File");
  t.columns.emplace_back("count", "Antal", "Count");
  t.columns.emplace_back("amount", "Belopp", "Amount");
  struct Sum {
    std::size_t count = 0;
    std::optional<core::Money> amount;
  };
  std::vector<std::pair<std::pair<std::string, std::string>, Sum>> sums;  // in the order found
  for (const auto& d : all.items()) {
    if (core::rule_class(d.rule) != core::RuleClass::routine) continue;
    std::pair<std::string, std::string> key{d.rule, d.place.file};
    auto it = std::find_if(sums.begin(), sums.end(), [&](const auto& e) { return e.first == key; });
    if (it == sums.end()) {
      sums.push_back({key, Sum{}});
      it = sums.end() - 1;
    }
    it->second.count += finding_count(d);
    if (d.amount) it->second.amount = it->second.amount.value_or(core::Money()) + *d.amount;
  }
  std::int64_t count = 0;
  std::optional<core::Money> amount;
  for (const auto& [key, sum] : sums) {
    t.rows.push_back(
        {Cell::of_text(key.first), key.second.empty() ? Cell::none() : Cell::of_text(key.second),
         Cell::of_integer(static_cast<std::int64_t>(sum.count)), Cell::of_money(sum.amount)});
    count += static_cast<std::int64_t>(sum.count);
    if (sum.amount) amount = amount.value_or(core::Money()) + *sum.amount;
  }
  if (!sums.empty()) {
    t.total = std::vector<Cell>{Cell::of_code("total", "Totalt", "Total"), Cell::none(),
                                Cell::of_integer(count), Cell::of_money(amount)};
  }
  return t;
}
Document summary_section(const model::Project& p, const ReportWindow& w, const BudgetRow& total,
                         const core::Diagnostics& all) {
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

  s.tables.push_back(action_table(all));
  s.tables.push_back(routine_table(all));
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

  // project.yaml's accept: before the triage, so that an acknowledged finding is not an action.
  // (Only validate, which states every report's findings, judges an accept that matches none.)
  core::apply_accepts(p.accept, p.dir, w.as_of, false, all);
  b.header.diagnostics = all;

  Document summary = summary_section(p, w, figures_from, all);
  b.sections.emplace_back("summary", std::move(summary));
  for (auto& s : rest) b.sections.push_back(std::move(s));
  return b;
}

}  // namespace grantkit::reports
