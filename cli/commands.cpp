#include "commands.hpp"

namespace grantkit::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"validate", "consistency of the project data with itself and the decision", set_validate_command},
      {"budget", "budget versus outcome per activity and/or cost category", set_budget_command},
      {"staffing", "the staffing plan against the full-time definition; in-kind value per financier", set_staffing_command},
      {"time", "planned versus reported hours per person and month", set_time_command},
      {"cofinancing", "the financing plan against cash received and in-kind time valued; the aid so far", set_cofinancing_command},
      {"claim", "the payment request for a period: costs, financing, aid to claim, transactions", set_claim_command},
      {"ledger", "what the ledger import read: rows, vouchers, accounts, excluded rows by rule", set_ledger_command},
      {"report", "the monthly report: every section for one period in one document", set_report_command},
      {"indicators", "result indicators: cumulative values against targets and time elapsed", set_indicators_command},
      {"paperwork", "every file a payment request needs: Min ansökan's expense rows, staff costs, time reports, attestations, in-kind summaries", set_paperwork_command},
      {"init", "a new project folder from a commented template that validates", set_init_command},
  };
  return table;
}

}  // namespace grantkit::cli
