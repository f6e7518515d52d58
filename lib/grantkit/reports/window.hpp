#pragma once
// The reporting window of CLI.md: `--as-of`, `--period`, "this period" and "to date".
#include <optional>

#include <grantkit/core/date.hpp>
#include <grantkit/core/result.hpp>
#include <grantkit/model/project.hpp>

namespace grantkit::reports {

// as_of: the reporting date (nothing dated after it counts). period: P as asked. this_period: P
// cut at as_of (empty when P starts after as_of). to_date: from the project's start through the
// end of P or as_of, whichever is earlier.
struct ReportWindow {
  core::Date as_of;
  core::Period period;
  std::optional<core::Period> this_period;
  std::optional<core::Period> to_date;
};

// Builds the window: as_of defaults to `today` clipped to the project period; period defaults to
// the month of as_of. Fails when the period does not touch the project period.
core::Result<ReportWindow> make_window(const model::Project& project,
                                       std::optional<core::Date> as_of,
                                       std::optional<core::Period> period, core::Date today);

}  // namespace grantkit::reports
