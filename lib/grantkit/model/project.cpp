#include <algorithm>

#include <grantkit/model/project.hpp>

namespace grantkit::model {

const CostCategory* Programme::find_category(std::string_view wanted) const {
  auto it = std::find_if(categories.begin(), categories.end(), [&](const CostCategory& c) { return c.id == wanted; });
  return it == categories.end() ? nullptr : &*it;
}

namespace {

// The element of `list` whose id is `wanted`, through `index` (rebuilt when `list` is not the list
// it was built for); nullptr when there is none. With duplicate ids, the first, as a scan finds it.
template <typename T, typename Index>
const T* find_by_id(const std::vector<T>& list, Index& index, std::string_view wanted) {
  if (!index.built || index.data != static_cast<const void*>(list.data()) || index.size != list.size()) {
    index.at.clear();
    index.at.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) index.at.emplace(list[i].id, i);  // keeps the first
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
         std::any_of(organisations.begin(), organisations.end(), [&](const Organisation& o) { return o.id == wanted; });
}

core::FullTimeRule Project::full_time_rule() const {
  core::FullTimeRule rule = programme.full_time;
  if (full_time.basis) rule.basis = *full_time.basis;
  if (full_time.minutes_per_day) rule.minutes_per_day = *full_time.minutes_per_day;
  if (full_time.eves_off) rule.calendar.eves_off = *full_time.eves_off;
  return rule;
}

Decision Project::decision_on(Date date) const {
  Decision d = decision;
  std::vector<const ChangeDecision*> in_force;
  for (const auto& c : changes) {
    if (c.date <= date) in_force.push_back(&c);
  }
  std::stable_sort(in_force.begin(), in_force.end(),
                   [](const ChangeDecision* a, const ChangeDecision* b) { return a->date < b->date; });
  for (const ChangeDecision* c : in_force) {
    if (c->aid) d.aid = *c->aid;
    if (c->budget) d.budget = *c->budget;
    if (c->eligible) d.eligible = *c->eligible;
  }
  return d;
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
