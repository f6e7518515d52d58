#pragma once
// Loads a project folder (FORMATS.md): project.yaml, staff.yaml and the programme rule set.
#include <optional>
#include <string>

#include <grantkit/core/diagnostic.hpp>
#include <grantkit/model/project.hpp>

namespace grantkit::io {

// Where grantkit's shipped rule sets live (`data/`): $GRANTKIT_DATA if set, else the folder the
// build was configured with.
std::string default_data_dir();

// Loads `dir/project.yaml`, the programme `data_dir/programmes/<programme>.yaml` and, when
// present, `dir/staff.yaml` (or a `staff:` list in project.yaml). Structural faults are reported
// with their place (yaml.* rules); the project is returned whenever project.yaml could be read at
// all, so that `validate` can report everything in one run. Returns nothing when project.yaml is
// unreadable (io.read, yaml.syntax, …: exit 2).
std::optional<model::Project> load_project(const std::string& dir, const std::string& data_dir,
                                           core::Diagnostics& diags);

// Loads a programme rule set file (schema grantkit/programme/1).
std::optional<model::Programme> load_programme(const std::string& path, core::Diagnostics& diags);

}  // namespace grantkit::io
