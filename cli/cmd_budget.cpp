// `grantkit budget`: budget versus outcome per activity and/or cost category.
#include <grantkit/reports/budget.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

int run_budget(CommonOptions& o) {
  Loaded l = load(o, Ledger::sums);
  if (!l.project) return report_diagnostics(l.diagnostics, o);
  reports::BudgetOptions bo;
  bo.monthly = o.monthly;
  if (o.by.empty() || o.by == "activity")
    bo.by = reports::BudgetGrouping::activity;
  else if (o.by == "category")
    bo.by = reports::BudgetGrouping::category;
  else
    bo.by = reports::BudgetGrouping::activity_category;
  reports::Document doc = reports::budget_report(position(l), bo);
  core::Diagnostics all = l.diagnostics;
  all.append_unique(doc.diagnostics);
  acknowledge(l, all);
  doc.diagnostics = all;
  reports::name_activities(doc, activity_names(*l.project));
  return finish(std::move(doc), o);
}

}  // namespace grantkit::cli
