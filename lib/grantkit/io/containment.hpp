#pragma once
// Inputs stay inside their project folder: a safety property (README.md "Hardening"). A project
// folder is often received from someone else; a path in it must not make grantkit read the user's
// other files (a key file, another project's ledger) and print their lines into a report meant to
// be sent on. Every path a project file names is checked here before it is opened.
#include <optional>
#include <string>

namespace grantkit::io {

// Why the file `path` is not inside the folder `root`, or nullopt when it is. Both are taken as
// open() takes them (relative to the current directory: a caller joins a name written relative to
// the project with the folder first) and resolved the way the file system opens them: `..`
// components collapsed and every symbolic link of the part that exists followed (std::filesystem::
// weakly_canonical), so `../x.csv`, `/etc/passwd` and a link `ledger/a.csv -> /home/u/b.csv` are
// outside, while a link that stays inside, or a project folder that is itself reached by a link,
// is inside. A path equal to `root` is inside. The reason names the path as written and what it
// resolves to, e.g. "'../b.csv' resolves to /home/u/b.csv, outside the project folder
// /home/u/p". Never throws: a path that cannot be resolved (a loop of links) is reported outside.
std::optional<std::string> outside_folder(const std::string& root, const std::string& path);

// The same test on a path *pattern* written relative to a project folder, before it is expanded
// (a glob such as `ledger/*.csv`): it is outside when it is absolute or climbs out of the folder
// with `..` (judged on its text,
// since no file needs to match). Each file the pattern then matches is checked with
// outside_folder, which also catches a symbolic link out.
std::optional<std::string> pattern_outside_folder(const std::string& pattern);

}  // namespace grantkit::io
