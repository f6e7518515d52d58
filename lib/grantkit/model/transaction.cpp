#include <grantkit/model/transaction.hpp>

#include <algorithm>

namespace grantkit::model {

std::uint32_t Outcome::intern(std::string_view name) {
  if (auto it = name_ids_.find(name); it != name_ids_.end()) return it->second;
  auto id = static_cast<std::uint32_t>(names_.size());
  names_.emplace_back(name);
  name_ids_.emplace(std::string(name), id);
  return id;
}

Outcome::DaySums& Outcome::SumSet::of(std::uint32_t activity, std::uint32_t category) {
  if (activity >= at.size()) at.resize(activity + 1);
  auto& of_activity = at[activity];
  if (category >= of_activity.size()) of_activity.resize(category + 1, 0);
  if (of_activity[category] == 0) {
    sums.push_back({activity, category, 0, {}});
    of_activity[category] = static_cast<std::uint32_t>(sums.size());
  }
  return sums[of_activity[category] - 1];
}

void Outcome::SumSet::add(core::Date date, std::uint32_t activity, std::uint32_t category,
                          core::Money amount) {
  DaySums& s = of(activity, category);
  const std::int64_t day = date.day_number();
  if (s.days.empty()) {
    s.first_day = day;
    s.days.resize(1);
  } else if (day < s.first_day) {
    s.days.insert(s.days.begin(), static_cast<std::size_t>(s.first_day - day), core::Money());
    s.first_day = day;
  } else if (day - s.first_day >= static_cast<std::int64_t>(s.days.size())) {
    s.days.resize(static_cast<std::size_t>(day - s.first_day + 1));
  }
  s.days[static_cast<std::size_t>(day - s.first_day)] += amount;
}

void Outcome::SumSet::in(const core::Period& window,
                         std::vector<std::pair<BookedKey, core::Money>>& out) const {
  const std::int64_t from = window.from.day_number(), to = window.to.day_number();
  for (const auto& s : sums) {
    const std::int64_t last = s.first_day + static_cast<std::int64_t>(s.days.size()) - 1;
    for (std::int64_t day = std::max(from, s.first_day); day <= std::min(to, last); ++day) {
      core::Money amount = s.days[static_cast<std::size_t>(day - s.first_day)];
      if (amount.is_zero()) continue;
      core::Date date = window.from + boost::gregorian::days(static_cast<long>(day - from));
      out.push_back({BookedKey{date, s.activity, s.category}, amount});
    }
  }
}

std::vector<std::pair<Outcome::BookedKey, core::Money>> Outcome::booked_in(
    const core::Period& window, bool paid_only) const {
  std::vector<std::pair<BookedKey, core::Money>> out;
  booked_.in(window, out);
  auto order = [](const auto& a, const auto& b) {
    return std::tie(a.first.date, a.first.activity, a.first.category) <
           std::tie(b.first.date, b.first.activity, b.first.category);
  };
  std::sort(out.begin(), out.end(), order);
  if (!paid_only) return out;
  std::vector<std::pair<BookedKey, core::Money>> unpaid;
  for (const auto& u : unpaid_) u.in(window, unpaid);
  if (unpaid.empty()) return out;
  std::sort(unpaid.begin(), unpaid.end(), order);
  // Both sorted by key (unpaid may hold a key once per source): take each unpaid sum off its
  // booked sum.
  std::size_t j = 0;
  for (auto& b : out) {
    while (j < unpaid.size() && order(unpaid[j], b)) ++j;
    while (j < unpaid.size() && !order(b, unpaid[j])) b.second -= unpaid[j++].second;
  }
  out.erase(
      std::remove_if(out.begin(), out.end(), [](const auto& b) { return b.second.is_zero(); }),
      out.end());
  return out;
}

void Outcome::add_cost(const TransactionView& t) {
  add_cost(t, intern(t.activity), intern(t.category));
}

void Outcome::add_cost(const TransactionView& t, std::uint32_t activity, std::uint32_t category) {
  booked_.add(t.date, activity, category, t.amount);
  if (keeps(t.date)) costs.push_back(t.to_transaction());
}

void Outcome::add_unpaid(std::size_t source, core::Date date, std::uint32_t activity,
                         std::uint32_t category, core::Money amount) {
  if (source >= unpaid_.size()) unpaid_.resize(source + 1);
  unpaid_[source].add(date, activity, category, amount);
}

void Outcome::drop_unpaid(std::size_t source) {
  if (source < unpaid_.size()) unpaid_[source] = SumSet{};
}

void Outcome::add_aid(const TransactionView& t) {
  aid_paid[t.date] += t.amount;
  if (keeps(t.date)) aid.push_back(t.to_transaction());
}

void Outcome::add_financing(const TransactionView& t) {
  received[ReceivedKey{t.date, std::string(t.financier)}] += t.amount;
  if (keeps(t.date)) financing.push_back(t.to_transaction());
}

namespace {
void count(std::map<std::string, std::size_t, std::less<>>& counts, std::string_view rule) {
  auto it = counts.find(rule);
  if (it == counts.end()) it = counts.emplace(std::string(rule), 0).first;
  ++it->second;
}
}  // namespace

void Outcome::add_not_kept(const std::map<std::pair<std::string, std::string>, ExcludedSum>& sums) {
  for (const auto& [key, sum] : sums) {
    auto& mine = excluded_not_kept[key];
    mine.rows += sum.rows;
    mine.amount += sum.amount;
    auto it = excluded_count.find(key.second);
    if (it == excluded_count.end()) it = excluded_count.emplace(key.second, 0).first;
    it->second += sum.rows;
  }
}

void Outcome::add_exclusion(Exclusion&& e) {
  count(excluded_count, e.rule);
  if (e.transaction.date.is_special() || keeps(e.transaction.date))
    excluded.push_back(std::move(e));
}

void Outcome::add_exclusion(const TransactionView& t, std::string_view rule,
                            std::string_view reason) {
  count(excluded_count, rule);
  if (t.date.is_special() || keeps(t.date))
    excluded.push_back({t.to_transaction(), std::string(rule), std::string(reason)});
}

Transaction TransactionView::to_transaction() const {
  Transaction t;
  t.date = date;
  t.voucher = voucher;
  t.account = account;
  t.amount = amount;
  t.text = text;
  t.category = category;
  t.activity = activity;
  t.person = person;
  t.financier = financier;
  t.eligible = eligible;
  t.paid = paid;
  t.supplier = supplier;
  t.account_name = account_name;
  t.place = {file ? *file : std::string(), line, column};
  t.account_kind = account_kind;
  t.other_project = other_project;
  return t;
}

TransactionView TransactionView::of(const Transaction& t) {
  TransactionView v;
  v.date = t.date;
  v.voucher = t.voucher;
  v.account = t.account;
  v.amount = t.amount;
  v.text = t.text;
  v.category = t.category;
  v.activity = t.activity;
  v.person = t.person;
  v.financier = t.financier;
  v.eligible = t.eligible;
  v.paid = t.paid;
  v.supplier = t.supplier;
  v.account_name = t.account_name;
  v.file = &t.place.file;
  v.line = t.place.line;
  v.column = t.place.column;
  v.account_kind = t.account_kind;
  v.other_project = t.other_project;
  return v;
}

}  // namespace grantkit::model
