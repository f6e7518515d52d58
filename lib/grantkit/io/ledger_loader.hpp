#pragma once
// Reads the ledger sources that project.yaml declares (CSV now; SIE 4 in its own reader).
#include <vector>

#include <grantkit/core/diagnostic.hpp>
#include <grantkit/model/project.hpp>
#include <grantkit/model/transaction.hpp>

namespace grantkit::io {

// The transactions of every ledger source of `project` (paths are globs relative to the project
// folder), in file order. Rows that cannot be read are reported (csv.short-row, ledger.amount,
// ledger.date, ledger.missing-column, …, with file and line; the CSV column is the field number)
// and returned in `unreadable_rows` as exclusions, never silently dropped. A source whose file
// cannot be read at all is io.read (exit 2).
std::vector<model::Transaction> load_ledger(const model::Project& project, core::Diagnostics& diags,
                                            std::vector<model::Exclusion>& unreadable_rows);

// Files matching a source path (a glob relative to `dir`), sorted; none is a warning (io.no-files).
std::vector<std::string> expand_source_path(const std::string& dir, const model::SourceSpec& spec,
                                            core::Diagnostics& diags);

}  // namespace grantkit::io
