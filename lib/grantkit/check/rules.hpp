#pragma once
// Consistency rules (`grantkit validate`): one small function per rule id, listed in a registry.
#include <string_view>
#include <vector>

#include <grantkit/core/diagnostic.hpp>
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

// Sorts ledger rows into eligible costs, cash co-financing received and exclusions (each with its
// rule id: ledger.outside-eligible-period, ledger.unknown-activity, ledger.unknown-category,
// ledger.marked-ineligible, financing.unknown-financier), reporting a warning per exclusion.
// Rows dated after `as_of` are kept: reports cut by date themselves. DOMAIN.md "Eligibility".
model::Outcome classify_outcome(const model::Project& project, std::vector<model::Transaction> rows,
                                core::Diagnostics& diags);

}  // namespace grantkit::check
