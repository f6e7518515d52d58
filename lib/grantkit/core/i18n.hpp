#pragma once
// The language of messages (findings, labels computed in the library) through GNU gettext: the
// source text in the code is English, po/sv.po holds the Swedish, built by CMake (msgfmt) into
// `grantkit.mo` of the text domain "grantkit". A translated literal is written `_("…")`; a
// template `fmt::format(fmt::runtime(_("… {} …")), …)` (the placeholders of both are the same:
// tests/cli/po_complete.sh).
#include <string>

#include <grantkit/core/money.hpp>
#include <grantkit/core/percent.hpp>

namespace grantkit::core {

// `library`: nothing chosen (the library's own default, e.g. in unit tests): English text with
// Swedish number style, as messages have always been written. `sv`: Swedish text from the
// catalogue, Swedish number style (`18 500,50 kr`, `45,24 %`). `en`: the English source text with
// English number style (`18,500.50 kr`, `45.24 %`), as the renderers write each language.
enum class Language { library, sv, en };

// Chooses the language of every message from now on, whatever the environment says (LANG,
// LC_ALL, LANGUAGE): sv binds the catalogue found next to the program (its build tree's
// `locale/`, or the install prefix's `share/locale`, or the configured locale folder) and sets
// what glibc needs to use it (LC_MESSAGES to C.UTF-8, since glibc ignores LANGUAGE under "C", and
// LANGUAGE=sv). Returns false when Swedish was asked for and no catalogue was found: messages then
// stay in English, never fail. Call once, before any message is made.
bool set_language(Language lang);
Language language();

// The message `msgid` in the chosen language: its Swedish translation under sv when the
// catalogue has one, else `msgid` itself (never null; an empty msgid stays empty).
const char* translate(const char* msgid);

// Amounts inside a message: core::format_kr, which follows the language chosen here.
// A percentage inside a message, at full precision (four decimals at most, no trailing zeros):
// `45,24 %` (sv and library), `45.24 %` (en).
std::string message_percent(Percent p);

}  // namespace grantkit::core

namespace grantkit {
// A translated literal: `_("the budget is exceeded")`. xgettext reads `_` as the keyword.
inline const char* _(const char* msgid) {
  return core::translate(msgid);
}
}  // namespace grantkit
