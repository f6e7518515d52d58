#include <grantkit/core/utf8.hpp>

#include <cstdint>

#include <fmt/format.h>

namespace grantkit::core {

namespace {

// The code point of the well-formed sequence of `len` bytes at s[i].
std::uint32_t code_point(std::string_view s, std::size_t i, std::size_t len) {
  auto b = [&](std::size_t k) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i + k]));
  };
  switch (len) {
    case 1:
      return b(0);
    case 2:
      return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3:
      return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    default:
      return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  }
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  unsigned char c = at(0);
  if (c < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte (RFC 3629 §4)
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (at(1) < lo || at(1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (at(k) < 0x80 || at(k) > 0xBF) return 0;
  }
  return len;
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string utf8_or_escaped(std::string_view s) {
  if (is_valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 16);
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(s[i]));
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string describe_character(std::string_view s, std::size_t i) {
  if (i >= s.size()) return "the end of the text";
  std::size_t n = utf8_sequence_length(s, i);
  if (n == 0)
    return fmt::format("the byte \\x{:02X} (not UTF-8)", static_cast<unsigned char>(s[i]));
  std::uint32_t cp = code_point(s, i, n);
  if (cp < 0x20 || cp == 0x7F) return fmt::format("U+{:04X} (a control character)", cp);
  if (cp < 0x80) return fmt::format("'{}'", s[i]);
  if ((cp >= 0x80 && cp < 0xA0) || (cp >= 0x200B && cp <= 0x200F) ||
      (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF) {
    return fmt::format("U+{:04X} (an invisible or control character)", cp);
  }
  return fmt::format("'{}' (U+{:04X})", s.substr(i, n), cp);
}

}  // namespace grantkit::core
