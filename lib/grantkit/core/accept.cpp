#include <grantkit/core/accept.hpp>

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

namespace grantkit::core {

namespace {

std::string normal_path(const std::string& p) {
  return std::filesystem::path(p).lexically_normal().generic_string();
}

}  // namespace

void apply_accepts(const std::vector<Accept>& accepts, const std::string& project_dir, Date as_of,
                   bool judge_unused, Diagnostics& diags) {
  if (accepts.empty()) return;
  std::vector<Diagnostic> found;
  for (const Accept& a : accepts) {
    if (a.until && !as_of.is_special() && *a.until < as_of) {
      found.push_back({Severity::warning, "accept.expired",
                       fmt::format("the accept of [{}] for '{}' ran until {}, before {}: its "
                                   "findings are shown again; renew it or remove it",
                                   a.rule, a.where, format_iso(*a.until), format_iso(as_of)),
                       a.place, false});
      continue;
    }
    const std::string file = normal_path((std::filesystem::path(project_dir) / a.where).string());
    std::size_t acknowledged = 0, errors = 0;
    for (Diagnostic& d : diags.annotate()) {
      if (d.rule != a.rule) continue;
      bool about = (!d.place.file.empty() && normal_path(d.place.file) == file) ||
                   std::find(d.about.begin(), d.about.end(), a.where) != d.about.end();
      if (!about) continue;
      if (d.severity == Severity::error) {
        ++errors;
        continue;
      }
      if (d.accepted.empty()) {
        d.severity = Severity::info;
        d.accepted = a.reason;
      }
      ++acknowledged;
    }
    if (acknowledged > 0 || !judge_unused) continue;
    found.push_back(
        {Severity::warning, "accept.unused",
         errors > 0 ? fmt::format("the accept of [{}] for '{}' matches only errors ({}), which an "
                                  "accept cannot acknowledge: correct the data",
                                  a.rule, a.where, errors)
                    : fmt::format("the accept of [{}] for '{}' matches no finding: remove it, or "
                                  "name the file, voucher or id the finding is about",
                                  a.rule, a.where),
         a.place, false});
  }
  for (auto& d : found) diags.add(std::move(d));
}

}  // namespace grantkit::core
