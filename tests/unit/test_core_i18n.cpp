#include <doctest/doctest.h>

#include <cstdlib>

#include <grantkit/core/i18n.hpp>

using grantkit::core::Language;
using grantkit::core::Money;
using grantkit::core::Percent;

namespace {
// Puts the library's default back, whatever a test chose (tests share one process).
struct RestoreLanguage {
  ~RestoreLanguage() { grantkit::core::set_language(Language::library); }
};
}  // namespace

TEST_CASE("format_kr and message_percent follow the message language, at full precision") {
  RestoreLanguage restore;
  Money m = Money::from_ore(1'850'050);
  Percent p = Percent::from_millionths(452'400);
  grantkit::core::set_language(Language::library);
  CHECK(grantkit::core::format_kr(m) == "18 500,50 kr");
  CHECK(grantkit::core::message_percent(p) == "45,24 %");
  grantkit::core::set_language(Language::en);
  CHECK(grantkit::core::format_kr(m) == "18,500.50 kr");
  CHECK(grantkit::core::format_kr(Money::from_ore(1'850'000)) == "18,500 kr");
  CHECK(grantkit::core::format_kr(Money::from_ore(1'850'000), true) == "18,500.00 kr");
  CHECK(grantkit::core::message_percent(p) == "45.24 %");
  grantkit::core::set_language(Language::sv);
  CHECK(grantkit::core::format_kr(Money::from_ore(-1'850'000)) == "-18 500 kr");
  CHECK(grantkit::core::message_percent(Percent::from_millionths(452'412)) == "45,2412 %");
}

TEST_CASE("translate: English without a language, Swedish from the catalogue beside the program") {
  RestoreLanguage restore;
  grantkit::core::set_language(Language::library);
  CHECK(std::string(grantkit::_("the file is empty")) == "the file is empty");
  grantkit::core::set_language(Language::en);
  CHECK(std::string(grantkit::_("the file is empty")) == "the file is empty");
  // A hostile environment: LANG=C (under which glibc ignores LANGUAGE) and another LANGUAGE.
  ::unsetenv("LC_ALL");
  ::setenv("LANG", "C", 1);
  ::setenv("LANGUAGE", "fr", 1);
  // The tests' binary lies in the build tree beside locale/ (CMake builds the catalogue first).
  REQUIRE(grantkit::core::set_language(Language::sv));
  CHECK(std::string(grantkit::_("the file is empty")) == "filen är tom");
  // A message without a translation, and the empty message, stay as they are.
  CHECK(std::string(grantkit::_("no such message in the catalogue")) ==
        "no such message in the catalogue");
  CHECK(std::string(grantkit::_("")).empty());
  grantkit::core::set_language(Language::en);
  CHECK(std::string(grantkit::_("the file is empty")) == "the file is empty");
}
