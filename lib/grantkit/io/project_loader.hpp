#pragma once
// Loads a project folder (FORMATS.md): project.yaml, staff.yaml and the programme rule set.
#include <optional>
#include <string>
#include <vector>

#include <grantkit/core/diagnostic.hpp>
#include <grantkit/model/project.hpp>

namespace grantkit::io {

// Where grantkit's shipped rule sets live (`data/`): $GRANTKIT_DATA if set, else the folder the
// build was configured with.
std::string default_data_dir();

// Loads `dir/project.yaml`, the programme `data_dir/programmes/<programme>.yaml` and, when
// present, `dir/staff.yaml` (or a `staff:` list in project.yaml) and `dir/claims.yaml`. Every
// structural fault is reported with its place (yaml.* rules), all of them in one run; the project is
// returned only when there was none, so that checks and reports never see half-read values.
// Unreadable files (io.read, yaml.syntax, …) are marked unreadable: exit 2.
std::optional<model::Project> load_project(const std::string& dir, const std::string& data_dir,
                                           core::Diagnostics& diags);

// Every file a run on `project` may read, as paths: project.yaml, staff.yaml, claims.yaml,
// indicators.yaml, the programme rule set, the ledger sources' account plans, and what each ledger
// and time source's glob matches now. For refusing an output that would overwrite one of them.
std::vector<std::string> input_files(const model::Project& project, const std::string& data_dir);

// Loads a programme rule set file (schema grantkit/programme/1).
std::optional<model::Programme> load_programme(const std::string& path, core::Diagnostics& diags);

}  // namespace grantkit::io
