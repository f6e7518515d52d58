#pragma once
// Every eligible cost of a window: booked costs, the flat rates computed on them, and valued
// in-kind staff time (DOMAIN.md "Co-financing and aid", "Flat rates"). Budget, co-financing and
// the claim all count outcome through this one function.
#include <string>
#include <vector>

#include <grantkit/core/diagnostic.hpp>

#include <grantkit/core/date.hpp>
#include <grantkit/core/money.hpp>
#include <grantkit/model/project.hpp>
#include <grantkit/model/transaction.hpp>

namespace grantkit::reports {

enum class CostSource { booked, flat_rate, in_kind };

// One eligible cost line, summed per month, activity and category (money in öre). `origin` is the
// flat rate id for flat rates and the staff id for in-kind time; `financier` the co-financier that
// contributes in-kind time.
struct CostLine {
  core::Month month;
  std::string activity;  // empty: not attributed to an activity
  std::string category;
  core::Money amount;
  CostSource source = CostSource::booked;
  std::string origin;
  std::string financier;
};

// The value of a staff entry's time in one month: share × monthly salary × (working days of the
// month inside `part` / working days of the whole month), rounded down to öre
// (fixed share, Delegated Reg. 481/2014 art. 3). Zero without a salary.
core::Money staff_month_value(const model::Project& project, const model::StaffEntry& entry, core::Month month,
                              const core::Period& part);

// The eligible cost lines dated inside `window` under the decision in force at its end:
// - booked: the outcome's eligible costs, one line per (month, activity, category);
// - in kind: each `funding: in_kind` staff entry valued month by month (staff_month_value),
//   attributed to its activities by its planned split, or, without one, to the activities running
//   that month in proportion to their budgets (rounded by largest remainder), category
//   offentligt (or privat, by the financier's type) bidrag i annat än pengar;
// - flat rates in force, in programme order: rate × the window's aggregate of their base categories
//   (which may include earlier flat rates), rounded down once, then distributed over the base's
//   (month, activity) cells by largest remainder so the lines add up exactly. The payroll overhead
//   rate also applies to in-kind staff time (DOMAIN.md), added to the in-kind lines.
// `paid_only`: booked costs not paid by the payment request's as-of date (Transaction::unpaid) are
// left out, and so is every flat rate computed on them.
std::vector<CostLine> eligible_costs(const model::Project& project, const model::Outcome& outcome,
                                     const core::Period& window, bool paid_only = false);

// Aid paid out to date (ledger rows `category: aid`) beside aid claimed (claims.yaml), for
// `cofinancing` and `claim`: `paid` the aid rows dated in `window` (öre); `claimed` the sum of
// `aid_claimed` of the requests in claims.yaml whose period ends on or before `claimed_through`,
// nothing when none gives it. When both are known and differ, a warning aid.paid-mismatch.
struct AidPaid {
  core::Money paid;
  std::optional<core::Money> claimed;
};
AidPaid aid_paid(const model::Project& project, const model::Outcome& outcome, const core::Period& window,
                 core::Date claimed_through, core::Diagnostics& diags);



}  // namespace grantkit::reports
