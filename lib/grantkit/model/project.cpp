#include <algorithm>
#include <iterator>

#include <grantkit/model/project.hpp>

namespace grantkit::model {

const CostCategory* Programme::find_category(std::string_view wanted) const {
  auto it = std::find_if(categories.begin(), categories.end(),
                         [&](const CostCategory& c) { return c.id == wanted; });
  return it == categories.end() ? nullptr : &*it;
}

namespace {

// The element of `list` whose id is `wanted`, through `index` (rebuilt when `list` is not the list
// it was built for); nullptr when there is none. With duplicate ids, the first, as a scan finds it.
template <typename T, typename Index>
const T* find_by_id(const std::vector<T>& list, Index& index, std::string_view wanted) {
  if (!index.built || index.data != static_cast<const void*>(list.data()) ||
      index.size != list.size()) {
    index.at.clear();
    index.at.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i)
      index.at.emplace(list[i].id, i);  // keeps the first
    index.data = list.data();
    index.size = list.size();
    index.built = true;
  }
  auto it = index.at.find(wanted);
  if (it == index.at.end()) return nullptr;
  const T& found = list[it->second];
  if (found.id == wanted) return &found;
  // The list was edited in place since the index was built: rebuild and look again.
  index.built = false;
  return find_by_id(list, index, wanted);
}

}  // namespace

const Activity* Project::find_activity(std::string_view wanted) const {
  return find_by_id(activities, activity_index_, wanted);
}

const Financier* Project::find_financier(std::string_view wanted) const {
  return find_by_id(financing, financier_index_, wanted);
}

bool Project::knows_organisation(std::string_view wanted) const {
  return find_financier(wanted) != nullptr ||
         std::any_of(organisations.begin(), organisations.end(),
                     [&](const Organisation& o) { return o.id == wanted; });
}

core::FullTimeRule Project::full_time_rule() const {
  core::FullTimeRule rule = programme.full_time;
  if (full_time.basis) rule.basis = *full_time.basis;
  if (full_time.minutes_per_day) rule.minutes_per_day = *full_time.minutes_per_day;
  if (full_time.eves_off) rule.calendar.eves_off = *full_time.eves_off;
  return rule;
}

namespace {

std::vector<const ChangeDecision*> in_force_by_date(const std::vector<ChangeDecision>& changes,
                                                    Date date) {
  std::vector<const ChangeDecision*> out;
  for (const auto& c : changes) {
    if (c.date <= date) out.push_back(&c);
  }
  std::stable_sort(out.begin(), out.end(), [](const ChangeDecision* a, const ChangeDecision* b) {
    return a->date < b->date;
  });
  return out;
}

}  // namespace

Decision Project::decision_on(Date date) const {
  if (as_loaded) return as_loaded->decision_on(date);
  Decision d = decision;
  for (const ChangeDecision* c : in_force_by_date(changes, date)) {
    if (c->aid) d.aid = *c->aid;
    if (c->budget) {
      // A change decision names what it changes: the total if given, and each category it names
      // (the others stand).
      if (c->budget->total) d.budget.total = c->budget->total;
      for (const auto& [category, amount] : c->budget->categories) {
        d.budget.categories[category] = amount;
        if (auto pl = c->budget->category_places.find(category);
            pl != c->budget->category_places.end())
          d.budget.category_places[category] = pl->second;
      }
      d.budget.place = c->budget->place;
    }
    if (c->eligible) d.eligible = *c->eligible;
    for (const auto& [rate_id, rate] : c->rates) d.rates[rate_id] = rate;
  }
  return d;
}

Project Project::on(Date date) const {
  if (as_loaded) return as_loaded->on(date);
  Project p = *this;
  p.as_loaded = std::make_shared<const Project>(*this);
  p.decision = decision_on(date);
  p.in_force_on = date;
  for (const ChangeDecision* c : in_force_by_date(changes, date)) {
    for (const auto& a : c->activities) {
      auto it = std::find_if(p.activities.begin(), p.activities.end(),
                             [&](const Activity& x) { return x.id == a.id; });
      if (it == p.activities.end()) {
        Activity added;
        added.id = a.id;
        added.place = a.place;
        added.budget_place = a.place;
        if (a.period) added.period = *a.period;
        p.activities.push_back(std::move(added));
        it = std::prev(p.activities.end());
      }
      if (a.name) it->name = *a.name;
      if (a.budget) {
        it->budget = a.budget;
        it->category_budget = a.category_budget.value_or(std::map<std::string, Money>{});
        it->budget_place = a.place;
      }
      if (a.period) it->period = *a.period;
    }
    for (const auto& f : c->financing) {
      auto it = std::find_if(p.financing.begin(), p.financing.end(),
                             [&](const Financier& x) { return x.id == f.id; });
      if (it == p.financing.end()) {
        Financier added;
        added.id = f.id;
        added.place = f.place;
        p.financing.push_back(std::move(added));
        it = std::prev(p.financing.end());
      }
      if (f.name) it->name = *f.name;
      if (f.type) it->type = *f.type;
      if (f.cash) it->cash = f.cash;
      if (f.in_kind) it->in_kind = f.in_kind;
      if (f.total) it->total = f.total;
      if (f.status) it->status = *f.status;
      if (f.cash || f.in_kind || f.total) it->place = f.place;
    }
  }
  return p;
}

std::vector<FlatRate> Project::flat_rates_in_force(const Decision& d) const {
  std::vector<FlatRate> out;
  for (const auto& f : programme.flat_rates) {
    auto over = d.rates.find(f.id);
    if (over == d.rates.end() && !f.applies_by_default) continue;
    FlatRate r = f;
    if (over != d.rates.end()) r.rate = over->second;
    if (r.rate.millionths() == 0) continue;
    out.push_back(std::move(r));
  }
  return out;
}

std::string Project::organisation_name(std::string_view wanted) const {
  if (wanted.empty()) return owner;
  if (const auto* f = find_financier(wanted); f && !f->name.empty()) return f->name;
  for (const auto& o : organisations) {
    if (o.id == wanted && !o.name.empty()) return o.name;
  }
  return std::string(wanted);
}

std::int64_t Project::planned_minutes(const StaffEntry& e) const {
  std::int64_t full = core::full_time_minutes(staff_period(e), full_time_rule());
  return full * e.percent.millionths() / core::Percent::kWhole;
}

std::optional<Money> Project::planned_cost(const StaffEntry& e,
                                           std::optional<Period> within) const {
  if (!e.monthly_salary) return std::nullopt;
  Period period = staff_period(e);
  if (within) {
    auto part = core::intersect(period, *within);
    if (!part) return Money();
    period = *part;
  }
  core::FullTimeRule rule = full_time_rule();
  if (e.basis == StaffBasis::hourly) {
    // minutes / 60 × salary × 12 / annual hours = minutes × salary × 12 / annual minutes.
    std::int64_t minutes =
        core::full_time_minutes(period, rule) * e.percent.millionths() / core::Percent::kWhole;
    return core::prorate_floor(*e.monthly_salary, minutes * 12, rule.annual_minutes);
  }
  core::FullTimeRule months_rule = rule;
  months_rule.basis = core::FullTimeBasis::annual_hours;
  std::int64_t month_minutes = months_rule.annual_minutes / 12;
  std::int64_t minutes = core::full_time_minutes(period, months_rule);
  // salary × share × minutes / month_minutes, one rounding.
  return core::prorate_floor(*e.monthly_salary, e.percent.millionths() * minutes,
                             core::Percent::kWhole * month_minutes);
}

std::string Project::owner_id() const {
  for (const auto& o : organisations) {
    if (o.role == "owner") return o.id;
  }
  return {};
}

std::optional<Money> Project::owner_share(const Decision& d) const {
  const std::string owner_org = owner_id();
  if (owner_org.empty() || !d.budget.total) return std::nullopt;
  // As financing.plan-balance reads the plan: the maximum, else the rate of the total.
  std::optional<Money> aid = d.aid.max;
  if (!aid && d.aid.rate) aid = core::apply_percent_floor(*d.budget.total, *d.aid.rate);
  if (!aid) return std::nullopt;
  Money share = *d.budget.total - *aid;
  for (const auto& f : financing) {
    if (f.id == owner_org) continue;
    if (f.status != FinancingStatus::confirmed) return std::nullopt;
    std::optional<Money> total = f.total;
    if (!total && f.cash) total = *f.cash + f.in_kind.value_or(Money());
    if (!total && f.in_kind) total = f.in_kind;
    if (!total) return std::nullopt;
    share -= *total;
  }
  return share;
}

}  // namespace grantkit::model
