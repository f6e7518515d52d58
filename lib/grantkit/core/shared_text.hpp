#pragma once
// Text that many records repeat (a person's id on every time-report row, the file every row of a
// file came from), held once and shared, so that a million rows cost a pointer each instead of a
// copy each. Immutable: a record that needs other text gets another SharedText.
#include <compare>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include <grantkit/core/diagnostic.hpp>

namespace grantkit::core {

// Immutable text, shared between copies (a reference-counted std::string). Reads as a
// `const std::string&` or a `std::string_view` wherever one is wanted; compares by its text.
// Default-constructed it is empty. One pointer wide (a std::shared_ptr would be two), because a
// time report keeps four of them on each of its millions of rows (model::TimeEntry). The count is
// not atomic: a SharedText and its copies belong to one thread (grantkit runs on one).
class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string text) : block_(new Block{1, std::move(text)}) {}
  SharedText(const char* text) : SharedText(std::string(text)) {}
  SharedText(std::string_view text) : SharedText(std::string(text)) {}
  SharedText(const SharedText& other) noexcept : block_(other.block_) {
    if (block_) ++block_->count;
  }
  SharedText(SharedText&& other) noexcept : block_(other.block_) { other.block_ = nullptr; }
  SharedText& operator=(SharedText other) noexcept {
    std::swap(block_, other.block_);
    return *this;
  }
  ~SharedText() {
    if (block_ && --block_->count == 0) delete block_;
  }

  const std::string& str() const { return block_ ? block_->text : empty_text(); }
  operator const std::string&() const { return str(); }
  operator std::string_view() const { return str(); }
  bool empty() const { return str().empty(); }
  std::size_t size() const { return str().size(); }
  // How many SharedTexts hold this text (0 for the empty default).
  std::size_t use_count() const { return block_ ? block_->count : 0; }

  friend bool operator==(const SharedText& a, std::string_view b) {
    return std::string_view(a.str()) == b;
  }
  friend std::strong_ordering operator<=>(const SharedText& a, std::string_view b) {
    return std::string_view(a.str()).compare(b) <=> 0;
  }

 private:
  static const std::string& empty_text() {
    static const std::string empty;
    return empty;
  }
  struct Block {
    std::size_t count;
    const std::string text;
  };
  Block* block_ = nullptr;
};

// A SourcePlace whose file name is shared (core::SharedText): what a record read from a file keeps
// of its place. Reads as a SourcePlace wherever one is wanted (a finding's place).
struct SharedPlace {
  SharedText file;
  int line = 0;
  int column = 0;

  operator SourcePlace() const { return {file.str(), line, column}; }
};

}  // namespace grantkit::core

template <>
struct fmt::formatter<grantkit::core::SharedText> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const grantkit::core::SharedText& text, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(std::string_view(text.str()), ctx);
  }
};
