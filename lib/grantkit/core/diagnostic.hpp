#pragma once
// Diagnostics: what every check and loader reports, with a place and a stable rule id.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <grantkit/core/money.hpp>

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
  // Non-zero on the one summary a Diagnostics keeps per rule and file once it holds
  // kKeptPerRuleAndFile of them: how many more findings of that rule and file there were, counted
  // but not kept (the summary itself is not a finding).
  std::size_t more = 0;
  // The money at stake, where the rule knows it (öre): the excluded row's amount, how far over a
  // budget, a co-financier's shortfall. The monthly report ranks its action list by it (its
  // absolute value) and sums routine findings with it; on a summary (`more`), the sum of the
  // amounts of the findings it counts.
  std::optional<Money> amount = std::nullopt;
  // The ids the finding is about, where it names them: the ledger row's voucher, an activity, a
  // person (staff id), a co-financier, a cost category. An `accept:` of project.yaml matches its
  // `where` against these and the file.
  std::vector<std::string> about = {};
  // Non-empty when an `accept:` of project.yaml acknowledges the finding: its reason. The finding
  // is then information (it is expected), shown with the reason, never as a warning.
  std::string accepted = {};
};

// What a finding is about and the money at stake (Diagnostic::amount, Diagnostic::about), for the
// overloads of Diagnostics::error, warning and info that take it.
struct Subject {
  std::optional<Money> amount = std::nullopt;
  std::vector<std::string> about = {};
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

// An ordered list of diagnostics with helpers to add and query them, in bounded memory: per rule
// and file the first kKeptPerRuleAndFile findings are kept whole; every further one is only
// counted, in one summary diagnostic (Diagnostic::more) placed after them, so that a ledger of a
// million bad rows costs no more memory than one of good rows. Counts (count, has_errors, …) cover
// every finding, kept or not.
class Diagnostics {
 public:
  // Findings kept whole per rule and file: more than the CLI prints without --verbose (50 per
  // rule), and what --verbose prints before the summary.
  static constexpr std::size_t kKeptPerRuleAndFile = 1000;
  void add(Diagnostic d);
  // `d` with what it is about and the money at stake (Diagnostic::amount, Diagnostic::about).
  void add(Diagnostic d, Subject subject);
  void error(std::string rule, std::string message, SourcePlace place = {});
  void warning(std::string rule, std::string message, SourcePlace place = {});
  void info(std::string rule, std::string message, SourcePlace place = {});
  void error(std::string rule, std::string message, SourcePlace place, Subject subject);
  void warning(std::string rule, std::string message, SourcePlace place, Subject subject);
  void info(std::string rule, std::string message, SourcePlace place, Subject subject);
  // An error for input that cannot be read at all (missing file, YAML syntax): exit code 2.
  void unreadable(std::string rule, std::string message, SourcePlace place = {});
  void append(const Diagnostics& other);
  // Appends the findings of `other` that are not here yet (same severity, rule, message and
  // place): what several reports computed on one project find twice is printed once.
  void append_unique(const Diagnostics& other);

  const std::vector<Diagnostic>& items() const { return items_; }
  // The findings to annotate in place (core::apply_accepts): severity, `accepted` and `amount`
  // may change; rule and file must not (they key the bounded groups).
  std::vector<Diagnostic>& annotate() { return items_; }
  bool has_errors() const;
  bool has_warnings() const;
  bool has_unreadable() const;
  std::size_t count(Severity s) const;
  bool empty() const { return items_.empty(); }
  // Every finding, the ones not kept included (items() holds at most the kept ones and summaries).
  std::size_t total() const;

 private:
  struct Group {
    std::size_t kept = 0;
    std::size_t summary = static_cast<std::size_t>(-1);  // index of the summary in items_, if any
  };
  std::vector<Diagnostic> items_;
  std::map<std::string, Group, std::less<>> groups_;  // rule + '\0' + file
};

}  // namespace grantkit::core
