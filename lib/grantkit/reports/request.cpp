#include <grantkit/reports/request.hpp>

namespace grantkit::reports {

std::string request_number(const model::Project& project, const core::Period& period) {
  std::size_t before = 0;
  for (const auto& c : project.claims) {
    if (c.period.from == period.from && c.period.to == period.to) return c.id;
    if (c.period.to < period.from) ++before;
  }
  return std::to_string(before + 1);
}

}  // namespace grantkit::reports
