#pragma once
// Loads a project folder (FORMATS.md): project.yaml, staff.yaml and the programme rule set.
#include <optional>
#include <string>
#include <vector>

#include <grantkit/core/diagnostic.hpp>
#include <grantkit/io/yaml_doc.hpp>
#include <grantkit/model/project.hpp>

namespace grantkit::io {

// Where grantkit's shipped rule sets live (`data/`): $GRANTKIT_DATA if set, else the folder the
// build was configured with.
std::string default_data_dir();

// Loads `dir/project.yaml`, the programme `data_dir/programmes/<programme>.yaml` and, when
// present, `dir/staff.yaml` (or a `staff:` list in project.yaml) and `dir/claims.yaml`. Every
// structural fault is reported with its place (yaml.* rules), all of them in one run; the project
// is returned only when there was none, so that checks and reports never see half-read values.
// Unreadable files (io.read, yaml.syntax, …) are marked unreadable: exit 2.
std::optional<model::Project> load_project(const std::string& dir, const std::string& data_dir,
                                           core::Diagnostics& diags);

// Every file a run on `project` may read, as paths: project.yaml, staff.yaml, claims.yaml,
// indicators.yaml, the programme rule set, the ledger sources' account plans, and what each ledger
// and time source's glob matches now. For refusing an output that would overwrite one of them.
std::vector<std::string> input_files(const model::Project& project, const std::string& data_dir);

// The ids of the rule sets bundled in `data_dir/programmes/` (file names without .yaml), sorted.
std::vector<std::string> bundled_programmes(const std::string& data_dir);

// The rule-set file `programme:` names (FORMATS.md): a bundled id (`data_dir/programmes/<id>.yaml`,
// where data_dir is $GRANTKIT_DATA or the built-in data folder), or, when it holds a `/` or ends in
// `.yaml`, a path relative to the project folder `dir`. Errors placed at `place`:
// io.outside-project (a path resolving outside `dir`), ref.unknown (no such rule set; the message
// lists the bundled ids and where grantkit looked).
std::optional<std::string> find_programme(const std::string& dir, const std::string& data_dir,
                                          const std::string& programme,
                                          const core::SourcePlace& place, core::Diagnostics& diags);

// Reads a parsed claims.yaml (schema grantkit/claims/1, FORMATS.md "claims.yaml") and appends its
// payment requests to `out`; faults are placed yaml.* findings.
void read_claims_document(const YamlNode& root, std::vector<model::Claim>& out,
                          core::Diagnostics& diags);

// Appends `claim` (with its id) to the register `dir/claims.yaml` (`claim --record`): the file's
// own text is kept, comments and order included, and the entry is added at the end of its
// `claims:` list; a new file is written when there is none. The new text is read back and must
// give the same requests plus this one before it atomically replaces the file. Refused with a
// finding, nothing written: `claim.record-exists` (a request for the same period is registered),
// `claim.record-format` (the list is not a block list at the end of the file, so appending would
// change its meaning), `io.write` (the file could not be written). Returns whether it was written.
bool append_claim(const std::string& dir, const model::Claim& claim, core::Diagnostics& diags);

// Loads a programme rule set file (schema grantkit/programme/1).
std::optional<model::Programme> load_programme(const std::string& path, core::Diagnostics& diags);

}  // namespace grantkit::io
