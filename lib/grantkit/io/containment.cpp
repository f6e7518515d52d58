#include <grantkit/core/i18n.hpp>
#include <grantkit/io/containment.hpp>

#include <filesystem>
#include <system_error>

#include <fmt/format.h>

namespace grantkit::io {

namespace fs = std::filesystem;

namespace {

// `path` resolved as the file system opens it (absolute, `..` collapsed, links followed as far as
// the path exists), or nullopt when that fails.
std::optional<fs::path> resolved(const fs::path& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) return std::nullopt;
  fs::path r = fs::weakly_canonical(abs, ec);
  if (ec) return std::nullopt;
  return r.lexically_normal();
}

// Whether `inner` is `outer` or lies below it, component by component (so `/p2` is not in `/p`).
bool below(const fs::path& outer, const fs::path& inner) {
  auto o = outer.begin(), i = inner.begin();
  for (; o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == inner.end() || *o != *i) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> outside_folder(const std::string& root, const std::string& path) {
  auto r = resolved(fs::path(root));
  auto p = resolved(fs::path(path));
  if (!r || !p) {
    return fmt::format(
        fmt::runtime(_("'{}' cannot be resolved (a loop of links?), so it may lie outside the "
                       "project folder")),
        path);
  }
  if (below(*r, *p)) return std::nullopt;
  return fmt::format(fmt::runtime(_("'{}' resolves to {}, outside the project folder {}")), path,
                     p->string(), r->string());
}

std::optional<std::string> pattern_outside_folder(const std::string& pattern) {
  fs::path p(pattern);
  if (p.is_absolute()) {
    return fmt::format(
        fmt::runtime(
            _("'{}' is an absolute path; a source is named relative to the project folder")),
        pattern);
  }
  // Walk the components: a `..` that would climb above the project folder is outside.
  int depth = 0;
  for (const auto& c : p) {
    if (c == "..") {
      if (--depth < 0) {
        return fmt::format(fmt::runtime(_("'{}' climbs out of the project folder with '..'")),
                           pattern);
      }
    } else if (!c.empty() && c != ".") {
      ++depth;
    }
  }
  return std::nullopt;
}

}  // namespace grantkit::io
