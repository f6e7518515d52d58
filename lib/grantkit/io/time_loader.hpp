#pragma once
// Reads the time reports that project.yaml declares under `sources.time` (FORMATS.md "Time
// reports"): CSV files, or YAML files with `schema: grantkit/time/1` and a `rows:` list.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <grantkit/core/date.hpp>
#include <grantkit/core/diagnostic.hpp>
#include <grantkit/model/project.hpp>
#include <grantkit/model/time_entry.hpp>

namespace grantkit::io {

// Every row of every time source of `project` (paths are globs relative to the project folder),
// in file order. A row has `person`, `activity`, `hours` (`7.5`, `7,5`, `7:30`; see
// core::parse_hours_seconds) and `month` (`2022-03`) or `date` (`2022-03-14`), or both when they
// agree. CSV columns may be renamed per source (`columns: {hours: Timmar, …}`); delimiter,
// encoding and BOM as for ledgers. A row that cannot be read is an error with file and line and is
// left out of the result, never silently: `time.hours`, `time.date` (also a month/date that
// disagree or are both missing), `csv.short-row`. A missing column is `csv.missing-column` and an
// unreadable file `io.read`/`csv.syntax` (exit 2); YAML structure faults are the `yaml.*` rules.
// Whether persons and activities exist is checked by the time report, not here.
std::vector<model::TimeEntry> load_time(const model::Project& project, core::Diagnostics& diags);

// Reads one CSV time file with the settings of `spec`, appending its rows to `out`.
void load_time_csv(const std::string& path, const model::SourceSpec& spec, core::Diagnostics& diags,
                   std::vector<model::TimeEntry>& out);
// Reads one YAML time file (`schema: grantkit/time/1`, `rows: [{person, activity, hours,
// month|date}, …]`), appending its rows to `out`.
void load_time_yaml(const std::string& path, core::Diagnostics& diags,
                    std::vector<model::TimeEntry>& out);

// Parses exactly `YYYY-MM` (a real month, years 1900–2199).
core::Result<core::Month> parse_iso_month(std::string_view text);

}  // namespace grantkit::io
