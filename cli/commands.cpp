#include "commands.hpp"

namespace grantkit::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"validate", "consistency of the project data with itself and the decision", set_validate_command},
      {"budget", "budget versus outcome per activity and/or cost category", set_budget_command},
  };
  return table;
}

}  // namespace grantkit::cli
