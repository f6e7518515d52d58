#pragma once
// A hash for the short names a ledger repeats on every row (activity ids, cost categories,
// account numbers), for unordered maps looked up by string_view.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace grantkit::core {

// FNV-1a (64 bit) over the bytes: a few instructions per byte, inlined, where the standard
// library's hash is an out-of-line call that costs more than the lookup it serves on names of
// 4–16 bytes. Transparent, so that a map keyed by std::string is searched with a view.
struct ShortTextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    std::uint64_t h = 14695981039346656037ULL;
    for (char c : text) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
    return static_cast<std::size_t>(h);
  }
};

}  // namespace grantkit::core
