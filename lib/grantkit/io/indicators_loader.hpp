#pragma once
// Reads the reported values of a project's result indicators: `indicators.yaml` in the project
// folder (FORMATS.md "indicators").
#include <vector>

#include <grantkit/core/diagnostic.hpp>
#include <grantkit/model/indicator_value.hpp>
#include <grantkit/model/project.hpp>

namespace grantkit::io {

// The rows of `project.dir/indicators.yaml`, in file order; none (and no finding) when the file
// does not exist: progress is then unknown, not zero. The file is `schema: grantkit/indicators/1`
// with `rows: [{indicator, date, value, comment}, …]`: `indicator` an id of project.yaml's
// `indicators:` (else ref.unknown, the row left out), `date` strictly YYYY-MM-DD, `value` a whole
// number ≥ 0 (the cumulative value on that date), `comment` optional text. Two rows for one
// indicator on one date are indicator.duplicate-date (an error naming both; the later row is left
// out). Structure faults are the yaml.* rules; an unreadable file is io.read / yaml.syntax (exit
// 2).
std::vector<model::IndicatorValue> load_indicator_values(const model::Project& project,
                                                         core::Diagnostics& diags);

}  // namespace grantkit::io
