#include <algorithm>

#include <fmt/format.h>

#include <grantkit/core/i18n.hpp>
#include <grantkit/reports/window.hpp>

namespace grantkit::reports {

core::Result<ReportWindow> make_window(const model::Project& project,
                                       std::optional<core::Date> as_of,
                                       std::optional<core::Period> period, core::Date today) {
  const core::Period& whole = project.project_period();
  ReportWindow w;
  w.as_of = as_of ? *as_of : std::clamp(today, whole.from, whole.to);
  if (period) {
    w.period = *period;
  } else {
    core::Month m = core::Month::of(w.as_of);
    w.period = {m.first_day(), m.last_day()};
  }
  if (!w.period.overlaps(whole)) {
    return core::Result<ReportWindow>::failure(
        fmt::format(fmt::runtime(_("the period {} lies outside the project period {}")),
                    w.period.iso(), whole.iso()));
  }
  core::Date end = std::min(w.period.to, w.as_of);
  if (w.period.from <= end) w.this_period = core::Period{w.period.from, end};
  if (whole.from <= end) w.to_date = core::Period{whole.from, end};
  return w;
}

}  // namespace grantkit::reports
