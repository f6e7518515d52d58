#pragma once
// `accept:` of project.yaml (FORMATS.md, docs/formats.md#accept): expected findings acknowledged
// with a reason, so that they stop coming back as warnings every month.
#include <optional>
#include <string>
#include <vector>

#include <grantkit/core/date.hpp>
#include <grantkit/core/diagnostic.hpp>

namespace grantkit::core {

// One entry of `accept:`: the findings of `rule` about `where` (a file, relative to the project
// folder, or an id a finding names: a voucher, an activity, a person, a co-financier, a cost
// category; Diagnostic::about) are expected, for `reason`, through `until` (inclusive; none:
// for good).
struct Accept {
  std::string rule;
  std::string where;
  std::string reason;
  std::optional<Date> until;
  SourcePlace place;  // the entry in project.yaml
};

// Applies `accepts` to `diags` as of `as_of`, once, after every finding of the run is in:
// - an entry whose `until` is before `as_of` acknowledges nothing and is itself a warning
//   `accept.expired` at its place;
// - otherwise every warning and info of its rule about its `where` becomes an accepted finding:
//   severity info (it no longer counts as a warning, nor toward --strict) with the reason in
//   Diagnostic::accepted. Errors are never acknowledged: the data is wrong, not expected;
// - with `judge_unused` (a run that states every finding: validate), an entry that acknowledged
//   nothing is a warning `accept.unused` at its place (saying so when it matched only errors).
// `project_dir` is the project folder, against which a `where` that is a file is compared with
// each finding's file (both normalised lexically).
void apply_accepts(const std::vector<Accept>& accepts, const std::string& project_dir, Date as_of,
                   bool judge_unused, Diagnostics& diags);

}  // namespace grantkit::core
