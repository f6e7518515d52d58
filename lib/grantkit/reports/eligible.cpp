#include <grantkit/reports/eligible.hpp>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include <grantkit/core/hours.hpp>
#include <grantkit/core/i18n.hpp>
#include <grantkit/reports/staffing.hpp>

namespace grantkit::reports {

using core::Money;

namespace {

constexpr const char* kPayrollOverhead = "payroll_overhead";

std::string in_kind_category(const model::Project& p, const std::string& financier) {
  const auto* f = p.find_financier(financier);
  return f && f->type == model::FinancierType::private_ ? "privat_bidrag_i_annat_an_pengar"
                                                        : "offentligt_bidrag_i_annat_an_pengar";
}

// Sums lines with the same month, activity, category, source, origin and financier.
std::vector<CostLine> merge(std::vector<CostLine> lines) {
  std::map<std::tuple<core::Month, std::string, std::string, int, std::string, std::string>, Money>
      sums;
  std::vector<std::tuple<core::Month, std::string, std::string, int, std::string, std::string>>
      order;
  for (const auto& l : lines) {
    auto key = std::make_tuple(l.month, l.activity, l.category, static_cast<int>(l.source),
                               l.origin, l.financier);
    if (!sums.count(key)) order.push_back(key);
    sums[key] += l.amount;
  }
  std::vector<CostLine> out;
  for (const auto& k : order) {
    out.push_back({std::get<0>(k), std::get<1>(k), std::get<2>(k), sums[k],
                   static_cast<CostSource>(std::get<3>(k)), std::get<4>(k), std::get<5>(k)});
  }
  return out;
}

// The activities a fixed-share entry's time in `in_month` goes to, with weights: its planned split,
// or else the activities running that month by their budgets.
void fixed_share_split(const model::Project& p, const model::StaffEntry& e,
                       const core::Period& in_month, std::vector<std::string>& acts,
                       std::vector<Money>& weights) {
  for (const auto& [act, share] : e.activities) {
    acts.push_back(act);
    weights.push_back(Money::from_ore(share.millionths()));
  }
  if (!acts.empty()) return;
  for (const auto& a : p.activities) {
    if (a.budget && a.period.overlaps(in_month)) {
      acts.push_back(a.id);
      weights.push_back(*a.budget);
    }
  }
}

// In-kind staff time, valued month by month, split over the entry's activities.
std::vector<CostLine> in_kind_lines(const model::Project& p, const core::Period& window) {
  std::vector<CostLine> out;
  for (const auto& e : p.staff) {
    if (e.funding != model::Funding::in_kind || e.basis != model::StaffBasis::fixed_percent)
      continue;
    core::Period span = e.period ? *e.period : p.full_time.period;
    auto part = core::intersect(span, window);
    if (!part) continue;
    for (const auto& m : core::months_of(*part)) {
      auto in_month = core::intersect(*part, core::Period{m.first_day(), m.last_day()});
      Money value = staff_month_value(p, e, m, *in_month);
      if (value.is_zero()) continue;
      std::string category = in_kind_category(p, e.organisation);
      // The entry's planned split, or else the activities running that month by their budgets.
      std::vector<std::string> acts;
      std::vector<Money> weights;
      fixed_share_split(p, e, *in_month, acts, weights);
      if (acts.empty()) {
        out.push_back({m, "", category, value, CostSource::in_kind, e.id, e.organisation});
        continue;
      }
      auto parts = core::distribute(value, weights);
      for (std::size_t i = 0; i < acts.size(); ++i) {
        out.push_back({m, acts[i], category, parts[i], CostSource::in_kind, e.id, e.organisation});
      }
    }
  }
  return out;
}

// A flat rate on the window's aggregate of `base` lines, distributed back over them.
std::vector<CostLine> flat_rate_lines(const model::FlatRate& rate,
                                      const std::vector<const CostLine*>& base,
                                      const std::string& category, CostSource source) {
  Money aggregate;
  for (const auto* l : base) aggregate += l->amount;
  Money total = core::apply_percent_floor(aggregate, rate.rate);
  std::vector<Money> weights;
  for (const auto* l : base) weights.push_back(l->amount);
  auto parts = core::distribute(total, weights);
  std::vector<CostLine> out;
  for (std::size_t i = 0; i < base.size(); ++i) {
    out.push_back({base[i]->month, base[i]->activity,
                   category.empty() ? base[i]->category : category, parts[i], source, rate.id,
                   base[i]->financier});
  }
  return out;
}

}  // namespace

int hourly_rate_index_steps(const model::Project& p, const model::StaffEntry& e,
                            core::Month month) {
  if (!p.programme.hourly_rate_index || p.programme.hourly_rate_index_months <= 0) return 0;
  core::Month start = core::Month::of(p.staff_period(e).from);
  int months = (month.year - start.year) * 12 + (month.month - start.month);
  return months <= 0 ? 0 : months / p.programme.hourly_rate_index_months;
}

std::optional<Money> hourly_rate(const model::Project& p, const model::StaffEntry& e,
                                 core::Month month) {
  if (!e.monthly_salary) return std::nullopt;
  // salary × 12 / annual hours = salary × 12 × 60 / annual minutes.
  Money rate = core::prorate_floor(*e.monthly_salary, 12 * 60, p.full_time_rule().annual_minutes);
  int steps = hourly_rate_index_steps(p, e, month);
  for (int i = 0; i < steps && p.programme.hourly_rate_index; ++i) {
    rate += core::apply_percent_floor(rate, *p.programme.hourly_rate_index);
  }
  return rate;
}

Money staff_hours_cost(std::int64_t seconds, Money per_hour) {
  return core::prorate_floor(per_hour, seconds, 3600);
}

std::int64_t fixed_share_seconds(const model::Project& p, const model::StaffEntry& e,
                                 const core::Period& part) {
  return core::full_time_minutes(part, p.full_time_rule()) * e.percent.millionths() /
         core::Percent::kWhole * core::kSecondsPerMinute;
}

TimeIndex::TimeIndex(const model::Project& p, const std::vector<model::TimeEntry>& time) {
  for (const auto& t : time) {
    if (!p.find_activity(t.activity)) continue;
    rows_[{std::string_view(t.person), t.month}].push_back(&t);
  }
}

const std::vector<const model::TimeEntry*>& TimeIndex::rows(std::string_view person,
                                                            core::Month month) const {
  static const std::vector<const model::TimeEntry*> kNone;
  auto it = rows_.find({person, month});
  return it == rows_.end() ? kNone : it->second;
}

std::vector<std::pair<std::string, std::int64_t>> reported_seconds(const model::Project& p,
                                                                   const model::StaffEntry& e,
                                                                   const TimeIndex& time,
                                                                   core::Month month,
                                                                   const core::Period& part) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  std::unordered_map<std::string_view, std::size_t> at;  // activity → its index in out
  core::Period span = p.staff_period(e);
  for (const model::TimeEntry* t : time.rows(e.id, month)) {
    core::Period days = t->span();
    if (!days.overlaps(part) || part.to < days.from || !days.overlaps(span)) continue;
    auto [it, added] = at.emplace(std::string_view(t->activity), out.size());
    if (added)
      out.emplace_back(t->activity, t->seconds);
    else
      out[it->second].second += t->seconds;
  }
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> reported_seconds(
    const model::Project& p, const model::StaffEntry& e, const std::vector<model::TimeEntry>& time,
    core::Month month, const core::Period& part) {
  return reported_seconds(p, e, TimeIndex(p, time), month, part);
}

void uncounted_time(const model::Project& p, const std::vector<model::TimeEntry>& time,
                    core::Diagnostics& diags) {
  // The staffing entries of each person, hashed: each row looks up its person once.
  std::unordered_map<std::string_view, std::vector<const model::StaffEntry*>> staff_of;
  for (const auto& e : p.staff) staff_of[e.id].push_back(&e);
  for (const auto& t : time) {
    std::string why;
    bool known = false, inside = false;
    if (auto it = staff_of.find(t.person); it != staff_of.end()) {
      known = true;
      for (const model::StaffEntry* e : it->second) {
        if (t.span().overlaps(p.staff_period(*e))) inside = true;
      }
    }
    if (!known)
      why = fmt::format(fmt::runtime(_("'{}' is not in the staffing")), t.person);
    else if (!p.find_activity(t.activity))
      why = fmt::format(fmt::runtime(_("activity '{}' is not in the plan")), t.activity);
    else if (!inside)
      why = fmt::format(fmt::runtime(_("{} lies outside {}'s staffing period")), t.month.iso(),
                        t.person);
    if (why.empty()) continue;
    diags.warning(
        "time.not-counted",
        fmt::format(fmt::runtime(_("this time row is not counted as a staff cost: {}")), why),
        t.place);
  }
}

std::vector<CostLine> unit_cost_lines(const model::Project& p,
                                      const std::vector<model::TimeEntry>& rows,
                                      const core::Period& window) {
  std::vector<CostLine> out;
  const TimeIndex time(p, rows);
  for (const auto& e : p.staff) {
    auto part = core::intersect(p.staff_period(e), window);
    if (!part || !e.monthly_salary) continue;
    bool in_kind = e.funding == model::Funding::in_kind;
    std::string category = in_kind ? in_kind_category(p, e.organisation) : std::string("personal");
    CostSource source = in_kind ? CostSource::in_kind : CostSource::unit_cost;
    std::string financier = in_kind ? e.organisation : std::string();
    // The months of one unit cost (an index step) are one segment: its hours × the unit cost,
    // rounded down once, as Min ansökan computes a period's hours × the unit cost, then spread
    // over the segment's months and activities by their seconds (largest remainder).
    std::vector<CostLine> cells;
    std::vector<Money> weights;
    std::int64_t seconds = 0;
    int steps = -1;
    auto flush = [&] {
      if (seconds > 0) {
        Money cost = staff_hours_cost(seconds, *hourly_rate(p, e, cells.front().month));
        auto parts = core::distribute(cost, weights);
        for (std::size_t i = 0; i < cells.size(); ++i) {
          cells[i].amount = parts[i];
          out.push_back(std::move(cells[i]));
        }
      }
      cells.clear();
      weights.clear();
      seconds = 0;
    };
    for (const auto& m : core::months_of(*part)) {
      auto in_month = core::intersect(*part, core::Period{m.first_day(), m.last_day()});
      if (int s = hourly_rate_index_steps(p, e, m); s != steps) {
        flush();
        steps = s;
      }
      auto add = [&](const std::string& act, std::int64_t sec) {
        if (sec <= 0) return;
        cells.push_back({m, act, category, Money(), source, e.id, financier});
        weights.push_back(Money::from_ore(sec));
        seconds += sec;
      };
      if (e.basis == model::StaffBasis::hourly) {
        for (const auto& [act, sec] : reported_seconds(p, e, time, m, *in_month)) add(act, sec);
      } else {
        std::int64_t month_seconds = fixed_share_seconds(p, e, *in_month);
        std::vector<std::string> acts;
        std::vector<Money> split;
        fixed_share_split(p, e, *in_month, acts, split);
        if (acts.empty()) {
          add("", month_seconds);
        } else {
          auto shares = core::distribute(Money::from_ore(month_seconds), split);
          for (std::size_t i = 0; i < acts.size(); ++i) add(acts[i], shares[i].ore());
        }
      }
    }
    flush();
  }
  return out;
}

Money staff_month_value(const model::Project& p, const model::StaffEntry& e, core::Month month,
                        const core::Period& part) {
  if (!e.monthly_salary) return Money();
  // On both bases a part of a month counts by its share of the month's working days.
  core::CalendarOptions calendar = p.full_time_rule().calendar;
  std::int64_t whole = core::working_days({month.first_day(), month.last_day()}, calendar);
  if (whole <= 0) return Money();
  std::int64_t inside = core::working_days(part, calendar);
  return core::prorate_floor(*e.monthly_salary, e.percent.millionths() * inside,
                             core::Percent::kWhole * whole);
}

AidPaid aid_paid(const model::Project& p, const model::Outcome& o, const core::Period& window,
                 core::Date claimed_through, core::Diagnostics& diags) {
  AidPaid out;
  for (auto it = o.aid_paid.lower_bound(window.from);
       it != o.aid_paid.end() && it->first <= window.to; ++it)
    out.paid += it->second;
  for (const auto& c : p.claims) {
    if (c.period.to <= claimed_through && c.aid_claimed)
      out.claimed = out.claimed.value_or(Money()) + *c.aid_claimed;
  }
  if (out.claimed && *out.claimed != out.paid) {
    diags.warning(
        "aid.paid-mismatch",
        fmt::format(
            fmt::runtime(
                _("aid paid out to {} is {} (ledger rows of category aid), aid claimed in the "
                  "requests of claims.yaml ending by {} is {} (difference {}): a request not yet "
                  "paid, an amount not approved, or an aid payment not booked as aid")),
            core::format_iso(window.to), core::format_kr(out.paid, true),
            core::format_iso(claimed_through), core::format_kr(*out.claimed, true),
            core::format_kr(out.paid - *out.claimed, true)));
  }
  return out;
}

std::vector<CostLine> eligible_costs(const model::Project& p, const model::Outcome& outcome,
                                     const core::Period& window, bool paid_only) {
  std::vector<CostLine> booked;
  for (const auto& [key, amount] : outcome.booked_in(window, paid_only)) {
    booked.push_back({core::Month::of(key.date), outcome.name(key.activity),
                      outcome.name(key.category), amount, CostSource::booked, "", ""});
  }
  std::vector<CostLine> in_kind;
  if (p.programme.staff_unit_cost) {
    // Staff costs from hours × the unit cost; booked salaries were excluded as covered.
    for (auto& l : unit_cost_lines(p, outcome.staff_time, window)) {
      (l.source == CostSource::in_kind ? in_kind : booked).push_back(std::move(l));
    }
    in_kind = merge(std::move(in_kind));
  } else {
    in_kind = merge(in_kind_lines(p, window));
  }
  booked = merge(std::move(booked));

  std::vector<CostLine> lines = booked;
  std::vector<CostLine> flat;
  // The flat rates in force month by month (a change decision may change a rate from its date):
  // the months under the same rates are one regime, each regime's flat rates computed on its own
  // aggregate. Without a rate change the whole window is one regime.
  std::vector<std::pair<std::vector<model::FlatRate>, std::vector<core::Month>>> regimes;
  for (const auto& m : core::months_of(window)) {
    auto rates = p.flat_rates_in_force(p.decision_on(std::min(m.last_day(), window.to)));
    auto same = [&](const std::vector<model::FlatRate>& other) {
      return std::equal(rates.begin(), rates.end(), other.begin(), other.end(),
                        [](const model::FlatRate& a, const model::FlatRate& b) {
                          return a.id == b.id && a.rate == b.rate;
                        });
    };
    if (regimes.empty() || !same(regimes.back().first))
      regimes.emplace_back(std::move(rates), std::vector<core::Month>{});
    regimes.back().second.push_back(m);
  }
  std::vector<CostLine> in_kind_extra;
  for (const auto& [rates, months] : regimes) {
    auto in_regime = [&](const CostLine& l) {
      return std::find(months.begin(), months.end(), l.month) != months.end();
    };
    std::vector<CostLine> regime_flat;
    std::vector<const CostLine*> kind_base;
    for (const auto& l : in_kind) {
      if (in_regime(l)) kind_base.push_back(&l);
    }
    for (const auto& rate : rates) {
      std::vector<const CostLine*> base;
      for (const auto& l : booked) {
        if (in_regime(l) &&
            std::find(rate.base.begin(), rate.base.end(), l.category) != rate.base.end())
          base.push_back(&l);
      }
      for (const auto& l : regime_flat) {
        if (std::find(rate.base.begin(), rate.base.end(), l.origin) != rate.base.end())
          base.push_back(&l);
      }
      auto computed = flat_rate_lines(rate, base, rate.booked_under, CostSource::flat_rate);
      // The payroll overhead also applies to in-kind staff time, valued with it.
      if (rate.id == kPayrollOverhead && !kind_base.empty()) {
        auto extra = flat_rate_lines(rate, kind_base, "", CostSource::in_kind);
        in_kind_extra.insert(in_kind_extra.end(), extra.begin(), extra.end());
      }
      regime_flat.insert(regime_flat.end(), computed.begin(), computed.end());
    }
    flat.insert(flat.end(), regime_flat.begin(), regime_flat.end());
  }
  in_kind.insert(in_kind.end(), in_kind_extra.begin(), in_kind_extra.end());
  lines.insert(lines.end(), flat.begin(), flat.end());
  lines.insert(lines.end(), in_kind.begin(), in_kind.end());
  lines.erase(std::remove_if(lines.begin(), lines.end(),
                             [](const CostLine& l) { return l.amount.is_zero(); }),
              lines.end());
  return lines;
}

}  // namespace grantkit::reports
