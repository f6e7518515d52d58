// Findings on a terminal: control characters escaped so that each stays one `FILE:LINE:COL: …`
// line; merging findings of several reports keeps each once.
#include <doctest/doctest.h>

#include <grantkit/core/diagnostic.hpp>

using grantkit::core::Diagnostic;
using grantkit::core::Diagnostics;
using grantkit::core::escape_control;
using grantkit::core::format_diagnostic;
using grantkit::core::Severity;

TEST_CASE("escape_control shows control characters and keeps text") {
  CHECK(escape_control("Lön oktober – 12 %") == "Lön oktober – 12 %");
  CHECK(escape_control("a\rb\nc\td") == "a\\rb\\nc\\td");
  CHECK(escape_control("\x1b[2J\x1b[31mröd\x07\x7f") == "\\x1b[2J\\x1b[31mröd\\x07\\x7f");
  CHECK(escape_control(std::string("nul\0x", 5)) == "nul\\x00x");
  // C1 controls in UTF-8 (U+009B is CSI on some terminals) and bytes that are not UTF-8.
  CHECK(escape_control("a\xc2\x9b"
                       "b") == "a\\u009bb");
  CHECK(escape_control("\xf6l") == "\\xf6l");                       // Latin-1 ö
  CHECK(escape_control("\xe2\x82") == "\\xe2\\x82");                // cut short
  CHECK(escape_control("\xc0\xaf") == "\\xc0\\xaf");                // overlong
  CHECK(escape_control("\xed\xa0\x80") == "\\xed\\xa0\\x80");       // surrogate
  CHECK(escape_control("\xf0\x9f\x98\x80") == "\xf0\x9f\x98\x80");  // U+1F600 kept
}

TEST_CASE("format_diagnostic keeps one line whatever the file name and message hold") {
  Diagnostic d{Severity::warning,
               "ledger.unknown-activity",
               "'Resa\r\x1b]0;x\x07' is excluded",
               {"led\nger.csv", 7, 1},
               false};
  std::string line = format_diagnostic(d);
  CHECK(
      line ==
      "led\\nger.csv:7:1: warning: 'Resa\\r\\x1b]0;x\\x07' is excluded [ledger.unknown-activity]");
  CHECK(line.find('\n') == std::string::npos);
}

TEST_CASE("append_unique keeps each finding once, in order") {
  Diagnostics a, b;
  a.warning("budget.over", "A1 over", {"p.yaml", 3, 5});
  b.warning("budget.over", "A1 over", {"p.yaml", 3, 5});  // the same: dropped
  b.warning("budget.over", "A1 over", {"p.yaml", 4, 5});  // another place: kept
  b.error("budget.over", "A1 over", {"p.yaml", 3, 5});    // another severity: kept
  b.warning("budget.over", "A2 over");
  a.append_unique(b);
  REQUIRE(a.items().size() == 4);
  CHECK(a.items()[1].place.line == 4);
  CHECK(a.items()[2].severity == Severity::error);
  CHECK(a.items()[3].message == "A2 over");
  a.append_unique(b);
  CHECK(a.items().size() == 4);
}
