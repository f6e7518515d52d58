#include <grantkit/core/diagnostic.hpp>

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

namespace grantkit::core {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string place;
  if (!d.place.file.empty()) {
    place = d.place.file;
    if (d.place.line > 0) {
      place += fmt::format(":{}", d.place.line);
      if (d.place.column > 0) place += fmt::format(":{}", d.place.column);
    }
    place += ": ";
  }
  return fmt::format("{}{}: {} [{}]", place, severity_name(d.severity), d.message, d.rule);
}

void Diagnostics::error(std::string rule, std::string message, SourcePlace place) {
  add({Severity::error, std::move(rule), std::move(message), std::move(place), false});
}
void Diagnostics::warning(std::string rule, std::string message, SourcePlace place) {
  add({Severity::warning, std::move(rule), std::move(message), std::move(place), false});
}
void Diagnostics::info(std::string rule, std::string message, SourcePlace place) {
  add({Severity::info, std::move(rule), std::move(message), std::move(place), false});
}
void Diagnostics::unreadable(std::string rule, std::string message, SourcePlace place) {
  add({Severity::error, std::move(rule), std::move(message), std::move(place), true});
}
void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}
void Diagnostics::append_unique(const Diagnostics& other) {
  // Keyed by every field, so that a long list is merged in linear time.
  auto key = [](const Diagnostic& d) {
    return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", static_cast<int>(d.severity), d.rule, d.message,
                       d.place.file, d.place.line, d.place.column);
  };
  std::unordered_set<std::string> seen;
  for (const auto& d : items_) seen.insert(key(d));
  for (const auto& d : other.items_) {
    if (seen.insert(key(d)).second) items_.push_back(d);
  }
}
bool Diagnostics::has_errors() const { return count(Severity::error) > 0; }
bool Diagnostics::has_warnings() const { return count(Severity::warning) > 0; }
bool Diagnostics::has_unreadable() const {
  return std::any_of(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.unreadable; });
}
std::size_t Diagnostics::count(Severity s) const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

}  // namespace grantkit::core
