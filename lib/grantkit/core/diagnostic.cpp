#include <grantkit/core/diagnostic.hpp>

#include <algorithm>
#include <cstdint>
#include <unordered_set>

#include <fmt/format.h>

namespace grantkit::core {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

std::string escape_control(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '\r':
          out += "\\r";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            out += fmt::format("\\x{:02x}", c);
          else
            out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    // A UTF-8 sequence: its length from the lead byte, each continuation byte 10xxxxxx, no overlong
    // form or surrogate (the same as the decoders accept).
    std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4
                    : c >= 0xE0            ? (c <= 0xEF ? 3 : 0)
                    : c >= 0xC2            ? 2
                                           : 0;
    bool valid = n > 0 && i + n <= text.size();
    std::uint32_t cp = n == 2 ? c & 0x1Fu : n == 3 ? c & 0x0Fu : c & 0x07u;
    for (std::size_t k = 1; valid && k < n; ++k) {
      auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) valid = false;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if (valid && ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
                  (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))))
      valid = false;
    if (!valid) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    if (cp >= 0x80 && cp <= 0x9F)
      out += fmt::format("\\u{:04x}", cp);  // C1 controls (CSI = U+009B)
    else
      out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string place;
  if (!d.place.file.empty()) {
    place = escape_control(d.place.file);
    if (d.place.line > 0) {
      place += fmt::format(":{}", d.place.line);
      if (d.place.column > 0) place += fmt::format(":{}", d.place.column);
    }
    place += ": ";
  }
  if (!d.accepted.empty()) {
    return fmt::format("{}{}: {} (accepted: {}) [{}]", place, severity_name(d.severity),
                       escape_control(d.message), escape_control(d.accepted), d.rule);
  }
  return fmt::format("{}{}: {} [{}]", place, severity_name(d.severity), escape_control(d.message),
                     d.rule);
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
      if (d.amount)
        items_[g.summary].amount = items_[g.summary].amount.value_or(Money()) + *d.amount;
    }
  } else if (g.kept < kKeptPerRuleAndFile) {
    ++g.kept;
    items_.push_back(std::move(d));
    return;
  } else if (g.summary == static_cast<std::size_t>(-1)) {
    g.summary = items_.size();
    Diagnostic sum{d.severity, d.rule, {}, {d.place.file, 0, 0}, d.unreadable, 1};
    sum.amount = d.amount;
    items_.push_back(std::move(sum));
  } else {
    Diagnostic& sum = items_[g.summary];
    ++sum.more;
    sum.unreadable = sum.unreadable || d.unreadable;
    if (d.amount) sum.amount = sum.amount.value_or(Money()) + *d.amount;
    if (d.severity > sum.severity) sum.severity = d.severity;
  }
  Diagnostic& sum = items_[g.summary];
  sum.message = fmt::format(
      "{} more findings like the ones above, counted but not listed (grantkit keeps the first "
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
void Diagnostics::error(std::string rule, std::string message, SourcePlace place, Subject subject) {
  Diagnostic d{Severity::error, std::move(rule), std::move(message), std::move(place), false};
  d.amount = subject.amount;
  d.about = std::move(subject.about);
  add(std::move(d));
}
void Diagnostics::warning(std::string rule, std::string message, SourcePlace place,
                          Subject subject) {
  Diagnostic d{Severity::warning, std::move(rule), std::move(message), std::move(place), false};
  d.amount = subject.amount;
  d.about = std::move(subject.about);
  add(std::move(d));
}
void Diagnostics::info(std::string rule, std::string message, SourcePlace place, Subject subject) {
  Diagnostic d{Severity::info, std::move(rule), std::move(message), std::move(place), false};
  d.amount = subject.amount;
  d.about = std::move(subject.about);
  add(std::move(d));
}
void Diagnostics::add(Diagnostic d, Subject subject) {
  d.amount = subject.amount;
  d.about = std::move(subject.about);
  add(std::move(d));
}
void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) add(d);
}
void Diagnostics::append_unique(const Diagnostics& other) {
  // Keyed by every field, so that a long list is merged in linear time.
  auto key = [](const Diagnostic& d) {
    return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", static_cast<int>(d.severity), d.rule,
                       d.message, d.place.file, d.place.line, d.place.column);
  };
  std::unordered_set<std::string> seen;
  for (const auto& d : items_) seen.insert(key(d));
  for (const auto& d : other.items_) {
    if (seen.insert(key(d)).second) items_.push_back(d);
  }
}
bool Diagnostics::has_errors() const {
  return count(Severity::error) > 0;
}
bool Diagnostics::has_warnings() const {
  return count(Severity::warning) > 0;
}
bool Diagnostics::has_unreadable() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Diagnostic& d) { return d.unreadable; });
}
std::size_t Diagnostics::count(Severity s) const {
  std::size_t n = 0;
  for (const auto& d : items_) {
    if (d.severity == s) n += d.more > 0 ? d.more : 1;
  }
  return n;
}

}  // namespace grantkit::core
