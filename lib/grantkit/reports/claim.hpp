#pragma once
// The payment request (ansökan om utbetalning) for one reporting period: CLI.md `claim`.
#include <grantkit/model/project.hpp>
#include <grantkit/model/transaction.hpp>
#include <grantkit/reports/document.hpp>
#include <grantkit/reports/position.hpp>
#include <grantkit/reports/window.hpp>

namespace grantkit::reports {

// Checks that `period` may be a payment request's period (rule claim.period): whole months, at
// least `claim_min_months` and at most `claim_max_months` (1–6), inside one calendar year when
// the programme says so (Tillväxtverket 2014–2020, "Ansöka om utbetalning"), inside the eligible
// period, and not overlapping an earlier request in claims.yaml (claim.overlap). Findings go to
// `diags` as errors.
void check_claim_period(const model::Project& project, const core::Period& period,
                        core::Diagnostics& diags);

// The tables of DOMAIN.md "Payment requests" for window.period, cut at window.as_of, from the
// position on its paid basis (Basis::paid: costs not paid by --as-of wait for a later request):
// - costs (per cost category, incl. flat rates and in kind): approved (the decision in force as
//   of --as-of), previously_reported (the cumulative eligible costs before the period),
//   this_period (their step over the period), cumulative (= previously + this period: the
//   budget report's outcome to date when every cost is paid), remaining (= approved −
//   cumulative); a totals row. The budget report's flags per category (Position::category_flags:
//   budget.over, budget.change-decision-needed) are the request's findings too;
// - financing (per financier): approved, previously_received, received_this_period, cumulative —
//   cash received (ledger rows `category: financing`) plus in-kind time valued;
// - aid (an object): rate, max, cumulative_eligible (capped at the approved total budget),
//   previously_claimed (claims.yaml, requests ending before the period), to_claim =
//   min(rate × cumulative eligible, max) − previously claimed, rounded down, never negative;
// - transactions: the booked eligible rows of the period; excluded: every row of the period left
//   out, with its rule id.
// Money in öre throughout; every table's totals are sums of its rows.
Document claim_report(const Position& position);

}  // namespace grantkit::reports
