#pragma once
// The payment request (ansökan om utbetalning) for one reporting period: CLI.md `claim`.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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

// What the register (claims.yaml) says came before the request for window.period, and what this
// request therefore claims (DOMAIN.md "Payment requests and their register"). Money in öre, per
// cost category id, on the paid basis as of window.as_of (Basis::paid).
//
// With R = Σ reported by the earlier requests (status other than draft, ending before the
// period; a request without `reported` counts what today's books hold for its period, and one
// info finding says so) and B = the eligible costs dated from the project's start to the day
// before the period:
// - previously_reported = R − deducted (what was approved; DOMAIN.md: "or what was approved after
//   review");
// - deducted = Σ (reported − approved) of the categories a request's `approved` names: never
//   claimed again;
// - this_period = the costs dated in the period;
// - late = B − R: costs of earlier periods that no request reported (late costs, months no request
//   covered), or, when negative, costs reported that the books no longer hold (a correction);
// - claimed = this_period + late, what this request reports; cumulative = previously_reported +
//   claimed = B + this_period − deducted.
struct ClaimBasis {
  std::vector<const model::Claim*> earlier;  // in period order
  std::map<std::string, core::Money> reported;
  std::map<std::string, core::Money> deducted;
  std::map<std::string, core::Money> this_period;
  std::map<std::string, core::Money> late;
  // The booked rows behind `late` that can be named: rows dated in an earlier request's period
  // that are not in its (recorded) transaction list, and rows dated in months no request
  // covered. `late_from` is the earlier request's id, or empty for an uncovered month.
  struct LateRow {
    const model::Transaction* row;
    std::string late_from;
  };
  std::vector<LateRow> late_rows;
  // A row an earlier request recorded that the books no longer hold (deleted or changed since): a
  // correction, listed in late_rows as a negative row of its own (the recorded row with its amount
  // negated, text "Rättelse …"), so that the transaction list adds up to what the request reports.
  // Owned here; late_rows point into it.
  std::vector<std::unique_ptr<model::Transaction>> corrections;
  // The months between the last registered request (or the project's start) and the period that
  // no request covers (claim.gap).
  std::optional<core::Period> gap;
  core::Money aid_claimed;   // Σ aid_claimed of the earlier requests
  core::Money aid_accepted;  // Σ aid_paid where the register gives it, else aid_claimed
};

// A ledger file's path as a payment request records it: relative to the project folder, with
// forward slashes (as written when it lies outside the folder).
std::string project_relative(const model::Project& project, const std::string& file);

// The basis of the request for position.window().period, with its findings into `diags`:
// claim.reported-recomputed (info), claim.gap, claim.late-cost (one per named row, one summing
// per category what cannot be named), claim.reported-changed (the books hold less than was
// reported, per category; a recorded row no longer in the books), claim.period-open.
ClaimBasis claim_basis(const Position& position, core::Diagnostics& diags);

// The tables of DOMAIN.md "Payment requests" for window.period, cut at window.as_of, from the
// position on its paid basis (Basis::paid: costs not paid by --as-of wait for a later request) and
// the register (claim_basis):
// - costs (per cost category, incl. flat rates and in kind): approved (the decision in force as
//   of --as-of), previously_reported, deducted, this_period, late_costs (ClaimBasis::late),
//   claimed (= this_period + late_costs: what this request reports), cumulative (=
//   previously_reported + claimed), remaining (= approved − cumulative); a totals row. The budget
//   report's flags per category (Position::category_flags: budget.over,
//   budget.change-decision-needed) are the request's findings too;
// - financing (per financier): approved, previously_received, received_this_period, cumulative —
//   cash received (ledger rows `category: financing`) plus in-kind time valued;
// - aid (an object): rate, financing_share, max, cumulative_eligible (capped at the approved
//   total budget), previously_claimed (Σ aid_claimed of the earlier requests),
//   previously_deducted (aid claimed − aid paid, where the register gives aid_paid), paid_to_date,
//   to_claim = Position::aid_earned(cumulative) − (previously_claimed − previously_deducted),
//   never negative;
// - transactions: the late costs of earlier periods that can be named (late_from: the request
//   whose period holds them, or `gap`), then the booked eligible rows of the period; excluded:
//   every row of the period left out, with its rule id.
// Money in öre throughout; every table's totals are sums of its rows.
// With `as_sent`, also fills it with the request as `claim --record` registers it: the period,
// submitted = --as-of, reported = the claimed column per category (zeros left out), aid_claimed
// = to_claim, status submitted, and the transaction list (file relative to the project folder,
// voucher, date, category, amount); the caller gives it an id.
Document claim_report(const Position& position, model::Claim* as_sent = nullptr);

}  // namespace grantkit::reports
