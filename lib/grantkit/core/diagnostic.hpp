#pragma once
// Diagnostics: what every check and loader reports, with a place and a stable rule id.
#include <cstddef>
#include <string>
#include <vector>

namespace grantkit::core {

enum class Severity { info, warning, error };

// A place in an input file; line and column are 1-based, 0 when the finding has no place.
struct SourcePlace {
  std::string file;
  int line = 0;
  int column = 0;
};

// One finding: `FILE:LINE:COL: error|warning|info: MESSAGE [rule.id]` (CLI.md "Diagnostics").
// `unreadable` marks input that could not be read at all (exit code 2 instead of 1).
struct Diagnostic {
  Severity severity = Severity::error;
  std::string rule;
  std::string message;
  SourcePlace place;
  bool unreadable = false;
};

std::string_view severity_name(Severity s);
// Text made safe for one line of a terminal: control characters shown as escapes (`\r`, `\n`,
// `\t`, `\x1b`, DEL `\x7f`, the C1 controls U+0080–U+009F as `\u009b`) and bytes that are not
// UTF-8 as `\xNN`, so that no finding can move the cursor, recolour or overwrite a line; all other
// text (Swedish letters included) is kept as it is.
std::string escape_control(std::string_view text);
// The one-line form of CLI.md; line:col omitted when unknown, file omitted when empty. File and
// message pass through escape_control, so that the line stays `FILE:LINE:COL: …`.
std::string format_diagnostic(const Diagnostic& d);

// An ordered list of diagnostics with helpers to add and query them.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(std::string rule, std::string message, SourcePlace place = {});
  void warning(std::string rule, std::string message, SourcePlace place = {});
  void info(std::string rule, std::string message, SourcePlace place = {});
  // An error for input that cannot be read at all (missing file, YAML syntax): exit code 2.
  void unreadable(std::string rule, std::string message, SourcePlace place = {});
  void append(const Diagnostics& other);
  // Appends the findings of `other` that are not here yet (same severity, rule, message and
  // place): what several reports computed on one project find twice is printed once.
  void append_unique(const Diagnostics& other);

  const std::vector<Diagnostic>& items() const { return items_; }
  bool has_errors() const;
  bool has_warnings() const;
  bool has_unreadable() const;
  std::size_t count(Severity s) const;
  bool empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace grantkit::core
