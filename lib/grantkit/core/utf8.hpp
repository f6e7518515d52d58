#pragma once
// UTF-8 text that every output can carry: JSON must be UTF-8 (RFC 8259 §8.1), XML parts of an XLSX
// must be well-formed characters, and a finding must quote whole characters. Bytes that are not
// UTF-8 (a folder name in Latin-1, a byte cut out of a multi-byte character) are shown as `\xNN`.
#include <cstddef>
#include <string>
#include <string_view>

namespace grantkit::core {

// The length (1–4) of the well-formed UTF-8 sequence starting at s[i] (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF), or 0 when the byte there does not start one.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// Whether all of `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

// `s` with every byte that is not part of a well-formed UTF-8 sequence written as the four
// characters `\xNN` (upper-case hex); valid text is returned unchanged. `12\xE2` for `12` and the
// first byte of `€`.
std::string utf8_or_escaped(std::string_view s);

// The character at s[i] for a message: `'€' (U+20AC)` for a character outside ASCII, `'x'` for a
// printable ASCII one, `U+0009` for a control character, `the byte \xE2` for a byte that does not
// start a UTF-8 character. `U+2212 '−'` is how a minus sign that is not `-` gets named.
std::string describe_character(std::string_view s, std::size_t i);

}  // namespace grantkit::core
