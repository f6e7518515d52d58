#include <grantkit/core/i18n.hpp>
#include <grantkit/reports/position.hpp>

#include <algorithm>

#include <fmt/format.h>

namespace grantkit::reports {

using core::Money;
using core::Percent;

std::string cost_line_key(const CostLine& l) {
  return fmt::format("{}\x1F{}\x1F{}\x1F{}\x1F{}", l.activity, l.category,
                     static_cast<int>(l.source), l.origin, l.financier);
}

std::map<std::string, Money> by_category(const CostLines& lines) {
  std::map<std::string, Money> out;
  for (const auto& l : lines) out[l.category] += l.amount;
  return out;
}

Money total_of(const CostLines& lines) {
  Money sum;
  for (const auto& l : lines) sum += l.amount;
  return sum;
}

Position::Position(const model::Project& project, const model::Outcome& outcome,
                   const ReportWindow& window)
    : project_(project), outcome_(outcome), window_(window) {}

const CostLines& Position::cumulative(core::Date through, Basis basis) const {
  auto key = std::make_pair(through, basis);
  if (auto it = cumulative_.find(key); it != cumulative_.end()) return it->second;
  CostLines merged;
  const core::Date start = project_.project_period().from;
  if (start <= through) {
    std::map<std::string, std::size_t> index;
    for (auto& l :
         eligible_costs(project_, outcome_, core::Period{start, through}, basis == Basis::paid)) {
      std::string k = cost_line_key(l);
      auto [it, fresh] = index.emplace(k, merged.size());
      if (fresh) {
        l.month = core::Month::of(through);
        merged.push_back(std::move(l));
      } else {
        merged[it->second].amount += l.amount;
      }
    }
  }
  return cumulative_.emplace(key, std::move(merged)).first->second;
}

CostLines Position::in(const core::Period& span, Basis basis) const {
  const core::Date start = project_.project_period().from;
  if (span.to < start) return {};
  CostLines out = cumulative(span.to, basis);
  if (start < span.from) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < out.size(); ++i) index.emplace(cost_line_key(out[i]), i);
    for (const auto& before : cumulative(span.from - boost::gregorian::days(1), basis)) {
      auto [it, fresh] = index.emplace(cost_line_key(before), out.size());
      if (fresh) {
        CostLine l = before;
        l.amount = Money() - before.amount;
        out.push_back(std::move(l));
      } else {
        out[it->second].amount -= before.amount;
      }
    }
  }
  for (auto& l : out) l.month = core::Month::of(span.to);
  out.erase(
      std::remove_if(out.begin(), out.end(), [](const CostLine& l) { return l.amount.is_zero(); }),
      out.end());
  return out;
}

CostLines Position::to_date(Basis basis) const {
  return window_.to_date ? in(*window_.to_date, basis) : CostLines{};
}

CostLines Position::this_period(Basis basis) const {
  return window_.this_period ? in(*window_.this_period, basis) : CostLines{};
}

std::map<std::string, Money> Position::received(const core::Period& span) const {
  std::map<std::string, Money> out;
  for (const auto& [key, amount] : outcome_.received) {
    if (span.contains(key.date)) out[key.financier] += amount;
  }
  return out;
}

std::map<std::string, Money> Position::contributed(const core::Period& span,
                                                   const CostLines& lines) const {
  auto out = received(span);
  for (const auto& l : lines) {
    if (l.source == CostSource::in_kind && !l.financier.empty()) out[l.financier] += l.amount;
  }
  return out;
}

AidPaid Position::aid_to_date(core::Diagnostics& into) const {
  const core::Date start = project_.project_period().from;
  if (window_.as_of < start) return AidPaid{};
  return aid_paid(project_, outcome_, core::Period{start, window_.as_of}, window_.as_of, into);
}

Money Position::aid_base(Money eligible) const {
  const auto& total = decision().budget.total;
  return total ? std::min(eligible, *total) : eligible;
}

std::optional<Money> Position::aid_earned(Money eligible) const {
  const auto& aid = decision().aid;
  if (!aid.rate) return std::nullopt;
  Money base = aid_base(eligible);
  Money earned = core::apply_percent_floor(base, *aid.rate);
  // The second percentage: aid at most this share of the total financing. The owner's own
  // financing balances the plan (DOMAIN.md "Co-financing and aid"), so the total financing of the
  // eligible costs is those costs: the cap is the share of the same base.
  if (aid.financing_share)
    earned = std::min(earned, core::apply_percent_floor(base, *aid.financing_share));
  if (aid.max) earned = std::min(earned, *aid.max);
  return earned;
}

std::optional<Percent> Position::elapsed(const std::optional<core::Period>& span) const {
  if (!span) return std::nullopt;
  const auto& w = window_;
  if (!w.to_date || w.to_date->to < span->from) return Percent::from_millionths(0);
  core::Date end = std::min(w.to_date->to, span->to);
  std::int64_t done = core::Period{span->from, end}.days();
  return Percent::from_millionths(done * Percent::kWhole / span->days());
}

std::vector<std::string> Position::budget_flags(const std::optional<Money>& budget, Money to_date,
                                                std::optional<Percent> elapsed, bool is_category,
                                                bool is_activity) const {
  const auto& programme = project_.programme;
  std::vector<std::string> flags;
  if (!budget) return flags;
  if (to_date > *budget) {
    Money over = to_date - *budget;
    bool big = budget->ore() > 0
                   ? core::ratio_percent(over, *budget) > programme.deviation_percent &&
                         over >= programme.deviation_amount
                   : over >= programme.deviation_amount;
    flags.push_back(is_category && big ? "budget.change-decision-needed" : "budget.over");
  }
  if (is_activity && elapsed && budget->ore() > 0) {
    Percent used = core::ratio_percent(to_date, *budget);
    if (*elapsed - used > programme.underspend_points) flags.push_back("budget.underspend");
  }
  return flags;
}

std::map<std::string, std::vector<std::string>> Position::category_flags() const {
  std::map<std::string, std::vector<std::string>> out;
  const auto& cats = decision().budget.categories;
  if (cats.empty()) return out;
  auto outcome = by_category(to_date());
  auto elapsed_pct = elapsed(project_.project_period());
  std::map<std::string, Money> all = outcome;
  for (const auto& [id, m] : cats) all.emplace(id, Money());
  for (const auto& [id, spent] : all) {
    auto b = cats.find(id);
    std::optional<Money> budget = b == cats.end() ? Money() : b->second;
    auto flags = budget_flags(budget, spent, elapsed_pct, true, false);
    if (!flags.empty()) out[id] = std::move(flags);
  }
  return out;
}

void Position::flag_finding(const std::string& f, const std::string& what,
                            std::optional<Money> budget, Money outcome,
                            std::optional<Percent> elapsed_pct, core::Diagnostics& into,
                            std::optional<Money> planned) const {
  // Placed at the budget line in project.yaml: the activity's budget, the category's line of the
  // decision's budget, or the decision's budget for a category it does not name.
  core::SourcePlace place = project_.decision.budget.place;
  if (const auto* a = project_.find_activity(what)) {
    place = a->budget_place.file.empty() ? a->place : a->budget_place;
  } else if (auto c = project_.decision.budget.category_places.find(what);
             c != project_.decision.budget.category_places.end()) {
    place = c->second;
  }
  if (f == "budget.underspend") {
    // A warning when the under-spend (budget pro rata by elapsed time − outcome) is material: at
    // least the rule set's underspend_amount; else an info.
    Money behind = planned && *planned > outcome ? *planned - outcome : Money();
    std::string msg =
        fmt::format(fmt::runtime(_("{}: {} of the budget used with {} of its time elapsed; {} "
                                   "behind the budget pro rata")),
                    what, core::message_percent(core::ratio_percent(outcome, *budget)),
                    core::message_percent(*elapsed_pct), core::format_kr(behind, true));
    if (behind >= project_.programme.underspend_amount)
      into.warning(f, msg, place, {behind, {what}});
    else
      into.info(f, msg, place, {behind, {what}});
    return;
  }
  Money b = budget.value_or(Money());
  std::string over =
      b.is_zero()
          ? fmt::format(
                fmt::runtime(_("{}: outcome {}, and the decision in force budgets nothing for it")),
                what, core::format_kr(outcome, true))
          : fmt::format(fmt::runtime(_("{}: outcome {} is above the budget {} by {}")), what,
                        core::format_kr(outcome, true), core::format_kr(b, true),
                        core::format_kr(outcome - b, true));
  into.warning(
      f,
      over + (f == "budget.change-decision-needed"
                  ? _("; a change decision (ändringsbeslut) is needed before it can be claimed")
                  : ""),
      place, {outcome - b, {what}});
}

}  // namespace grantkit::reports
