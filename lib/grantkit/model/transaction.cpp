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

namespace {
// The day number (Julian day, < 2^32) above two 16-bit name ids; few enough names per project.
std::uint64_t pack(core::Date date, std::uint32_t activity, std::uint32_t category) {
  return (static_cast<std::uint64_t>(date.day_number()) << 32) | (static_cast<std::uint64_t>(activity & 0xFFFF) << 16) |
         (category & 0xFFFF);
}
}  // namespace

std::vector<std::pair<Outcome::BookedKey, core::Money>> Outcome::booked_in(const core::Period& window) const {
  std::vector<std::pair<BookedKey, core::Money>> out;
  const auto from = window.from.day_number(), to = window.to.day_number();
  for (const auto& [key, amount] : booked) {
    auto day = static_cast<std::uint32_t>(key >> 32);
    if (day < from || day > to) continue;
    core::Date date = window.from + boost::gregorian::days(static_cast<long>(day) - static_cast<long>(from));
    out.push_back({BookedKey{date, static_cast<std::uint32_t>((key >> 16) & 0xFFFF), static_cast<std::uint32_t>(key & 0xFFFF)},
                   amount});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.date, a.first.activity, a.first.category) <
           std::tie(b.first.date, b.first.activity, b.first.category);
  });
  return out;
}

void Outcome::add_cost(Transaction&& t) {
  booked[pack(t.date, intern(t.activity), intern(t.category))] += t.amount;
  if (keeps(t.date)) costs.push_back(std::move(t));
}

void Outcome::add_financing(Transaction&& t) {
  received[ReceivedKey{t.date, t.financier}] += t.amount;
  if (keeps(t.date)) financing.push_back(std::move(t));
}

void Outcome::add_exclusion(Exclusion&& e) {
  ++excluded_count[e.rule];
  if (e.transaction.date.is_special() || keeps(e.transaction.date)) excluded.push_back(std::move(e));
}

}  // namespace grantkit::model
