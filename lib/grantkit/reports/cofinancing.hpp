#pragma once
// The financing plan against what was received and contributed: CLI.md `cofinancing`.
#include <grantkit/model/project.hpp>
#include <grantkit/model/transaction.hpp>
#include <grantkit/reports/document.hpp>
#include <grantkit/reports/position.hpp>
#include <grantkit/reports/window.hpp>

namespace grantkit::reports {

// A view of the position (its outcome to date, booked basis). Rows per financier, to date:
// planned_cash, received_cash (ledger rows `category: financing`), planned_in_kind, valued_in_kind
// (in-kind staff time, eligible_costs), planned_total, actual_total, expected_to_date (planned
// total × elapsed days of the eligible period, rounded down: DOMAIN.md "compared with the plan, pro
// rata by elapsed time"), flags: financing.shortfall (actual behind expected by more than the
// programme's shortfall percent, 10 %), financing.unresolved. A value `aid`: rate, max,
// cumulative_eligible and aid_to_date = min(rate × cumulative eligible capped at the budget, max),
// rounded down (Position::aid_earned, as the claim computes it). Money in öre.
Document cofinancing_report(const Position& position);

}  // namespace grantkit::reports
