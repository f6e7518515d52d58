#include <grantkit/core/i18n.hpp>
#include <grantkit/io/text_stream.hpp>

#include <fcntl.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace grantkit::io {

namespace {

constexpr std::size_t kBlock = 1 << 20;

// Reads up to `n` bytes (fewer only at the end of the file); -1 on a read error.
long read_full(int fd, char* to, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    ssize_t r = ::read(fd, to + got, n - got);
    if (r < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (r == 0) break;
    got += static_cast<std::size_t>(r);
  }
  return static_cast<long>(got);
}

// Opens a regular file (a folder, a device or a pipe is not a ledger file); -1 when it cannot.
// Opened without blocking (a FIFO with no writer would block open() forever), checked, and then
// set back to blocking reads.
int open_regular(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return -1;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return -1;
  }
  int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  return fd;
}

iconv_t no_iconv() {
  return reinterpret_cast<iconv_t>(-1);
}

// The iconv name of a source encoding, or nullptr for UTF-8; `known` is false for an encoding
// grantkit does not read.
const char* iconv_name(std::string_view encoding, bool& known) {
  known = true;
  if (encoding.empty() || encoding == "utf-8" || encoding == "utf8") return nullptr;
  if (encoding == "windows-1252" || encoding == "cp1252") return "WINDOWS-1252";
  if (encoding == "cp437" || encoding == "pc8") return "CP437";
  if (encoding == "utf-16le") return "UTF-16LE";
  known = false;
  return nullptr;
}

// The length of the UTF-8 sequence a lead byte opens, 0 for a byte that cannot open one (the
// lenient check of io::to_utf8: the lead byte and continuation bytes only).
std::size_t utf8_length(unsigned char c) {
  return c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
}

// Checks `s` as UTF-8 from its start. Returns the index of the first invalid byte, or npos; when
// `last` is false a sequence cut off by the end of `s` is not an error and `done` stops before it.
std::size_t check_utf8_block(std::string_view s, bool last, std::size_t& done) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    // ASCII eight bytes at a time, straight to the first byte with its high bit set: a ledger is
    // mostly ASCII with a Swedish letter here and there.
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      std::uint64_t high = w & kHigh;
      if (high == 0) {
        i += 8;
        continue;
      }
      if constexpr (std::endian::native == std::endian::little) {
        i += static_cast<std::size_t>(std::countr_zero(high)) / 8;
      } else {
        while (static_cast<unsigned char>(s[i]) < 0x80) ++i;
      }
      break;
    }
    while (i < n && static_cast<unsigned char>(s[i]) < 0x80) ++i;
    if (i >= n) break;
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = utf8_length(c);
    if (len == 0) return i;
    if (i + len > n) {
      if (last) return i;
      done = i;
      return std::string_view::npos;
    }
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  done = n;
  return std::string_view::npos;
}

// The line and column of byte `offset` of the file (counted from byte `skip`, after a BOM),
// read again block by block: only when a fault is reported.
TextPosition position_in_file(const std::string& path, std::size_t skip, std::size_t offset,
                              bool utf8) {
  TextPosition p{1, 1};
  int fd = open_regular(path);
  if (fd < 0) return {};
  std::string block(kBlock, '\0');
  std::size_t at = 0;
  bool after_cr = false;
  while (at < skip + offset) {
    long n = read_full(fd, block.data(), block.size());
    if (n <= 0) break;
    for (long k = 0; k < n && at < skip + offset; ++k, ++at) {
      if (at < skip) continue;
      auto c = static_cast<unsigned char>(block[static_cast<std::size_t>(k)]);
      if (c == '\r' || (c == '\n' && !after_cr)) {
        ++p.line;
        p.column = 1;
      } else if (c != '\n' && !(utf8 && (c & 0xC0) == 0x80)) {
        ++p.column;
      }
      after_cr = c == '\r';
    }
  }
  ::close(fd);
  return p;
}

}  // namespace

std::optional<DecodeError> check_encoding(const std::string& path, std::string_view encoding) {
  bool known = true;
  const char* from = iconv_name(encoding, known);
  if (!known) {
    return DecodeError{
        fmt::format(fmt::runtime(_("unknown encoding '{}' (utf-8, windows-1252, cp437, utf-16le)")),
                    encoding),
        {}};
  }
  int fd = open_regular(path);
  if (fd < 0) return DecodeError{"cannot read the file", {}, true};
  std::string block(kBlock + 4, '\0');
  long n = read_full(fd, block.data(), kBlock);
  std::string_view head(block.data(), n < 0 ? 0 : static_cast<std::size_t>(n));
  bool utf16_bom = head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF";
  if (from || utf16_bom) {
    // Other encodings: the file is converted as TextStream converts it, and the text dropped.
    ::close(fd);
    TextStream in(path, encoding, kBlock);
    while (in.fill()) in.consume(in.pending().size());
    if (in.error().empty()) return std::nullopt;
    TextPosition where;
    if (!utf16_bom && from && std::string_view(from) != "UTF-16LE" && in.bad_offset())
      where = position_in_file(path, 0, *in.bad_offset(), false);
    return DecodeError{in.error(), where, in.io_failed()};
  }
  // UTF-8: checked block by block; a sequence cut by a block's end is carried to the next.
  std::size_t skip = head.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::size_t offset = 0;  // of block[0] in the file after the BOM
  std::size_t start = skip, size = head.size();
  while (true) {
    bool last = n >= 0 && static_cast<std::size_t>(n) < kBlock;
    std::size_t done = 0;
    std::string_view s(block.data() + start, size - start);
    std::size_t bad = check_utf8_block(s, last, done);
    if (bad != std::string_view::npos) {
      ::close(fd);
      return DecodeError{
          fmt::format(fmt::runtime(_("the byte {:02X} is not UTF-8; if the file comes from Excel "
                                     "or an older system, declare "
                                     "encoding: windows-1252 in its source")),
                      static_cast<unsigned char>(s[bad])),
          position_in_file(path, skip, offset + bad, true)};
    }
    if (last) break;
    // Carry the cut sequence (at most 3 bytes) to the front and read the next block after it.
    std::size_t carry = s.size() - done;
    std::memmove(block.data(), s.data() + done, carry);
    offset += done;
    n = read_full(fd, block.data() + carry, kBlock);
    if (n < 0) {
      ::close(fd);
      return DecodeError{"cannot read the file", {}, true};
    }
    start = 0;
    size = carry + static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (n < 0) return DecodeError{"cannot read the file", {}, true};
  return std::nullopt;
}

TextStream::TextStream(std::string_view text)
    : data_(text.data()), end_(text.size()), at_end_(true) {}

TextStream::TextStream(const std::string& path, std::string_view encoding, std::size_t block)
    : block_(block == 0 ? kBlock : block), encoding_(encoding.empty() ? "utf-8" : encoding) {
  at_end_ = true;
  bool known = true;
  const char* from = iconv_name(encoding_, known);
  if (!known) {
    error_ = fmt::format(
        fmt::runtime(_("unknown encoding '{}' (utf-8, windows-1252, cp437, utf-16le)")), encoding_);
    return;
  }
  fd_ = open_regular(path);
  if (fd_ < 0) {
    error_ = "cannot read the file";
    io_failed_ = true;
    return;
  }
  // The first bytes decide on a BOM: a UTF-16 BOM wins over the source's encoding.
  char head[3];
  long h = read_full(fd_, head, 3);
  if (h < 0) {
    error_ = "cannot read the file";
    io_failed_ = true;
    return;
  }
  std::string_view hv(head, static_cast<std::size_t>(h));
  std::size_t skip = 0;
  if (hv.substr(0, 2) == "\xFF\xFE") {
    from = "UTF-16LE";
    encoding_ = "utf-16le";
    skip = 2;
  } else if (hv.substr(0, 2) == "\xFE\xFF") {
    from = "UTF-16BE";
    encoding_ = "utf-16be";
    skip = 2;
  } else if (!from && hv.substr(0, 3) == "\xEF\xBB\xBF") {
    skip = 3;
  }
  if (from) {
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == no_iconv()) {
      error_ = fmt::format(fmt::runtime(_("the encoding {} is not available")), from);
      return;
    }
    iconv_ = cd;
    from_ = from;
    raw_.assign(hv.substr(skip));
    carry_ = raw_.size();
    raw_offset_ = skip;
  } else {
    buf_.assign(hv.substr(skip));
    end_ = buf_.size();
  }
  data_ = buf_.data();
  at_end_ = false;
}

TextStream::~TextStream() {
  if (iconv_) iconv_close(static_cast<iconv_t>(iconv_));
  if (fd_ >= 0) ::close(fd_);
}

bool TextStream::fill() {
  if (at_end_) return false;
  if (begin_ > 0) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  const std::size_t before = end_;
  // At least as much text as is pending, and at least one block; a block may give no text (UTF-16
  // cut inside a character): read on until it does. A reader whose record runs past the pending
  // text parses it again from its start after fill(); with the pending text doubled each time, a
  // record (a 200 MB field) is parsed a logarithmic number of times, in linear time overall, not
  // once per block.
  while ((end_ == before || end_ - before < before) && !at_end_) read_block();
  data_ = buf_.data();
  return end_ > before;
}

void TextStream::read_block() {
  if (!iconv_) {
    if (buf_.size() < end_ + block_) buf_.resize(end_ + block_);
    long n = read_full(fd_, buf_.data() + end_, block_);
    if (n < 0) {
      error_ = "cannot read the file";
      io_failed_ = true;
      at_end_ = true;
    } else {
      end_ += static_cast<std::size_t>(n);
      if (static_cast<std::size_t>(n) < block_) at_end_ = true;
    }
  } else {
    raw_.resize(carry_ + block_);
    long n = read_full(fd_, raw_.data() + carry_, block_);
    if (n < 0) {
      error_ = "cannot read the file";
      io_failed_ = true;
      at_end_ = true;
      n = 0;
    }
    if (static_cast<std::size_t>(n) < block_) at_end_ = true;
    std::size_t in_size = carry_ + static_cast<std::size_t>(n);
    // A byte of a single-byte encoding becomes at most 3 bytes of UTF-8, 2 bytes of UTF-16 at
    // most 3.
    if (buf_.size() < end_ + in_size * 3 + 16) buf_.resize(end_ + in_size * 3 + 16);
    auto cd = static_cast<iconv_t>(iconv_);
    char* in = raw_.data();
    std::size_t in_left = in_size;
    char* out = buf_.data() + end_;
    std::size_t out_left = buf_.size() - end_;
    std::size_t rc = iconv(cd, &in, &in_left, &out, &out_left);
    int err = errno;
    end_ = static_cast<std::size_t>(out - buf_.data());
    carry_ = 0;
    if (rc == static_cast<std::size_t>(-1)) {
      auto at = static_cast<std::size_t>(in - raw_.data());
      if (err == EINVAL && !at_end_) {
        // A character cut by the block's end: kept for the next block.
        std::memmove(raw_.data(), in, in_left);
        carry_ = in_left;
      } else if (error_.empty()) {
        bad_offset_ = raw_offset_ + at;
        if (at < in_size) {
          error_ = fmt::format(
              fmt::runtime(
                  _("the byte {:02X} cannot be read as {} ({}); is the source's encoding right?")),
              static_cast<unsigned char>(raw_[at]), from_,
              err == EILSEQ ? "invalid" : "incomplete");
        } else {
          error_ = fmt::format(fmt::runtime(_("the file ends inside a {} character")), from_);
        }
        at_end_ = true;
      }
      raw_offset_ += at;
    } else {
      raw_offset_ += in_size;
    }
  }
}

}  // namespace grantkit::io
