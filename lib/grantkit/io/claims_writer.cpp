// `claim --record`: appending a payment request to the register claims.yaml, keeping its text.
#include <cctype>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include <grantkit/core/file.hpp>
#include <grantkit/core/i18n.hpp>
#include <grantkit/core/utf8.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/io/yaml_doc.hpp>

namespace grantkit::io {

namespace {

// A YAML double-quoted scalar: `"` and `\` escaped, control characters as \xNN, so that any
// voucher, file name or id reads back as the same text.
std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// An id or category as plain text where YAML reads it back as the same text (letters, digits
// and `_`, not starting with a digit unless all digits without a leading zero), else quoted.
std::string yaml_key(std::string_view text) {
  bool word =
      !text.empty() && text.size() <= 64 &&
      text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") ==
          std::string_view::npos;
  bool digits = word && text.find_first_not_of("0123456789") == std::string_view::npos;
  bool ok =
      word && (digits ? text[0] != '0' || text.size() == 1 : !(text[0] >= '0' && text[0] <= '9'));
  static const char* kReserved[] = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"};
  for (const char* r : kReserved) {
    std::string lower(text);
    for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (lower == r) ok = false;
  }
  return ok ? std::string(text) : yaml_quoted(text);
}

std::string amount(core::Money m) {
  return yaml_quoted(core::format_money_plain(m));
}

// The entry's lines, each indented by `indent` spaces (the column of the list's `-`).
std::string entry_text(const model::Claim& c, int indent) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  std::string in = pad + "  ";
  std::string out;
  out += fmt::format("{}- id: {}\n", pad, yaml_key(c.id));
  out += fmt::format("{}period: {{from: {}, to: {}}}\n", in, core::format_iso(c.period.from),
                     core::format_iso(c.period.to));
  if (c.submitted) out += fmt::format("{}submitted: {}\n", in, core::format_iso(*c.submitted));
  if (c.reported) {
    if (c.reported->empty()) {
      out += in + "reported: {}\n";
    } else {
      out += in + "reported:\n";
      for (const auto& [cat, m] : *c.reported)
        out += fmt::format("{}  {}: {}\n", in, yaml_key(cat), amount(m));
    }
  }
  if (c.aid_claimed) out += fmt::format("{}aid_claimed: {}\n", in, amount(*c.aid_claimed));
  out += in + "status: submitted\n";
  if (c.transactions) {
    if (c.transactions->empty()) {
      out += in + "transactions: []\n";
    } else {
      out += in + "transactions:\n";
      for (const auto& t : *c.transactions) {
        out += fmt::format("{}  - {{date: {}, voucher: {}, file: {}, category: {}, amount: {}}}\n",
                           in, core::format_iso(t.date), yaml_quoted(t.voucher),
                           yaml_quoted(t.file), yaml_key(t.category), amount(t.amount));
      }
    }
  }
  return out;
}

// Where the `claims:` key of a register's text starts (a line `claims:` at column 1), or npos.
std::size_t claims_key(const std::string& text) {
  std::size_t at = 0;
  while (at < text.size()) {
    if (text.compare(at, 7, "claims:") == 0) return at;
    std::size_t nl = text.find('\n', at);
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  return std::string::npos;
}

bool same_claim(const model::Claim& a, const model::Claim& b) {
  if (a.id != b.id || !(a.period == b.period) || a.submitted != b.submitted ||
      a.aid_claimed != b.aid_claimed || a.reported != b.reported)
    return false;
  if (!a.transactions || !b.transactions) return !a.transactions && !b.transactions;
  if (a.transactions->size() != b.transactions->size()) return false;
  for (std::size_t i = 0; i < a.transactions->size(); ++i) {
    const auto& x = (*a.transactions)[i];
    const auto& y = (*b.transactions)[i];
    if (x.file != y.file || x.voucher != y.voucher || x.date != y.date ||
        x.category != y.category || x.amount != y.amount)
      return false;
  }
  return true;
}

}  // namespace

bool append_claim(const std::string& dir, const model::Claim& claim, core::Diagnostics& diags) {
  namespace fs = std::filesystem;
  const std::string file = (fs::path(dir) / "claims.yaml").string();
  std::string text;
  std::vector<model::Claim> before;
  bool exists = fs::exists(file);
  if (exists) {
    auto bytes = read_file_bytes(file);
    if (!bytes) {
      diags.unreadable("io.read", _("claims.yaml cannot be read"), {file, 0, 0});
      return false;
    }
    text = std::move(*bytes);
    core::Diagnostics read;
    auto root = parse_yaml(text, file, read);
    if (root) read_claims_document(*root, before, read);
    if (read.has_errors()) {
      diags.append(read);
      return false;
    }
  }
  for (const auto& c : before) {
    if (c.status != model::ClaimStatus::draft && c.period == claim.period) {
      diags.error(
          "claim.record-exists",
          fmt::format(fmt::runtime(_("request {} for {} is already in the register: nothing was "
                                     "recorded (change its entry by hand if the request "
                                     "was sent again)")),
                      c.id, c.period.iso()),
          c.place);
      return false;
    }
  }

  std::string out;
  if (!exists) {
    out =
        "schema: grantkit/claims/1\n"
        "# The register of payment requests (ansökan om utbetalning): FORMATS in docs/formats.md.\n"
        "claims:\n" +
        entry_text(claim, 2);
  } else {
    std::size_t key = claims_key(text);
    if (key == std::string::npos) {
      diags.error(
          "claim.record-format",
          _("claims.yaml has no `claims:` line at the start of a line: the request cannot be "
            "appended; nothing was recorded"),
          {file, 0, 0});
      return false;
    }
    std::size_t line_end = text.find('\n', key);
    std::string rest_of_line = text.substr(
        key + 7, line_end == std::string::npos ? std::string::npos : line_end - key - 7);
    // What follows `claims:` on its line, without a comment.
    std::string value = rest_of_line.substr(0, rest_of_line.find('#'));
    value.erase(0, value.find_first_not_of(" \t"));
    value.erase(value.find_last_not_of(" \t\r") + 1);
    if (value == "[]" || value == "~" || value == "null") {
      // An empty list written inline: the key line becomes a block list's.
      out = text.substr(0, key) + "claims:\n" +
            (line_end == std::string::npos ? std::string() : text.substr(line_end + 1));
      if (!out.empty() && out.back() != '\n') out += '\n';
      out += entry_text(claim, 2);
    } else if (!value.empty()) {
      diags.error(
          "claim.record-format",
          _("claims.yaml writes its `claims:` list inline (flow style): write it as a block list "
            "(one `- id: …` entry per request) so that a request can be appended; nothing "
            "was recorded"),
          {file, 0, 0});
      return false;
    } else {
      // The indent of the list's first item, else two spaces.
      int indent = 2;
      std::size_t at = line_end == std::string::npos ? text.size() : line_end + 1;
      while (at < text.size()) {
        std::size_t nl = text.find('\n', at);
        std::string_view line(text.data() + at, (nl == std::string::npos ? text.size() : nl) - at);
        std::size_t first = line.find_first_not_of(' ');
        if (first != std::string_view::npos && line[first] != '#' && line[first] != '\r') {
          if (line[first] == '-') indent = static_cast<int>(first);
          break;
        }
        if (nl == std::string::npos) break;
        at = nl + 1;
      }
      out = text;
      if (!out.empty() && out.back() != '\n') out += '\n';
      out += entry_text(claim, indent);
    }
  }

  // Read the new text back: it must hold the requests it held and this one, unchanged.
  core::Diagnostics check;
  std::vector<model::Claim> after;
  auto root = parse_yaml(out, file, check);
  if (root) read_claims_document(*root, after, check);
  bool same = root && !check.has_errors() && after.size() == before.size() + 1 &&
              same_claim(after.back(), claim);
  for (std::size_t i = 0; same && i < before.size(); ++i) same = same_claim(before[i], after[i]);
  if (!same) {
    diags.error("claim.record-format",
                _("appending the request to claims.yaml would change what the file says (its "
                  "`claims:` list must be the last key, as a block list): nothing was recorded"),
                {file, 0, 0});
    return false;
  }
  auto written = core::write_file_atomically(file, out);
  if (!written) {
    diags.unreadable(
        "io.write",
        fmt::format(fmt::runtime(_("claims.yaml could not be written: {}")), written.error()),
        {file, 0, 0});
    return false;
  }
  return true;
}

}  // namespace grantkit::io
