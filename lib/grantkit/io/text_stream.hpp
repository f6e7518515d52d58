#pragma once
// A text file read block by block as UTF-8, so that reading a ledger of any size takes the same
// memory: the readers (CsvReader, the SIE reader) parse what is pending, consume it, and ask for
// the next block.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <grantkit/core/result.hpp>
#include <grantkit/io/csv.hpp>

namespace grantkit::io {

// Why a file cannot be decoded: the message and the place of the first byte that cannot be read
// (line and column as TextPosition counts them; 0 for UTF-16, whose lines are not bytes).
struct DecodeError {
  std::string message;
  TextPosition where;
  bool io = false;  // the file could not be opened or read at all (not a fault of its bytes)
};

// Checks that the whole file at `path` can be read in `encoding` (the encodings of io::to_utf8),
// streaming it block by block: nothing when it can, else the first fault. The readers call it
// before handing on any row, so that a file with a bad byte anywhere counts not at all (never in
// part). A file that cannot be opened or read is a DecodeError with `io` set and no place.
std::optional<DecodeError> check_encoding(const std::string& path, std::string_view encoding);

// The text of a file (converted to UTF-8 from `encoding`, a BOM dropped) or of a string, read in
// blocks of `block` bytes. pending() is what has been read and not consumed; fill() reads the
// next block after it. A view into pending() stays valid until the next fill().
//
// The decoding itself is not checked here (see check_encoding): invalid UTF-8 passes through as
// bytes, and a byte iconv cannot convert ends the text with error().
class TextStream {
 public:
  // The whole of `text` (UTF-8, not copied), pending at once.
  explicit TextStream(std::string_view text);
  // The file at `path`; `encoding` as io::to_utf8 (utf-8 when empty). A UTF-16 BOM is honoured
  // whatever the source says. An open failure is error() with nothing pending.
  TextStream(const std::string& path, std::string_view encoding, std::size_t block = 1 << 20);
  ~TextStream();
  TextStream(const TextStream&) = delete;
  TextStream& operator=(const TextStream&) = delete;

  std::string_view pending() const { return {data_ + begin_, end_ - begin_}; }
  // Marks the first `n` bytes of pending() as read.
  void consume(std::size_t n) { begin_ += n; }
  // Reads on and appends to pending() (moving the pending text to the front of the buffer first):
  // at least one block, and at least as much as was pending, so that pending() at least doubles
  // until the end (a reader that parses a long record again from its start after each fill() then
  // takes linear time). False when nothing more can be read: the end of the file, or error().
  bool fill();
  // Whether the whole input has been read into the buffer (pending() is all that is left).
  bool at_end() const { return at_end_; }
  // The encoding read: the source's (utf-8 when it names none), or utf-16le / utf-16be by a BOM.
  const std::string& encoding() const { return encoding_; }
  // Set when the file could not be opened, read or converted.
  const std::string& error() const { return error_; }
  // Whether the error is that the file could not be opened or read (not a fault of its bytes).
  bool io_failed() const { return io_failed_; }
  // The offset in the file of the byte that could not be converted, when that was the error.
  std::optional<std::size_t> bad_offset() const { return bad_offset_; }

 private:
  void read_block();
  std::string buf_;  // decoded text (files only)
  const char* data_ = nullptr;
  std::size_t begin_ = 0, end_ = 0;
  int fd_ = -1;
  std::size_t block_ = 0;
  std::string raw_;             // undecoded bytes (non-UTF-8 files), with a carried incomplete tail
  std::size_t carry_ = 0;       // bytes of an incomplete character left in raw_ from the last block
  void* iconv_ = nullptr;       // iconv_t when the file is not UTF-8
  const char* from_ = "";       // its iconv name
  std::size_t raw_offset_ = 0;  // the file offset of raw_[0]
  std::optional<std::size_t> bad_offset_;
  bool at_end_ = false;
  bool io_failed_ = false;
  std::string encoding_;
  std::string error_;
};

}  // namespace grantkit::io
