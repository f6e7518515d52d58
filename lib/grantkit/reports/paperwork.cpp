#include <grantkit/reports/paperwork.hpp>
#include <grantkit/reports/request.hpp>

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include <grantkit/core/hours.hpp>
#include <grantkit/core/i18n.hpp>
#include <grantkit/reports/claim.hpp>
#include <grantkit/reports/eligible.hpp>
#include <grantkit/reports/indicators.hpp>
#include <grantkit/reports/staffing.hpp>
#include <grantkit/reports/time.hpp>

namespace grantkit::reports {

using core::Money;
using core::Month;
using core::Percent;
using core::Period;

namespace {

std::string owner_organisation(const model::Project& p) {
  for (const auto& o : p.organisations) {
    if (o.role == "owner") return o.id;
  }
  return "";
}

const model::Activity* activity_of(const model::Project& p, const std::string& id) {
  return p.find_activity(id);
}

// The place of activity `id` in the plan (hashed, Project::find_activity), or after the last.
std::size_t activity_rank(const model::Project& p, const std::string& id) {
  const model::Activity* a = p.find_activity(id);
  return a ? static_cast<std::size_t>(a - p.activities.data()) : p.activities.size();
}

// The part of month `m` inside `span`, if any.
std::optional<Period> month_part(Month m, const Period& span) {
  return core::intersect(Period{m.first_day(), m.last_day()}, span);
}

// Whether a time row falls in `window`: its month touches it and it is dated (a month row by its
// first day) on or before the window's end.
bool in_window(const model::TimeEntry& e, const Period& window) {
  Period span = e.span();
  return span.overlaps(window) && span.from <= window.to;
}

// The annual-hours full-time rule of the project (its calendar, the programme's annual hours).
core::FullTimeRule annual_rule(const model::Project& p) {
  core::FullTimeRule rule = p.full_time_rule();
  rule.basis = core::FullTimeBasis::annual_hours;
  return rule;
}

}  // namespace

// ---- Expense rows
// --------------------------------------------------------------------------------

std::string source_organisation(const model::Project& p, const model::SourceSpec& s) {
  return s.organisation.empty() ? owner_organisation(p) : s.organisation;
}

const model::SourceSpec* ledger_source_of(const model::Project& p, const model::Transaction& t) {
  if (t.place.file.empty()) return nullptr;
  for (const auto& s : p.ledger_sources) {
    // The same expression the ledger loader globs (io::expand_source_path).
    std::string pattern = (std::filesystem::path(p.dir) / s.path).string();
    if (::fnmatch(pattern.c_str(), t.place.file.c_str(), FNM_PATHNAME) == 0) return &s;
  }
  return nullptr;
}

std::vector<ExpenseList> expense_lists(const model::Project& p, const model::Outcome& o,
                                       const Period& window) {
  std::vector<const model::Transaction*> rows;
  for (const auto& t : o.costs) {
    if (!window.contains(t.date)) continue;
    if (t.unpaid) continue;  // not paid by --as-of: not in this request (claim.unpaid)
    rows.push_back(&t);
  }
  return expense_lists(p, rows);
}

std::vector<ExpenseList> expense_lists(const model::Project& p,
                                       const std::vector<const model::Transaction*>& rows) {
  std::vector<ExpenseList> lists;
  auto list_of = [&](const std::string& org) -> ExpenseList& {
    for (auto& l : lists) {
      if (l.organisation == org) return l;
    }
    lists.push_back({org, p.organisation_name(org), {}, Money()});
    return lists.back();
  };
  std::string owner = owner_organisation(p);
  list_of(owner);
  for (const auto& s : p.ledger_sources) list_of(source_organisation(p, s));

  // (organisation, voucher, account) → line; rows without a voucher are lines of their own.
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> index;
  for (const model::Transaction* row : rows) {
    const model::Transaction& t = *row;
    const model::SourceSpec* source = ledger_source_of(p, t);
    ExpenseList& list = list_of(source ? source_organisation(p, *source) : owner);
    ExpenseLine* line = nullptr;
    if (!t.voucher.empty()) {
      auto key = std::make_tuple(list.organisation, t.voucher, t.account);
      auto it = index.find(key);
      if (it != index.end())
        line = &list.lines[it->second];
      else
        index.emplace(key, list.lines.size());
    }
    if (!line) {
      list.lines.push_back(
          {t.voucher, t.text, t.date, t.paid, t.account, t.account_name, t.supplier, Money(), 0});
      line = &list.lines.back();
    } else {
      line->booked = std::min(line->booked, t.date);
      if (t.paid && (!line->paid || *line->paid < *t.paid)) line->paid = t.paid;
      if (line->account_name.empty()) line->account_name = t.account_name;
      if (line->supplier.empty()) line->supplier = t.supplier;
      if (line->text.empty()) line->text = t.text;
    }
    line->amount += t.amount;
    ++line->rows;
  }
  for (auto& l : lists) {
    std::stable_sort(l.lines.begin(), l.lines.end(),
                     [](const ExpenseLine& a, const ExpenseLine& b) {
                       return std::tie(a.booked, a.voucher, a.account) <
                              std::tie(b.booked, b.voucher, b.account);
                     });
    for (const auto& line : l.lines) l.total += line.amount;
  }
  return lists;
}

// ---- Staff costs
// ----------------------------------------------------------------------------------

std::vector<StaffCostRow> staff_cost_rows(const model::Project& p,
                                          const std::vector<model::TimeEntry>& entries,
                                          const Period& window) {
  std::vector<StaffCostRow> rows;
  const TimeIndex time(p, entries);  // the rows indexed once, not scanned per entry and month
  for (const auto& e : p.staff) {
    Period span = p.staff_period(e);
    auto part = core::intersect(span, window);
    if (!part) continue;
    std::optional<StaffCostRow> row;
    auto flush = [&] {
      // Hours × the unit cost, rounded down once per row (one unit cost), as eligible_costs does.
      if (row && row->cost &&
          (e.basis == model::StaffBasis::hourly || p.programme.staff_unit_cost)) {
        row->cost = staff_hours_cost(row->seconds, *row->hourly_rate);
      }
      if (row) rows.push_back(std::move(*row));
      row.reset();
    };
    for (const Month& m : core::months_of(*part)) {
      Period in_month = *month_part(m, *part);
      int steps = hourly_rate_index_steps(p, e, m);
      if (row && row->index_steps != steps) flush();
      if (!row) {
        row = StaffCostRow{};
        row->person = e.id;
        row->role = e.role;
        row->organisation = e.organisation;
        row->organisation_name = p.organisation_name(e.organisation);
        row->funding = e.funding;
        row->basis = e.basis;
        row->start = span.from;
        row->period = in_month;
        row->percent = e.percent;
        row->monthly_salary = e.monthly_salary;
        row->hourly_rate = hourly_rate(p, e, m);
        row->index_steps = steps;
        if (e.monthly_salary) row->cost = Money();
      }
      row->period.to = in_month.to;
      if (e.basis == model::StaffBasis::fixed_percent) {
        row->seconds += fixed_share_seconds(p, e, in_month);
        // Under a unit cost (erdf-2021-2027) a fixed share is hours too, costed at flush();
        // else share × salary a month (Delegated Reg. 481/2014 art. 3).
        if (row->cost && !p.programme.staff_unit_cost)
          *row->cost += staff_month_value(p, e, m, in_month);
      } else {
        for (const auto& [act, sec] : reported_seconds(p, e, time, m, in_month))
          row->seconds += sec;
      }
    }
    flush();
  }
  return rows;
}

// ---- Time reports
// ---------------------------------------------------------------------------------

std::vector<TimeSheet> time_sheets(const model::Project& p,
                                   const std::vector<model::TimeEntry>& entries,
                                   const Period& window) {
  // Persons in staffing order, each with their entries (hashed by id, not scanned per person).
  std::vector<std::string> persons;
  std::unordered_map<std::string_view, std::vector<const model::StaffEntry*>> entries_of;
  for (const auto& s : p.staff) {
    auto& of = entries_of[s.id];
    if (of.empty()) persons.push_back(s.id);
    of.push_back(&s);
  }
  // The rows on the plan's activities by person and month, indexed once: asked for the persons in
  // staffing, they are the project time (a known person and activity).
  const TimeIndex time(p, entries);
  std::vector<TimeSheet> sheets;
  for (const auto& person : persons) {
    for (const Month& m : core::months_of(window)) {
      auto in_month = month_part(m, window);
      TimeSheet sheet;
      for (const model::TimeEntry* row : time.rows(person, m)) {
        const model::TimeEntry& t = *row;
        if (!in_window(t, *in_month)) continue;
        const model::Activity* act = activity_of(p, t.activity);
        sheet.lines.push_back({t.date, t.activity, act ? act->name : "", t.seconds});
        sheet.seconds += t.seconds;
      }
      if (sheet.lines.empty()) continue;
      std::stable_sort(sheet.lines.begin(), sheet.lines.end(),
                       [&](const TimeSheetLine& a, const TimeSheetLine& b) {
                         auto day = [](const TimeSheetLine& l) {
                           return l.date ? l.date->day().as_number() : 0;
                         };
                         return std::make_pair(day(a), activity_rank(p, a.activity)) <
                                std::make_pair(day(b), activity_rank(p, b.activity));
                       });
      // The person's entry running that month (else their first) gives role and organisation.
      const model::StaffEntry* entry = nullptr;
      for (const model::StaffEntry* s : entries_of[person]) {
        if (p.staff_period(*s).overlaps(Period{m.first_day(), m.last_day()})) {
          entry = s;
          break;
        }
        if (!entry) entry = s;
      }
      sheet.person = person;
      sheet.role = entry->role;
      sheet.organisation = entry->organisation;
      sheet.organisation_name = p.organisation_name(entry->organisation);
      sheet.month = m;
      sheet.planned_seconds = planned_seconds_in_month(p, person, m);
      sheets.push_back(std::move(sheet));
    }
  }
  return sheets;
}

// ---- Attestations -------------------------------------------------------------------------------

std::vector<ShareAttestation> share_attestations(const model::Project& p, const Period& window) {
  std::vector<ShareAttestation> out;
  core::FullTimeRule rule = annual_rule(p);
  for (const auto& e : p.staff) {
    if (e.basis != model::StaffBasis::fixed_percent) continue;
    Period span = p.staff_period(e);
    auto part = core::intersect(span, window);
    if (!part) continue;
    std::int64_t full = core::full_time_minutes(*part, rule);
    ShareAttestation a;
    a.person = e.id;
    a.role = e.role;
    a.organisation = e.organisation;
    a.organisation_name = p.organisation_name(e.organisation);
    a.funding = e.funding;
    a.percent = e.percent;
    a.staffing_period = span;
    a.period = *part;
    a.year_share = Percent::from_millionths(full * Percent::kWhole / rule.annual_minutes);
    a.implied_seconds = full * e.percent.millionths() / Percent::kWhole * core::kSecondsPerMinute;
    out.push_back(std::move(a));
  }
  return out;
}

// ---- In-kind contributions
// ------------------------------------------------------------------------

std::vector<InKindSummary> in_kind_summaries(const Position& pos, const Period& window) {
  const model::Project& p = pos.project();
  const model::Outcome& o = pos.outcome();
  std::vector<InKindSummary> out;
  // What the claim counts: the position's in-kind lines, staff time and the flat rate on it.
  std::map<std::string, Money> valued, overhead, by_person;
  std::optional<Percent> overhead_rate;
  for (const auto& l : pos.in(window, Basis::paid)) {
    if (l.source != CostSource::in_kind) continue;
    bool is_rate = std::any_of(p.programme.flat_rates.begin(), p.programme.flat_rates.end(),
                               [&](const model::FlatRate& f) { return f.id == l.origin; });
    (is_rate ? overhead : valued)[l.financier] += l.amount;
    if (!is_rate) by_person[l.origin] += l.amount;
  }
  for (const auto& f : p.flat_rates_in_force(p.decision_on(window.to))) {
    if (f.id == "payroll_overhead") overhead_rate = f.rate;
  }
  const TimeIndex time(p, o.staff_time);  // the rows indexed once, not scanned per entry and month
  for (const auto& f : p.financing) {
    InKindSummary s;
    s.financier = f.id;
    s.financier_name = f.name.empty() ? f.id : f.name;
    s.is_public = f.type == model::FinancierType::public_;
    for (const auto& e : p.staff) {
      // The claim values fixed-share in-kind time (eligible_costs), and under a unit cost hourly
      // in-kind time too; so does the summary.
      if (e.organisation != f.id || e.funding != model::Funding::in_kind ||
          (e.basis != model::StaffBasis::fixed_percent && !p.programme.staff_unit_cost)) {
        continue;
      }
      auto part = core::intersect(p.staff_period(e), window);
      if (!part) continue;
      InKindPerson person;
      person.person = e.id;
      person.role = e.role;
      person.percent = e.percent;
      person.period = *part;
      person.has_salary = e.monthly_salary.has_value();
      for (const Month& m : core::months_of(*part)) {
        Period in_month = *month_part(m, *part);
        if (e.basis == model::StaffBasis::fixed_percent) {
          person.seconds += fixed_share_seconds(p, e, in_month);
        } else {
          for (const auto& [act, sec] : reported_seconds(p, e, time, m, in_month))
            person.seconds += sec;
        }
      }
      // The value the claim counts for this person (the position's lines, whichever way the
      // programme values the time).
      person.value = by_person.count(e.id) ? by_person[e.id] : Money();
      person.hourly_rate = hourly_rate(p, e, Month::of(part->from));
      s.staff_value += person.value;
      s.persons.push_back(std::move(person));
    }
    if (s.persons.empty()) continue;
    s.payroll_overhead = overhead.count(f.id) ? overhead[f.id] : Money();
    if (!s.payroll_overhead.is_zero()) s.overhead_rate = overhead_rate;
    s.total = s.staff_value + s.payroll_overhead;
    out.push_back(std::move(s));
  }
  return out;
}

// ---- Everything
// -----------------------------------------------------------------------------------

Paperwork paperwork(const Position& pos, const std::vector<model::TimeEntry>& time_entries,
                    const std::vector<model::IndicatorValue>& indicator_values) {
  const model::Project& p = pos.project();
  const model::Outcome& o = pos.outcome();
  const ReportWindow& w = pos.window();
  Paperwork pw;
  pw.project_id = p.id;
  pw.project_name = p.name;
  pw.case_id = pos.decision().case_id;
  pw.owner = p.owner;
  pw.period = w.period;
  pw.request_number = request_number(pos.project(), pw.period);
  pw.as_of = w.as_of;
  pw.covered = w.this_period;
  pw.annual_minutes = p.full_time_rule().annual_minutes;
  check_claim_period(p, w.period, pw.diagnostics);
  for (const auto& s : p.ledger_sources) {
    if (!s.organisation.empty() && !p.knows_organisation(s.organisation)) {
      pw.diagnostics.error(
          "ref.unknown",
          fmt::format(fmt::runtime(
                          _("the ledger source {} belongs to organisation '{}', which is neither a "
                            "financier nor an organisation of project.yaml")),
                      s.path, s.organisation),
          s.place);
    }
  }
  if (w.this_period) {
    const Period& window = *w.this_period;
    // Exactly the claim's transaction list: the late costs of earlier periods it names, then the
    // period's costs paid by --as-of (its findings are the claim's, stated there).
    core::Diagnostics scratch;
    ClaimBasis basis = claim_basis(pos, scratch);
    std::vector<const model::Transaction*> rows;
    for (const auto& lr : basis.late_rows) rows.push_back(lr.row);
    for (const auto& t : o.costs) {
      if (window.contains(t.date) && !t.unpaid) rows.push_back(&t);
    }
    // Booked staff costs go to the staff-cost file, everything else to the expense rows.
    std::vector<const model::Transaction*> staff_rows, other_rows;
    for (const auto* t : rows) (t->category == "personal" ? staff_rows : other_rows).push_back(t);
    pw.expenses = expense_lists(p, other_rows);
    if (!staff_rows.empty()) pw.booked_staff = expense_lists(p, staff_rows);
    pw.staff_costs = staff_cost_rows(p, time_entries, window);
    pw.time_sheets = time_sheets(p, time_entries, window);
    pw.attestations = share_attestations(p, window);
    pw.in_kind = in_kind_summaries(pos, window);
    for (const auto& r : pw.staff_costs) {
      if (r.cost)
        pw.staff_cost_total += *r.cost;
      else
        pw.staff_cost_complete = false;
    }
    for (const auto& e : p.staff) {
      if (e.monthly_salary || !p.staff_period(e).overlaps(window)) continue;
      pw.diagnostics.warning(
          "paperwork.no-salary",
          fmt::format(
              fmt::runtime(_("{} has no monthly_salary: its staff cost{} cannot be computed; the "
                             "paperwork leaves it empty")),
              e.id, e.funding == model::Funding::in_kind ? " and in-kind value" : ""),
          e.place);
    }
  } else {
    pw.expenses = expense_lists(p, model::Outcome{}, w.period);
  }
  pw.category_flags = pos.category_flags();
  {
    Document claim = claim_report(pos);
    pw.diagnostics.append_unique(claim.diagnostics);
    pw.claim = std::move(claim);
  }
  if (!p.indicators.empty()) {
    // The request reports the indicators as they stood at the end of its period.
    ReportWindow at_end = w;
    at_end.as_of = std::min(w.as_of, w.period.to);
    Document ind = indicators_report(p, indicator_values, at_end);
    pw.diagnostics.append(ind.diagnostics);
    pw.indicators = std::move(ind);
  }
  return pw;
}

}  // namespace grantkit::reports
