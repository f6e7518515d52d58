#pragma once
// Consistency rules (`grantkit validate`): one small function per rule id, listed in a registry.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <grantkit/core/diagnostic.hpp>
#include <grantkit/core/text_hash.hpp>
#include <grantkit/model/project.hpp>
#include <grantkit/model/transaction.hpp>

namespace grantkit::check {

// A project rule: checks the loaded project and reports under its id.
struct ProjectRule {
  std::string_view id;
  std::string_view summary;  // one line for the README's rule table
  void (*run)(const model::Project&, core::Diagnostics&);
};

// Every project rule, in the order `validate` runs them.
const std::vector<ProjectRule>& project_rules();
// Runs every project rule.
void check_project(const model::Project& project, core::Diagnostics& diags);
// The staffing rules' findings attributed to the entries they concern, by index into
// project.staff: staff.over-allocated and staff.duplicate-entry (the rule run on the project
// narrowed to one person), staff.period (on one entry), so that a report's row flags are exactly
// the rules' findings (check_project states the findings themselves).
std::vector<std::vector<std::string>> staff_rule_flags(const model::Project& project);

// Classifies ledger rows one at a time into an Outcome (DOMAIN.md "Eligibility"): eligible costs,
// cash co-financing received, and exclusions, each with its rule id
// (ledger.outside-eligible-period, ledger.unknown-activity, ledger.unknown-category,
// ledger.marked-ineligible, ledger.financial-cost, ledger.vat, ledger.not-a-cost,
// ledger.unmapped-account, ledger.covered-by-flat-rate, financing.unknown-financier: a finding
// each; ledger.not-this-project: counted, one finding in all). Rows are summed as they come; they
// are kept whole when `keep_all`, else only when dated inside `detail` (the period whose
// transactions a report lists), so memory does not grow with the ledger.
//
// Receipts (`financing`, `aid`) are amounts received; a negative one is a repayment
// (ledger.repayment, counted). Aid paid out is neither cost nor income (Outcome::aid_paid).
// A cost without an activity belongs to the project's only activity when it has one; in a project
// of several it is counted in a row of its own (no activity) and reported once per ledger file
// (ledger.no-activity: how many rows, their sum, the first one's place).
// A cost dated outside its activity's period is ledger.outside-activity-period; a cost without an
// activity dated after every activity has ended likewise, unless the programme allows
// final-reporting costs then (Programme::final_reporting_after_activities). A cost paid after the
// eligible period is ledger.paid-after-eligible-period.
// With `paid_by` (a payment request's as-of date), a booked cost whose `paid` date is empty or
// later is marked unpaid (Transaction::unpaid, Outcome::booked_in's paid_only) unless its category
// is a simplified cost option (kind flat_rate or in_kind); a ledger file that gives no payment
// date at all is listed in Outcome::payment_unknown instead, and its costs are not marked.
class OutcomeBuilder {
 public:
  OutcomeBuilder(const model::Project& project, core::Diagnostics& diags, bool keep_all,
                 std::optional<core::Period> detail,
                 std::optional<core::Date> paid_by = std::nullopt);
  void add(const model::TransactionView& row);
  void add(model::Transaction&& row);
  // The end of the reports' "to date": ledger.no-activity counts the costs dated on or before it,
  // as the reports' row without an activity does (unset: every row).
  void count_through(core::Date end) { count_through_ = end; }
  // The outcome; call once, after the last row.
  model::Outcome finish();

 private:
  void exclude(const model::TransactionView& t, std::string_view rule, std::string reason,
               core::Severity severity = core::Severity::warning);
  // What a name in a row's activity or category column stands for, found once per distinct name:
  // a ledger repeats a handful of names a million times.
  struct Name {
    bool activity = false;                // an activity of the plan
    const model::Activity* of = nullptr;  // that activity
    bool simplified = false;  // a category of a simplified cost option: no payment date needed
    bool category = false;    // a cost category of the programme (any, when it lists none)
    const model::FlatRate* covered_by = nullptr;  // a flat rate in force that covers the category
    bool unit_cost_covered =
        false;             // staff costs counted as hours × a unit cost cover the category
    std::uint32_t id = 0;  // model::Outcome::intern
  };
  const Name& name(std::string_view text);
  using NameHash = core::ShortTextHash;
  std::unordered_map<std::string, Name, NameHash, std::equal_to<>> names_;
  const model::Project& p_;
  core::Diagnostics& d_;
  model::Outcome out_;
  // What the builder knows of one ledger file: whether it gave any payment date, and its kept
  // rows marked unpaid (indexes into the outcome's costs).
  struct Source {
    std::string file;
    bool has_paid = false;
    bool has_unpaid = false;
    std::vector<std::size_t> kept_unpaid;
  };
  std::size_t source_of(const std::string* file);
  std::vector<Source> sources_;
  std::size_t last_source_ = static_cast<std::size_t>(-1);
  // Eligible costs without an activity, per ledger file, in a project of several activities
  // (ledger.no-activity): how many, their sum (öre) and the first one's place.
  struct NoActivity {
    std::string file;
    std::size_t rows = 0;
    core::Money sum;
    core::SourcePlace first;
  };
  std::vector<NoActivity> no_activity_;
  std::optional<core::Date> count_through_;
  std::optional<core::Date> paid_by_;
  std::optional<core::Date> activities_end_;
  std::vector<model::FlatRate> in_force_;
  std::map<std::string, const model::FlatRate*, std::less<>> covered_;
  // staff.salary-mismatch: salary (category `personal`) booked on rows that name a person, per
  // person and month, with the place of the month's first such row; judged in finish().
  struct BookedSalary {
    core::Money amount;
    core::SourcePlace first;
  };
  std::map<std::pair<std::string, core::Month>, BookedSalary> salaries_;
  void check_salaries();
};

// Sorts ledger rows into eligible costs, cash co-financing received and exclusions, each with its
// rule id, in this order (DOMAIN.md "Eligibility"):
//   ledger.not-this-project       the source selects a project and the row is not on it (info)
//   financing.unknown-financier   a co-financing row whose financier is not in the plan
//   ledger.outside-eligible-period
//   ledger.financial-cost         the account plan says interest, bank fees or exchange differences
//   ledger.vat                    the plan says VAT and decision.vat_eligible is not true
//   ledger.not-a-cost             a balance-sheet (or other non-cost) account and no category
//   ledger.unmapped-account       no category from the row, the account_map or the plan (error)
//   ledger.unknown-activity, ledger.unknown-category
//   ledger.covered-by-flat-rate   the category is in `covers` of a flat rate in force (programme
//                                 defaults and the decision's `rates`)
//   ledger.marked-ineligible
// Each exclusion is reported as a warning (unless marked otherwise above) with the row's place.
// Rows dated after `as_of` are kept: reports cut by date themselves.
model::Outcome classify_outcome(const model::Project& project, std::vector<model::Transaction> rows,
                                core::Diagnostics& diags);

}  // namespace grantkit::check
