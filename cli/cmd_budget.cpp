// `grantkit budget`: budget versus outcome per activity and/or cost category.
#include <grantkit/reports/budget.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

void set_budget_command(CLI::App& app, std::function<int()>& run) {
  auto opts = std::make_shared<CommonOptions>();
  auto* sub = app.add_subcommand("budget", "Budget versus outcome per activity and/or cost category");
  add_common_options(sub, *opts);
  sub->callback([opts, &run] {
    run = [opts] {
      Loaded l = load(*opts, Ledger::sums);
      if (!l.project) return report_diagnostics(l.diagnostics, *opts);
      reports::BudgetOptions bo;
      bo.window = window(*opts, *l.project);
      bo.monthly = opts->monthly;
      if (opts->by.empty() || opts->by == "activity") bo.by = reports::BudgetGrouping::activity;
      else if (opts->by == "category") bo.by = reports::BudgetGrouping::category;
      else if (opts->by == "activity,category") bo.by = reports::BudgetGrouping::activity_category;
      else throw UsageError("--by for budget: activity, category or activity,category");
      reports::Document doc = reports::budget_report(*l.project, l.outcome, bo);
      core::Diagnostics all = l.diagnostics;
      all.append(doc.diagnostics);
      doc.diagnostics = all;
      return finish(std::move(doc), *opts);
    };
  });
}

}  // namespace grantkit::cli
