#include <grantkit/core/diagnostic.hpp>

#include <algorithm>

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

void Diagnostics::add(Diagnostic d) {
  std::string key = d.rule;
  key += '\0';
  key += d.place.file;
  Group& g = groups_[key];
  if (d.more > 0) {
    // A summary from another list (append): its count joins this list's summary.
    if (g.summary == static_cast<std::size_t>(-1)) {
      g.summary = items_.size();
      items_.push_back(std::move(d));
    } else {
      items_[g.summary].more += d.more;
      items_[g.summary].unreadable = items_[g.summary].unreadable || d.unreadable;
    }
  } else if (g.kept < kKeptPerRuleAndFile) {
    ++g.kept;
    items_.push_back(std::move(d));
    return;
  } else if (g.summary == static_cast<std::size_t>(-1)) {
    g.summary = items_.size();
    Diagnostic sum{d.severity, d.rule, {}, {d.place.file, 0, 0}, d.unreadable, 1};
    items_.push_back(std::move(sum));
  } else {
    Diagnostic& sum = items_[g.summary];
    ++sum.more;
    sum.unreadable = sum.unreadable || d.unreadable;
    if (d.severity > sum.severity) sum.severity = d.severity;
  }
  Diagnostic& sum = items_[g.summary];
  sum.message = fmt::format("{} more findings like the ones above, counted but not listed (grantkit keeps the first "
                            "{} per rule and file)",
                            sum.more, kKeptPerRuleAndFile);
}

std::size_t Diagnostics::total() const {
  std::size_t n = 0;
  for (const auto& d : items_) n += d.more > 0 ? d.more : 1;
  return n;
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
  for (const auto& d : other.items_) add(d);
}
bool Diagnostics::has_errors() const { return count(Severity::error) > 0; }
bool Diagnostics::has_warnings() const { return count(Severity::warning) > 0; }
bool Diagnostics::has_unreadable() const {
  return std::any_of(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.unreadable; });
}
std::size_t Diagnostics::count(Severity s) const {
  std::size_t n = 0;
  for (const auto& d : items_) {
    if (d.severity == s) n += d.more > 0 ? d.more : 1;
  }
  return n;
}

}  // namespace grantkit::core
