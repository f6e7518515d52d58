#include <grantkit/reports/eligible.hpp>

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

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
  std::map<std::tuple<core::Month, std::string, std::string, int, std::string, std::string>, Money> sums;
  std::vector<std::tuple<core::Month, std::string, std::string, int, std::string, std::string>> order;
  for (const auto& l : lines) {
    auto key = std::make_tuple(l.month, l.activity, l.category, static_cast<int>(l.source), l.origin, l.financier);
    if (!sums.count(key)) order.push_back(key);
    sums[key] += l.amount;
  }
  std::vector<CostLine> out;
  for (const auto& k : order) {
    out.push_back({std::get<0>(k), std::get<1>(k), std::get<2>(k), sums[k], static_cast<CostSource>(std::get<3>(k)),
                   std::get<4>(k), std::get<5>(k)});
  }
  return out;
}

// In-kind staff time, valued month by month, split over the entry's activities.
std::vector<CostLine> in_kind_lines(const model::Project& p, const core::Period& window) {
  std::vector<CostLine> out;
  for (const auto& e : p.staff) {
    if (e.funding != model::Funding::in_kind || e.basis != model::StaffBasis::fixed_percent) continue;
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
      for (const auto& [act, share] : e.activities) {
        acts.push_back(act);
        weights.push_back(Money::from_ore(share.millionths()));
      }
      if (acts.empty()) {
        for (const auto& a : p.activities) {
          if (a.budget && a.period.overlaps(*in_month)) {
            acts.push_back(a.id);
            weights.push_back(*a.budget);
          }
        }
      }
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
std::vector<CostLine> flat_rate_lines(const model::FlatRate& rate, const std::vector<const CostLine*>& base,
                                      const std::string& category, CostSource source) {
  Money aggregate;
  for (const auto* l : base) aggregate += l->amount;
  Money total = core::apply_percent_floor(aggregate, rate.rate);
  std::vector<Money> weights;
  for (const auto* l : base) weights.push_back(l->amount);
  auto parts = core::distribute(total, weights);
  std::vector<CostLine> out;
  for (std::size_t i = 0; i < base.size(); ++i) {
    out.push_back({base[i]->month, base[i]->activity, category.empty() ? base[i]->category : category, parts[i],
                   source, rate.id, base[i]->financier});
  }
  return out;
}

}  // namespace

Money staff_month_value(const model::Project& p, const model::StaffEntry& e, core::Month month,
                        const core::Period& part) {
  if (!e.monthly_salary) return Money();
  // On both bases a part of a month counts by its share of the month's working days.
  core::CalendarOptions calendar = p.full_time_rule().calendar;
  std::int64_t whole = core::working_days({month.first_day(), month.last_day()}, calendar);
  if (whole <= 0) return Money();
  std::int64_t inside = core::working_days(part, calendar);
  return core::prorate_floor(*e.monthly_salary, e.percent.millionths() * inside, core::Percent::kWhole * whole);
}

AidPaid aid_paid(const model::Project& p, const model::Outcome& o, const core::Period& window,
                 core::Date claimed_through, core::Diagnostics& diags) {
  AidPaid out;
  for (auto it = o.aid_paid.lower_bound(window.from); it != o.aid_paid.end() && it->first <= window.to; ++it)
    out.paid += it->second;
  for (const auto& c : p.claims) {
    if (c.period.to <= claimed_through && c.aid_claimed) out.claimed = out.claimed.value_or(Money()) + *c.aid_claimed;
  }
  if (out.claimed && *out.claimed != out.paid) {
    diags.warning("aid.paid-mismatch",
                  fmt::format("aid paid out to {} is {} kr (ledger rows of category aid), aid claimed in the "
                              "requests of claims.yaml ending by {} is {} kr (difference {} kr): a request not yet "
                              "paid, an amount not approved, or an aid payment not booked as aid",
                              core::format_iso(window.to), core::format_money_human(out.paid, true),
                              core::format_iso(claimed_through), core::format_money_human(*out.claimed, true),
                              core::format_money_human(out.paid - *out.claimed, true)));
  }
  return out;
}

std::vector<CostLine> eligible_costs(const model::Project& p, const model::Outcome& outcome,
                                     const core::Period& window, bool paid_only) {
  std::vector<CostLine> booked;
  for (const auto& [key, amount] : outcome.booked_in(window, paid_only)) {
    booked.push_back({core::Month::of(key.date), outcome.name(key.activity), outcome.name(key.category), amount,
                      CostSource::booked, "", ""});
  }
  booked = merge(std::move(booked));
  std::vector<CostLine> in_kind = merge(in_kind_lines(p, window));

  std::vector<CostLine> lines = booked;
  std::vector<CostLine> flat;
  model::Decision decision = p.decision_on(window.to);
  for (const auto& rate : p.flat_rates_in_force(decision)) {
    std::vector<const CostLine*> base;
    for (const auto& l : booked) {
      if (std::find(rate.base.begin(), rate.base.end(), l.category) != rate.base.end()) base.push_back(&l);
    }
    for (const auto& l : flat) {
      if (std::find(rate.base.begin(), rate.base.end(), l.origin) != rate.base.end()) base.push_back(&l);
    }
    auto computed = flat_rate_lines(rate, base, rate.booked_under, CostSource::flat_rate);
    // The payroll overhead also applies to in-kind staff time, valued with it.
    if (rate.id == kPayrollOverhead && !in_kind.empty()) {
      std::vector<const CostLine*> kind_base;
      for (const auto& l : in_kind) kind_base.push_back(&l);
      auto extra = flat_rate_lines(rate, kind_base, "", CostSource::in_kind);
      in_kind.insert(in_kind.end(), extra.begin(), extra.end());
    }
    flat.insert(flat.end(), computed.begin(), computed.end());
  }
  lines.insert(lines.end(), flat.begin(), flat.end());
  lines.insert(lines.end(), in_kind.begin(), in_kind.end());
  lines.erase(std::remove_if(lines.begin(), lines.end(), [](const CostLine& l) { return l.amount.is_zero(); }),
              lines.end());
  return lines;
}

}  // namespace grantkit::reports
