#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <grantkit/check/rules.hpp>
#include <grantkit/core/i18n.hpp>

namespace grantkit::check {

using core::Money;
using model::Project;

namespace {

// budget.activities-sum: the activity budgets add up to the decided total (and category budgets,
// where given, too).
void activities_sum(const Project& p, core::Diagnostics& d) {
  const auto& total = p.decision.budget.total;
  if (!total) return;
  Money sum;
  bool all = !p.activities.empty();
  for (const auto& a : p.activities) {
    if (a.budget)
      sum += *a.budget;
    else
      all = false;
  }
  if (all && sum != *total) {
    d.error("budget.activities-sum",
            fmt::format(
                fmt::runtime(_(
                    "the activity budgets add up to {}, the decided budget is {} (difference {})")),
                core::format_kr(sum), core::format_kr(*total), core::format_kr(sum - *total)),
            p.decision.budget.place, {sum - *total, {}});
  }
  if (!p.decision.budget.categories.empty()) {
    Money cats;
    for (const auto& [id, m] : p.decision.budget.categories) cats += m;
    if (cats != *total) {
      d.error("budget.categories-sum",
              fmt::format(
                  fmt::runtime(_("the category budgets add up to {}, the decided budget is {}")),
                  core::format_kr(cats), core::format_kr(*total)),
              p.decision.budget.place, {cats - *total, {}});
    }
  }
}

// activity.period: every activity runs inside the eligible period; ids are unique.
void activity_period(const Project& p, core::Diagnostics& d) {
  std::set<std::string> seen;
  for (const auto& a : p.activities) {
    if (!seen.insert(a.id).second) {
      d.error("activity.duplicate-id",
              fmt::format(fmt::runtime(_("activity {} is listed twice")), a.id), a.place);
    }
    if (!p.decision.eligible.contains(a.period)) {
      d.error("activity.period",
              fmt::format(fmt::runtime(_("activity {} runs {}, outside the eligible period {}")),
                          a.id, a.period.iso(), p.decision.eligible.iso()),
              a.place);
    }
  }
}

// decision.programme-period: the decision's eligible period, and each change decision's, lies
// inside the programme's own period (the rule set's `period`: 2014–2020 ends 2023-12-31, CPR
// 1303/2013 art. 65(2); 2021–2027 ends 2029-12-31, CPR 2021/1060 art. 63(2)).
void programme_period(const Project& p, core::Diagnostics& d) {
  if (!p.programme.period) return;
  const core::Period& prog = *p.programme.period;
  auto check = [&](const core::Period& eligible, const core::SourcePlace& place,
                   std::string_view whose) {
    if (prog.contains(eligible)) return;
    d.error("decision.programme-period",
            fmt::format(fmt::runtime(_("{}eligible period {} lies outside programme {}'s period "
                                       "{}: expenditure is eligible "
                                       "only inside it; check `programme:` or the period")),
                        whose, eligible.iso(), p.programme.id, prog.iso()),
            place);
  };
  check(p.decision.eligible,
        p.decision.eligible_place.file.empty() ? p.decision.place : p.decision.eligible_place,
        _("the decision's "));
  for (const auto& c : p.changes) {
    if (c.eligible)
      check(*c.eligible, c.place,
            fmt::format(fmt::runtime(_("the change decision of {}: ")), core::format_iso(c.date)));
  }
}

// financing.total-mismatch: cash + in kind = total for every financier that gives all three.
void financing_total(const Project& p, core::Diagnostics& d) {
  for (const auto& f : p.financing) {
    if (f.cash && f.in_kind && f.total && *f.cash + *f.in_kind != *f.total) {
      d.error("financing.total-mismatch",
              fmt::format(fmt::runtime(_("{}: cash {} + in kind {} is {}, not the total {}")), f.id,
                          core::format_kr(*f.cash), core::format_kr(*f.in_kind),
                          core::format_kr(*f.cash + *f.in_kind), core::format_kr(*f.total)),
              f.place, {*f.cash + *f.in_kind - *f.total, {f.id}});
    }
  }
}

// financing.unresolved: a financier whose amounts are still to be redistributed (omfördelas).
void financing_unresolved(const Project& p, core::Diagnostics& d) {
  for (const auto& f : p.financing) {
    if (f.status == model::FinancingStatus::to_be_redistributed) {
      d.warning(
          "financing.unresolved",
          fmt::format(fmt::runtime(_(
                          "{}: the co-financing is to be redistributed (omfördelas); the financing "
                          "plan is not final until it is resolved")),
                      f.name.empty() ? f.id : f.name),
          f.place, {std::nullopt, {f.id}});
    } else if (f.status == model::FinancingStatus::unknown) {
      d.warning("financing.unresolved",
                fmt::format(fmt::runtime(_("{}: the co-financing is unknown")), f.id), f.place,
                {std::nullopt, {f.id}});
    }
  }
}

// The total a financier contributes according to the plan, when known.
std::optional<Money> financier_total(const model::Financier& f) {
  if (f.status != model::FinancingStatus::confirmed) return std::nullopt;
  if (f.total) return f.total;
  if (f.cash && f.in_kind) return *f.cash + *f.in_kind;
  if (f.cash && !f.in_kind) return f.cash;
  if (f.in_kind && !f.cash) return f.in_kind;
  return std::nullopt;
}

// financing.plan-balance: co-financing + aid = the total eligible budget (DOMAIN.md "Co-financing
// and aid"). Unknown parts make it a warning: the plan cannot be balanced yet.
void financing_plan_balance(const Project& p, core::Diagnostics& d) {
  const auto& total = p.decision.budget.total;
  if (!total) return;
  std::vector<std::string> missing;
  Money cofinancing;
  for (const auto& f : p.financing) {
    if (auto t = financier_total(f))
      cofinancing += *t;
    else
      missing.push_back(f.id);
  }
  std::optional<Money> aid = p.decision.aid.max;
  if (!aid && p.decision.aid.rate) aid = core::apply_percent_floor(*total, *p.decision.aid.rate);
  if (!aid || !missing.empty()) {
    std::string what;
    if (!aid) what = _("the aid is not stated (decision.aid is null)");
    if (!missing.empty()) {
      what += fmt::format(fmt::runtime(_("{}the co-financing of {} is not known")),
                          what.empty() ? "" : _(" and "), fmt::join(missing, ", "));
    }
    d.warning("financing.plan-balance",
              fmt::format(
                  fmt::runtime(_(
                      "the financing plan cannot be balanced: {}; co-financing known so far {} of "
                      "the budget {}")),
                  what, core::format_kr(cofinancing), core::format_kr(*total)),
              p.decision.place);
    return;
  }
  if (cofinancing + *aid != *total) {
    d.error(
        "financing.plan-balance",
        fmt::format(
            fmt::runtime(
                _("co-financing {} + aid {} = {}, but the eligible budget is {} (difference {})")),
            core::format_kr(cofinancing), core::format_kr(*aid),
            core::format_kr(cofinancing + *aid), core::format_kr(*total),
            core::format_kr(cofinancing + *aid - *total)),
        p.decision.place, {cofinancing + *aid - *total, {}});
  }
}

// financing.owner-negative: the owner's share, the balancing item of the plan (total eligible − aid
// − other co-financing, DOMAIN.md "Co-financing and aid"), is below zero: the plan promises more
// than the budget.
void financing_owner_negative(const Project& p, core::Diagnostics& d) {
  auto share = p.owner_share(p.decision);
  if (!share || !(*share < Money())) return;
  const model::Financier* f = p.find_financier(p.owner_id());
  d.error("financing.owner-negative",
          fmt::format(
              fmt::runtime(
                  _("the owner's share of the financing plan, the budget {} − the aid − the other "
                    "co-financing, "
                    "comes out at {}: the aid and the co-financing promise more than the eligible "
                    "budget")),
              core::format_kr(*p.decision.budget.total), core::format_kr(*share)),
          f ? f->place : p.decision.place, {*share, {}});
}

// The cost category of booked staff salaries (gross; the payroll overhead is a flat rate on it).
constexpr std::string_view kStaffCategory = "personal";

// staff.plan-over-budget: the staffing plan's salaries over the project (cash-funded staff: their
// salaries are booked as `personal`; in-kind staff are valued against the financing plan, see
// staff.in-kind-mismatch) above the decision's budget for `personal`. The message also gives both
// with the flat rates in force computed on staff costs alone (the payroll overhead), which the
// comparison leaves unchanged. Without a `personal` budget there is nothing to compare with.
void staff_plan_over_budget(const Project& p, core::Diagnostics& d) {
  auto budget = p.decision.budget.categories.find(std::string(kStaffCategory));
  if (budget == p.decision.budget.categories.end()) return;
  Money plan;
  std::size_t without_salary = 0;
  for (const auto& e : p.staff) {
    if (e.funding != model::Funding::cash) continue;
    if (auto cost = p.planned_cost(e))
      plan += *cost;
    else
      ++without_salary;
  }
  if (!(plan > budget->second)) return;
  // Flat rates on staff costs alone: their base is `personal` or another such rate.
  std::vector<std::string> on_staff;
  std::vector<std::string> named;
  for (const auto& rate : p.flat_rates_in_force(p.decision)) {
    bool staff_only = !rate.base.empty();
    for (const auto& b : rate.base) {
      staff_only = staff_only && (b == kStaffCategory ||
                                  std::find(on_staff.begin(), on_staff.end(), b) != on_staff.end());
    }
    if (!staff_only) continue;
    on_staff.push_back(rate.id);
    named.push_back(fmt::format("{} {}", rate.id, core::message_percent(rate.rate)));
  }
  // Each rate on the salaries and on the rates before it, in order (payroll overhead, then an
  // overhead on salaries and payroll overhead), rounded down once per rate.
  auto with_rates = [&](Money base) {
    std::map<std::string, Money> amount{{std::string(kStaffCategory), base}};
    Money total = base;
    for (const auto& rate : p.flat_rates_in_force(p.decision)) {
      if (std::find(on_staff.begin(), on_staff.end(), rate.id) == on_staff.end()) continue;
      Money on;
      for (const auto& b : rate.base) on += amount[b];
      amount[rate.id] = core::apply_percent_floor(on, rate.rate);
      total += amount[rate.id];
    }
    return total;
  };
  Money plan_with = with_rates(plan);
  Money budget_with = with_rates(budget->second);
  auto place = p.decision.budget.category_places.find(std::string(kStaffCategory));
  d.warning(
      "staff.plan-over-budget",
      fmt::format(
          fmt::runtime(
              _("the staffing plan's salaries over the project come to {}{} (share × monthly "
                "salary over "
                "each cash-funded entry's period{}), above the budget for {} of {} by {}{}")),
          without_salary ? _("at least ") : "", core::format_kr(plan),
          without_salary
              ? fmt::format(fmt::runtime(_("; {} entries without a monthly salary not counted")),
                            without_salary)
              : std::string(),
          kStaffCategory, core::format_kr(budget->second), core::format_kr(plan - budget->second),
          named.empty()
              ? std::string()
              : fmt::format(
                    fmt::runtime(_("; with the flat rates on staff costs ({}): {} against {}")),
                    fmt::join(named, ", "), core::format_kr(plan_with),
                    core::format_kr(budget_with))),
      place != p.decision.budget.category_places.end() ? place->second : p.decision.budget.place,
      {plan - budget->second, {std::string(kStaffCategory)}});
}

// staff.duplicate-entry: the same person listed more than once over overlapping periods.
void staff_duplicate(const Project& p, core::Diagnostics& d) {
  for (std::size_t i = 0; i < p.staff.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      const auto& a = p.staff[j];
      const auto& b = p.staff[i];
      if (a.id == b.id && p.staff_period(a).overlaps(p.staff_period(b))) {
        d.warning("staff.duplicate-entry",
                  fmt::format(
                      fmt::runtime(_(
                          "{} is listed again (first at line {}: {}; here: {}); if it is the same "
                          "person, merge the entries or give them periods that do not overlap")),
                      b.id, a.place.line, core::message_percent(a.percent),
                      core::message_percent(b.percent)),
                  b.place, {std::nullopt, {b.id}});
        break;
      }
    }
  }
}

// staff.over-allocated: a person above 100 % of full time at any date, summed over entries.
void staff_over_allocated(const Project& p, core::Diagnostics& d) {
  std::map<std::string, std::vector<const model::StaffEntry*>> by_person;
  for (const auto& e : p.staff) by_person[e.id].push_back(&e);
  for (const auto& [id, entries] : by_person) {
    // The sum can only change where an entry starts: check each start date.
    for (const auto* start : entries) {
      core::Date at = p.staff_period(*start).from;
      core::Percent sum;
      for (const auto* e : entries) {
        if (p.staff_period(*e).contains(at)) sum = sum + e->percent;
      }
      if (sum > core::Percent::from_points(100)) {
        d.error("staff.over-allocated",
                fmt::format(
                    fmt::runtime(_(
                        "{} is staffed at {} of full time on {} (entries summed); at most 100 %")),
                    id, core::message_percent(sum), core::format_iso(at)),
                start->place, {std::nullopt, {id}});
        break;
      }
    }
  }
}

// staff.period: a staffing period outside the full-time definition or the eligible period.
void staff_period_rule(const Project& p, core::Diagnostics& d) {
  for (const auto& e : p.staff) {
    if (!e.period) continue;
    if (!p.full_time.period.contains(*e.period) || !p.decision.eligible.contains(*e.period)) {
      d.error(
          "staff.period",
          fmt::format(fmt::runtime(_("{} is staffed {}, outside the full-time definition {} or the "
                                     "eligible period {}")),
                      e.id, e.period->iso(), p.full_time.period.iso(), p.decision.eligible.iso()),
          e.period_place);
    }
  }
}

// ref.unknown: every reference names something that exists.
void references(const Project& p, core::Diagnostics& d) {
  for (const auto& e : p.staff) {
    if (!e.organisation.empty() && !p.knows_organisation(e.organisation)) {
      d.error(
          "ref.unknown",
          fmt::format(
              fmt::runtime(_("{}: organisation '{}' is neither a financier nor in organisations")),
              e.id, e.organisation),
          e.organisation_place);
    }
    for (const auto& [act, share] : e.activities) {
      if (!p.find_activity(act)) {
        d.error("ref.unknown",
                fmt::format(fmt::runtime(_("{}: activity '{}' is not in the plan")), e.id, act),
                e.activity_places.at(act));
      }
    }
  }
  if (!p.programme.categories.empty()) {
    for (const auto& [cat, m] : p.decision.budget.categories) {
      if (!p.programme.find_category(cat)) {
        d.error("ref.unknown",
                fmt::format(
                    fmt::runtime(_("cost category '{}' is not one of programme {}'s categories")),
                    cat, p.programme.id),
                p.decision.budget.category_places.at(cat));
      }
    }
    for (const auto& a : p.activities) {
      for (const auto& [cat, m] : a.category_budget) {
        if (!p.programme.find_category(cat)) {
          d.error(
              "ref.unknown",
              fmt::format(fmt::runtime(_("activity {}: cost category '{}' is unknown")), a.id, cat),
              a.budget_place);
        }
      }
    }
  }
  for (const auto& entry : p.decision.rates) {
    const std::string& rate = entry.first;
    bool known = std::any_of(p.programme.flat_rates.begin(), p.programme.flat_rates.end(),
                             [&](const model::FlatRate& f) { return f.id == rate; });
    if (!known) {
      d.error("ref.unknown",
              fmt::format(fmt::runtime(_("flat rate '{}' is not in programme {}")), rate,
                          p.programme.id),
              p.decision.place);
    }
  }
}

}  // namespace

const std::vector<ProjectRule>& project_rules() {
  static const std::vector<ProjectRule> rules = {
      {"budget.activities-sum",
       "activity budgets (and category budgets) add up to the decided total", activities_sum},
      {"activity.period", "every activity runs inside the eligible period; ids are unique",
       activity_period},
      {"decision.programme-period", "the eligible period lies inside the programme's period",
       programme_period},
      {"financing.total-mismatch", "cash + in kind = total for each financier", financing_total},
      {"financing.unresolved", "a financier's co-financing is to be redistributed or unknown",
       financing_unresolved},
      {"financing.plan-balance", "co-financing + aid = the total eligible budget",
       financing_plan_balance},
      {"financing.owner-negative",
       "the owner's share (budget − aid − other co-financing) is not negative",
       financing_owner_negative},
      {"staff.duplicate-entry", "a person listed twice over overlapping periods", staff_duplicate},
      {"staff.over-allocated", "a person above 100 % of full time at any date",
       staff_over_allocated},
      {"staff.period", "a staffing period outside the full-time definition or eligible period",
       staff_period_rule},
      {"staff.plan-over-budget",
       "the staffing plan's salaries over the project above the budget for personal",
       staff_plan_over_budget},
      {"ref.unknown",
       "a reference to an organisation, activity, category or flat rate that does not exist",
       references},
  };
  return rules;
}

void check_project(const Project& project, core::Diagnostics& diags) {
  for (const auto& rule : project_rules()) rule.run(project, diags);
  // Each change decision's version of the decision is checked too (DOMAIN.md: reports as of a date
  // use the decision in force on that date), its findings placed at the change decision.
  // A project taken as of a date (Project::on) is checked as it stands then; the change decisions
  // dated later are checked on their own, as the project will stand from their date.
  for (const auto& change : project.changes) {
    if (project.in_force_on && change.date <= *project.in_force_on) continue;
    Project version = project.on(change.date);
    version.changes.clear();
    core::Diagnostics found;
    activities_sum(version, found);
    financing_plan_balance(version, found);
    financing_owner_negative(version, found);
    for (auto d : found.items()) {
      d.message = fmt::format(fmt::runtime(_("under the change decision of {}: {}")),
                              core::format_iso(change.date), d.message);
      d.place = change.place;
      diags.add(std::move(d));
    }
  }
}

namespace {

// Runs the registered project rule `id` on `project` into `diags`; true when it found anything.
bool run_rule(std::string_view id, const Project& project, core::Diagnostics& diags) {
  for (const auto& rule : project_rules()) {
    if (rule.id != id) continue;
    std::size_t before = diags.items().size();
    rule.run(project, diags);
    return diags.items().size() > before;
  }
  throw std::logic_error(fmt::format(fmt::runtime(_("no project rule '{}' is registered")), id));
}

constexpr std::string_view kOverAllocated = "staff.over-allocated";
constexpr std::string_view kDuplicate = "staff.duplicate-entry";
constexpr std::string_view kPeriod = "staff.period";

}  // namespace

std::vector<std::vector<std::string>> staff_rule_flags(const Project& p) {
  core::Diagnostics diags;
  std::vector<std::vector<std::string>> flags(p.staff.size());
  bool over = run_rule(kOverAllocated, p, diags);
  bool duplicate = run_rule(kDuplicate, p, diags);
  bool period = run_rule(kPeriod, p, diags);
  if (!over && !duplicate && !period) return flags;

  Project scratch = p;
  core::Diagnostics sink;
  std::vector<std::string> persons;
  for (const auto& e : p.staff) {
    if (std::find(persons.begin(), persons.end(), e.id) == persons.end()) persons.push_back(e.id);
  }
  for (const auto& person : persons) {
    scratch.staff.clear();
    std::vector<std::size_t> idx;
    for (std::size_t i = 0; i < p.staff.size(); ++i) {
      if (p.staff[i].id == person) {
        scratch.staff.push_back(p.staff[i]);
        idx.push_back(i);
      }
    }
    for (auto [fired, id] : {std::pair{over, kOverAllocated}, std::pair{duplicate, kDuplicate}}) {
      if (!fired || !run_rule(id, scratch, sink)) continue;
      for (auto i : idx) flags[i].emplace_back(id);
    }
  }
  if (period) {
    for (std::size_t i = 0; i < p.staff.size(); ++i) {
      scratch.staff = {p.staff[i]};
      if (run_rule(kPeriod, scratch, sink)) flags[i].emplace_back(kPeriod);
    }
  }
  return flags;
}

OutcomeBuilder::OutcomeBuilder(const Project& project, core::Diagnostics& diags, bool keep_all,
                               std::optional<core::Period> detail,
                               std::optional<core::Date> paid_by)
    : p_(project), d_(diags), paid_by_(paid_by) {
  for (const auto& a : p_.activities) {
    if (!activities_end_ || *activities_end_ < a.period.to) activities_end_ = a.period.to;
  }
  out_.keep_all = keep_all;
  out_.detail = detail;
  // Categories whose booked costs a flat rate in force already pays for (its `covers`), with the
  // flat rate that covers each (programme rule set, overridden by the decision's `rates`).
  in_force_ = p_.flat_rates_in_force(p_.decision);
  for (const auto& f : in_force_) {
    for (const auto& c : f.covers) covered_.emplace(c, &f);
  }
}

void OutcomeBuilder::exclude(const model::TransactionView& t, std::string_view rule,
                             std::string reason, core::Severity severity) {
  // The money at stake is the row's; an accept may name its voucher, activity or person.
  core::Subject subject{t.amount, {}};
  for (std::string_view id : {t.voucher, t.activity, t.person}) {
    if (!id.empty()) subject.about.emplace_back(id);
  }
  std::string when = t.date.is_special() ? std::string(_("no date")) : core::format_iso(t.date);
  d_.add({severity,
          std::string(rule),
          fmt::format(fmt::runtime(_("{} (voucher {}, {}, {}) is excluded: {}")),
                      t.text.empty() ? std::string(_("a row")) : fmt::format("'{}'", t.text),
                      t.voucher.empty() ? std::string_view("-") : t.voucher, when,
                      core::format_kr(t.amount), reason),
          {t.file ? *t.file : std::string(), t.line, t.column},
          false},
         std::move(subject));
  out_.add_exclusion(t, rule, reason);
}

void OutcomeBuilder::add(model::Transaction&& t) {
  add(model::TransactionView::of(t));
}

std::size_t OutcomeBuilder::source_of(const std::string* file) {
  std::string_view name = file ? std::string_view(*file) : std::string_view();
  if (last_source_ < sources_.size() && sources_[last_source_].file == name) return last_source_;
  for (std::size_t i = 0; i < sources_.size(); ++i) {
    if (sources_[i].file == name) return last_source_ = i;
  }
  sources_.push_back({std::string(name), false, false, {}});
  return last_source_ = sources_.size() - 1;
}

const OutcomeBuilder::Name& OutcomeBuilder::name(std::string_view text) {
  if (auto it = names_.find(text); it != names_.end()) return it->second;
  Name n;
  n.of = p_.find_activity(text);
  n.activity = n.of != nullptr;
  const model::CostCategory* cat = p_.programme.find_category(text);
  n.category = p_.programme.categories.empty() || cat;
  n.simplified = cat && (cat->kind == "flat_rate" || cat->kind == "in_kind");
  if (auto c = covered_.find(text); c != covered_.end()) n.covered_by = c->second;
  n.unit_cost_covered =
      p_.programme.staff_unit_cost &&
      std::find(p_.programme.staff_cost_covers.begin(), p_.programme.staff_cost_covers.end(),
                text) != p_.programme.staff_cost_covers.end();
  n.id = out_.intern(text);
  return names_.emplace(std::string(text), n).first->second;
}

void OutcomeBuilder::add(const model::TransactionView& t) {
  const Project& p = p_;
  using model::AccountKind;
  // A source that selects a project (SIE `project:`) hands on the other projects' rows too, so
  // that the ledger report can count them; they are not this project's outcome. Counted, and
  // reported once (a region's ledger holds millions of them).
  if (t.other_project) {
    out_.add_exclusion(t, "ledger.not-this-project",
                       _("not booked on this project (the source's project: selection)"));
    return;
  }
  // Receipts are amounts received (README "Signs by meaning"); a negative one is money paid back.
  auto repayment = [&](std::string_view what) {
    if (!(t.amount < Money())) return;
    core::Subject paid_back{-t.amount, {}};
    for (std::string_view id : {t.voucher, t.financier}) {
      if (!id.empty()) paid_back.about.emplace_back(id);
    }
    d_.add(
        {core::Severity::warning,
         "ledger.repayment",
         fmt::format(
             fmt::runtime(_(
                 "{} (voucher {}, {}) is a negative receipt: {} of {} paid back (a repayment); it "
                 "lowers what was received. If the export writes receipts as negative amounts, "
                 "give "
                 "the "
                 "source debit and credit columns instead")),
             t.text.empty() ? std::string(_("a row")) : fmt::format("'{}'", t.text),
             t.voucher.empty() ? std::string_view("-") : t.voucher, core::format_iso(t.date),
             core::format_kr(-t.amount), what),
         {t.file ? *t.file : std::string(), t.line, t.column},
         false},
        std::move(paid_back));
  };
  if (t.category == "aid") {
    repayment("aid");
    out_.add_aid(t);
    return;
  }
  if (t.category == "financing") {
    if (!p.find_financier(t.financier)) {
      exclude(t, "financing.unknown-financier", _("the financier is not in the financing plan"));
    } else {
      repayment(fmt::format(fmt::runtime(_("co-financing from {}")), t.financier));
      out_.add_financing(t);
    }
    return;
  }
  if (!p.decision.eligible.contains(t.date)) {
    exclude(t, "ledger.outside-eligible-period",
            fmt::format(fmt::runtime(_("dated outside the eligible period {}")),
                        p.decision.eligible.iso()));
    return;
  }
  // DOMAIN.md "Eligibility": financial costs (interest, fees, exchange losses) are never eligible.
  if (t.account_kind == AccountKind::financial) {
    exclude(
        t, "ledger.financial-cost",
        fmt::format(
            fmt::runtime(_(
                "account {} is a financial item (interest, bank fees, exchange differences) by the "
                "account plan; financial costs are not eligible")),
            t.account));
    return;
  }
  // VAT is eligible only where the decision says so (budget at most 46.5 MSEK and the VAT not
  // recoverable): decision.vat_eligible. A row is VAT when its account holds VAT by the plan.
  if (t.account_kind == AccountKind::vat && p.decision.vat_eligible != true) {
    exclude(t, "ledger.vat",
            fmt::format(
                fmt::runtime(_("account {} holds VAT (ingående moms) by the account plan, and the "
                               "decision does not make "
                               "VAT eligible (decision.vat_eligible: {})")),
                t.account, p.decision.vat_eligible ? "false" : _("not stated")));
    return;
  }
  if ((t.account_kind == AccountKind::balance || t.account_kind == AccountKind::other) &&
      t.category.empty()) {
    exclude(t, "ledger.not-a-cost",
            fmt::format(
                fmt::runtime(_("account {} is a {} account by the account plan, not a cost")),
                t.account, t.account_kind == AccountKind::balance ? "balance-sheet" : "non-cost"));
    return;
  }
  if (t.category.empty()) {
    exclude(t, "ledger.unmapped-account",
            fmt::format(
                fmt::runtime(
                    _("account {}{} maps to no cost category: the row names none and the source's "
                      "account plan "
                      "and account_map map none; add the account to the source's account_map")),
                t.account.empty() ? std::string_view("(none)") : t.account,
                t.account_name.empty() ? std::string() : fmt::format(" ({})", t.account_name)),
            core::Severity::error);
    return;
  }
  // The only activity of a project is every cost's activity.
  const bool sole = t.activity.empty() && p.activities.size() == 1;
  const Name& activity = name(sole ? std::string_view(p.activities.front().id) : t.activity);
  if (!t.activity.empty() && !activity.activity) {
    exclude(t, "ledger.unknown-activity",
            fmt::format(fmt::runtime(_("activity '{}' is not in the plan")), t.activity));
    return;
  }
  const Name& category = name(t.category);
  if (!category.category) {
    exclude(t, "ledger.unknown-category",
            fmt::format(fmt::runtime(_("'{}' is not a cost category of programme {}")), t.category,
                        p.programme.id));
    return;
  }
  // Salary booked for a named person: compared with staff.yaml in finish() (also where the
  // programme counts staff costs from hours and the row is excluded below).
  if (!t.person.empty() && t.category == kStaffCategory) {
    auto [it, added] = salaries_.try_emplace({std::string(t.person), core::Month::of(t.date)});
    if (added) it->second.first = {t.file ? *t.file : std::string(), t.line, t.column};
    it->second.amount += t.amount;
  }
  // Under a unit cost per hour (erdf-2021-2027) staff costs come from the time reports; a booked
  // salary (or social charge) would be claimed twice. Routine, so information, not a warning.
  if (category.unit_cost_covered) {
    exclude(
        t, "ledger.covered-by-unit-cost",
        fmt::format(
            fmt::runtime(
                _("booked as {}; programme {} counts staff costs as reported hours × the unit cost "
                  "per hour, which already pays for it")),
            t.category, p.programme.id),
        core::Severity::info);
    return;
  }
  // DOMAIN.md "Flat rates": a booked cost in a category a flat rate covers would be claimed twice.
  if (const model::FlatRate* c = category.covered_by) {
    exclude(t, "ledger.covered-by-flat-rate",
            fmt::format(fmt::runtime(_("booked as {}, which the flat rate {} ({}) already pays "
                                       "for; it cannot also be claimed "
                                       "as booked")),
                        t.category, c->id, core::message_percent(c->rate)));
    return;
  }
  if (!t.eligible.empty()) {
    std::string e(t.eligible);
    std::transform(e.begin(), e.end(), e.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (e != "yes" && e != "ja" && e != "true") {
      std::string why = e == "no" || e == "nej" || e == "false"
                            ? std::string(_("marked as not eligible"))
                            : fmt::format("marked: {}", t.eligible);
      exclude(t, "ledger.marked-ineligible", why);
      return;
    }
  }
  // DOMAIN.md "Activity periods and the closing period" (Tillväxtverket, Förbered slutredovisning).
  if (activity.of && !activity.of->period.contains(t.date)) {
    exclude(t, "ledger.outside-activity-period",
            fmt::format(fmt::runtime(_("dated outside the period {} of activity {}")),
                        activity.of->period.iso(), activity.of->id));
    return;
  }
  if (t.activity.empty() && activities_end_ && t.date > *activities_end_ &&
      !p.programme.final_reporting_after_activities) {
    exclude(t, "ledger.outside-activity-period",
            fmt::format(
                fmt::runtime(_("dated after every activity has ended ({}), and programme {} allows "
                               "no final-reporting "
                               "costs after the activities (final_reporting.after_activities)")),
                core::format_iso(*activities_end_), p.programme.id));
    return;
  }
  // DOMAIN.md "Paid and booked": costs must be paid within the project period.
  if (t.paid && *t.paid > p.decision.eligible.to) {
    exclude(t, "ledger.paid-after-eligible-period",
            fmt::format(fmt::runtime(_("paid {}, after the eligible period ends ({})")),
                        core::format_iso(*t.paid), core::format_iso(p.decision.eligible.to)));
    return;
  }
  out_.add_cost(t, activity.id, category.id);
  if (t.activity.empty() && p.activities.size() > 1 &&
      (!count_through_ || t.date <= *count_through_)) {
    std::string_view file = t.file ? std::string_view(*t.file) : std::string_view();
    if (no_activity_.empty() || no_activity_.back().file != file) {
      auto it = std::find_if(no_activity_.begin(), no_activity_.end(),
                             [&](const NoActivity& n) { return n.file == file; });
      if (it == no_activity_.end()) {
        no_activity_.push_back(
            {std::string(file), 0, Money(), {std::string(file), t.line, t.column}});
      } else {
        std::rotate(it, it + 1,
                    no_activity_.end());  // the current file last, where the next row looks
      }
    }
    ++no_activity_.back().rows;
    no_activity_.back().sum += t.amount;
  }
  if (!paid_by_ || category.simplified) return;
  const std::size_t s = source_of(t.file);
  Source& src = sources_[s];
  if (t.paid) src.has_paid = true;
  if (t.paid && *t.paid <= *paid_by_) return;
  src.has_unpaid = true;
  out_.add_unpaid(s, t.date, activity.id, category.id, t.amount);
  if (out_.keeps(t.date)) {
    out_.costs.back().unpaid = true;
    src.kept_unpaid.push_back(out_.costs.size() - 1);
  }
}

// staff.salary-mismatch: per person and month, the salary booked (rows of category `personal`
// that name the person) against staff.yaml's monthly salary × share over the part of the month
// in each fixed-share entry (staff_planned_cost), further apart than the programme's
// salary_mismatch.percent of the expected salary. A month booked outside every entry of the
// person expects 0. Persons not in staff.yaml, hourly staff (paid by the hour) and entries without
// a monthly salary are not judged. Placed at the month's first booked row.
void OutcomeBuilder::check_salaries() {
  const Project& p = p_;
  for (const auto& [key, booked] : salaries_) {
    const auto& [person, month] = key;
    core::Period whole{month.first_day(), month.last_day()};
    bool known = false, judged = true;
    Money expected;
    std::vector<std::string> parts;
    for (const auto& e : p.staff) {
      if (e.id != person) continue;
      known = true;
      if (!p.staff_period(e).overlaps(whole)) continue;
      auto cost = p.planned_cost(e, whole);
      if (e.basis == model::StaffBasis::hourly || !cost) {
        judged = false;
        continue;
      }
      expected += *cost;
      parts.push_back(fmt::format("{} × {}", core::format_kr(*e.monthly_salary),
                                  core::message_percent(e.percent)));
    }
    if (!known || !judged) continue;
    Money diff = booked.amount > expected ? booked.amount - expected : expected - booked.amount;
    if (!(diff > core::apply_percent_floor(expected, p.programme.salary_mismatch_percent)))
      continue;
    d_.warning(
        "staff.salary-mismatch",
        parts.empty()
            ? fmt::format(fmt::runtime(
                              _("{}, {}: {} booked as salary ({}), in a month outside the person's "
                                "staffing periods")),
                          person, month.iso(), core::format_kr(booked.amount), kStaffCategory)
            : fmt::format(
                  fmt::runtime(
                      _("{}, {}: {} booked as salary ({}), staff.yaml gives {} (monthly salary × "
                        "share: {}); "
                        "{} apart, more than {}")),
                  person, month.iso(), core::format_kr(booked.amount), kStaffCategory,
                  core::format_kr(expected), fmt::join(parts, " + "),
                  core::format_kr(booked.amount - expected),
                  core::message_percent(p.programme.salary_mismatch_percent)),
        booked.first, {booked.amount - expected, {person}});
  }
}

model::Outcome OutcomeBuilder::finish() {
  check_salaries();
  // A file without a single payment date says nothing about payment: its costs are not unpaid,
  // their payment is unknown (claim.payment-unknown).
  for (std::size_t i = 0; i < sources_.size(); ++i) {
    Source& src = sources_[i];
    if (src.has_paid || !src.has_unpaid) continue;
    out_.drop_unpaid(i);
    for (std::size_t k : src.kept_unpaid) out_.costs[k].unpaid = false;
    out_.payment_unknown.push_back(src.file);
  }
  // DOMAIN.md: every cost counts toward an activity's budget; one without is counted in the
  // totals, in a row of its own, and named here so that it is attributed.
  std::stable_sort(
      no_activity_.begin(), no_activity_.end(),
      [](const NoActivity& a, const NoActivity& b) { return a.first.file < b.first.file; });
  for (const auto& n : no_activity_) {
    d_.warning("ledger.no-activity",
               fmt::format(fmt::runtime(_("{} eligible cost row{} in {} name{} no activity ({} in "
                                          "all, the first at line {}): "
                                          "they count in the totals, in a row of their own, and "
                                          "against no activity's budget; "
                                          "give each row its activity (a column `activity`, or the "
                                          "source's `columns:` mapping "
                                          "or activity_dimension)")),
                           n.rows, n.rows == 1 ? "" : "s",
                           n.file.empty() ? std::string(_("the ledger")) : n.file,
                           n.rows == 1 ? "s" : "", core::format_kr(n.sum, true), n.first.line),
               n.first, {n.sum, {}});
  }
  if (auto n = out_.excluded_count.find("ledger.not-this-project");
      n != out_.excluded_count.end()) {
    d_.info("ledger.not-this-project",
            fmt::format(fmt::runtime(_("{} ledger rows of other projects were left out (the "
                                       "sources' project: selection)")),
                        n->second));
  }
  return std::move(out_);
}

model::Outcome classify_outcome(const Project& p, std::vector<model::Transaction> rows,
                                core::Diagnostics& d) {
  OutcomeBuilder builder(p, d, true, std::nullopt);
  for (auto& t : rows) builder.add(std::move(t));
  return builder.finish();
}

}  // namespace grantkit::check
