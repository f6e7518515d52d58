#include <grantkit/io/yaml_doc.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <grantkit/core/file.hpp>
#include <grantkit/core/i18n.hpp>

namespace grantkit::io {

const YamlNode* YamlNode::find(std::string_view key) const {
  if (kind != Kind::map) return nullptr;
  for (const auto& [k, v] : entries) {
    if (k.is_scalar() && k.text == key) return &v;
  }
  return nullptr;
}

namespace {

// Thrown inside the event handler to stop yaml-cpp at once.
struct StopParse {
  std::string rule;
  std::string message;
  YAML::Mark mark;
};

core::SourcePlace place_of(const std::string& file, const YAML::Mark& m) {
  return {file, m.line + 1, m.column + 1};
}

// Builds YamlNodes from yaml-cpp's events.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, core::Diagnostics& diags) : file_(file), diags_(diags) {}

  std::optional<YamlNode> root;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    YamlNode n;
    n.kind = YamlNode::Kind::null;
    n.place = place_of(file_, mark);
    add(std::move(n));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw StopParse{"yaml.alias",
                    "aliases (*name) are not supported in grantkit files; write the value out",
                    mark};
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_anchor(mark, anchor);
    check_tag(mark, tag);
    YamlNode n;
    n.kind = YamlNode::Kind::scalar;
    n.text = value;
    n.quoted = tag == "!";  // yaml-cpp tags plain scalars "?" and quoted/literal ones "!"
    n.place = place_of(file_, mark);
    add(std::move(n));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, YamlNode::Kind::sequence);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, YamlNode::Kind::map);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YamlNode node;
    std::optional<YamlNode> pending_key;  // maps: a key waiting for its value
    // Maps: the index in node.entries of each key seen (its kind, then its text), so that a
    // duplicate is found in constant time and a map of n keys is read in O(n).
    std::unordered_map<std::string, std::size_t> seen;
  };

  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      throw StopParse{"yaml.alias",
                      "anchors (&name) are not supported in grantkit files; write the value out",
                      mark};
    }
  }
  void check_tag(const YAML::Mark& mark, const std::string& tag) {
    if (tag != "?" && tag != "!" && !tag.empty()) {
      throw StopParse{
          "yaml.syntax",
          fmt::format(fmt::runtime(_("tags ({}) are not supported in grantkit files")), tag), mark};
    }
  }
  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YamlNode::Kind kind) {
    check_anchor(mark, anchor);
    check_tag(mark, tag);
    if (static_cast<int>(stack_.size()) >= kMaxYamlDepth) {
      throw StopParse{
          "yaml.depth",
          fmt::format(
              fmt::runtime(_("nesting deeper than {} levels; a grantkit file never needs that")),
              kMaxYamlDepth),
          mark};
    }
    Open o;
    o.node.kind = kind;
    o.node.place = place_of(file_, mark);
    stack_.push_back(std::move(o));
  }
  void close() {
    YamlNode n = std::move(stack_.back().node);
    stack_.pop_back();
    add(std::move(n));
  }
  void add(YamlNode n) {
    if (stack_.empty()) {
      root = std::move(n);
      return;
    }
    Open& top = stack_.back();
    if (top.node.kind == YamlNode::Kind::sequence) {
      top.node.items.push_back(std::move(n));
      return;
    }
    if (!top.pending_key) {
      if (!n.is_scalar() && !n.is_null()) {
        YAML::Mark at = YAML::Mark::null_mark();
        at.line = n.place.line - 1;
        at.column = n.place.column - 1;
        throw StopParse{"yaml.syntax", "a map key must be plain text", at};
      }
      top.pending_key = std::move(n);
      return;
    }
    YamlNode key = std::move(*top.pending_key);
    top.pending_key.reset();
    std::string seen_as = (key.kind == YamlNode::Kind::null ? "n" : "s") + key.text;
    auto [it, added] = top.seen.emplace(std::move(seen_as), top.node.entries.size());
    if (!added) {
      const YamlNode& k = top.node.entries[it->second].key;
      diags_.error(
          "yaml.duplicate-key",
          fmt::format(
              fmt::runtime(_("duplicate key '{}' (first at line {}, column {}); the second is "
                             "not used: remove one")),
              key.text, k.place.line, k.place.column),
          key.place);
      return;
    }
    top.node.entries.push_back(YamlEntry{std::move(key), std::move(n)});
  }

  const std::string& file_;
  core::Diagnostics& diags_;
  std::vector<Open> stack_;
};

// Strips a UTF-8 BOM and turns CRLF and lone CR into LF, so yaml-cpp sees one kind of line end.
std::string normalise(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t invalid_utf8_at(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80           ? 1
                      : (c >> 5) == 0x6  ? 2
                      : (c >> 4) == 0xE  ? 3
                      : (c >> 3) == 0x1E ? 4
                                         : 0;
    if (len == 0 || i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

// A tab in the indentation of line `error_line` (0-based) or the line before it: its 1-based line
// and column, or line 0. Asked only once yaml-cpp has refused the text there, so that the tab is
// named as the cause instead of yaml-cpp's "illegal map value" after it.
core::SourcePlace tab_in_indentation(std::string_view text, const std::string& file,
                                     int error_line) {
  int line = 0;
  for (std::size_t i = 0; i < text.size() && line <= error_line; ++line) {
    if (line >= error_line - 1) {
      for (std::size_t k = i; k < text.size() && (text[k] == ' ' || text[k] == '\t'); ++k) {
        if (text[k] == '\t') return {file, line + 1, static_cast<int>(k - i) + 1};
      }
    }
    std::size_t end = text.find('\n', i);
    if (end == std::string_view::npos) break;
    i = end + 1;
  }
  return {file, 0, 0};
}

// YAML allows an implicit (plain) key of at most 1 024 characters (YAML 1.2 §7.4.2); yaml-cpp
// refuses a longer one with a message about the map ("end of map flow not found"). The place of
// the first key longer than that — a run of more than 1 024 characters, on one line, between a
// line start, `{`, `[`, `,` or `- ` and a `:` followed by a blank, `,`, `}` or the line's end — or
// line 0. Asked only once yaml-cpp has refused the text.
constexpr std::size_t kMaxKeyChars = 1024;
core::SourcePlace long_key(std::string_view text, const std::string& file) {
  int line = 1;
  std::size_t start = 0, chars = 0;
  int start_column = 1, column = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool lead = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (c == '\n' || c == '{' || c == '[' || c == ',' ||
        (c == '-' && i + 1 < text.size() && text[i + 1] == ' ' && chars == 0)) {
      if (c == '\n') {
        ++line;
        column = 0;
      }
      chars = 0;
      start = i + 1;
      start_column = column + 1;
    } else if (c == ':' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n' ||
                            text[i + 1] == ',' || text[i + 1] == '}')) {
      if (chars > kMaxKeyChars) return {file, line, start_column};
      chars = 0;
      start = i + 1;
      start_column = column + 1;
    } else if (lead && !(chars == 0 && c == ' ')) {
      if (chars == 0) start_column = column;
      ++chars;
    }
    if (lead) ++column;
  }
  (void)start;
  return {file, 0, 0};
}

}  // namespace

std::optional<YamlNode> parse_yaml(std::string_view text, const std::string& file,
                                   core::Diagnostics& diags) {
  std::string normalised = normalise(text);
  if (auto bad = invalid_utf8_at(normalised); bad != std::string_view::npos) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < bad; ++i) {
      if (normalised[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    diags.unreadable("yaml.encoding", _("the file is not UTF-8; save it as UTF-8"),
                     {file, line, column});
    return std::nullopt;
  }
  std::istringstream in(normalised);
  TreeBuilder builder(file, diags);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder)) {
      diags.unreadable("yaml.syntax", _("the file is empty"), {file, 1, 1});
      return std::nullopt;
    }
    TreeBuilder second(file, diags);
    if (parser.HandleNextDocument(second)) {
      diags.unreadable("yaml.multiple-documents",
                       _("more than one YAML document ('---'); a grantkit file holds one"),
                       second.root ? second.root->place : core::SourcePlace{file, 0, 0});
      return std::nullopt;
    }
  } catch (const StopParse& stop) {
    diags.unreadable(stop.rule, stop.message, place_of(file, stop.mark));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    if (auto tab = tab_in_indentation(normalised, file, e.mark.line); tab.line > 0) {
      diags.unreadable("yaml.syntax",
                       _("a tab in the indentation: YAML indents with spaces only; replace the tab "
                         "with spaces"),
                       tab);
      return std::nullopt;
    }
    if (auto key = long_key(normalised, file); key.line > 0) {
      diags.unreadable("yaml.syntax",
                       _("a key longer than 1 024 characters: YAML allows at most 1 024 "
                         "characters in a key; shorten it"),
                       key);
      return std::nullopt;
    }
    std::string msg = e.msg;
    std::string rule = "yaml.syntax";
    if (msg.find("recursion") != std::string::npos || msg.find("depth") != std::string::npos) {
      rule = "yaml.depth";
      msg = "nesting too deep";
    }
    diags.unreadable(rule, fmt::format(fmt::runtime(_("YAML syntax: {}")), msg),
                     place_of(file, e.mark));
    return std::nullopt;
  }
  if (!builder.root) {
    diags.unreadable("yaml.syntax", _("the file holds no YAML document"), {file, 1, 1});
  }
  return std::move(builder.root);  // moved, not copied: a map of 200 000 keys is held once
}

std::optional<std::string> read_file_bytes(const std::string& path) {
  // A folder (or a device, a pipe) opens like a file on Linux and reads as nothing at all: only a
  // regular file (or a link to one) is read, so a folder named project.yaml is io.read, never an
  // empty file.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(ss).str();
}

std::optional<YamlNode> load_yaml_file(const std::string& path, core::Diagnostics& diags) {
  auto bytes = read_file_bytes(path);
  if (!bytes) {
    if (core::path_kind(path) == core::PathKind::other) {
      diags.unreadable(
          "io.not-a-file",
          fmt::format(fmt::runtime(_("the file is {}, not a regular file: it is not read")),
                      core::path_kind_name(path)),
          {path, 0, 0});
      return std::nullopt;
    }
    std::error_code ec;
    diags.unreadable("io.read",
                     std::filesystem::is_directory(path, ec)
                         ? "cannot read the file: it is a folder"
                         : "cannot read the file (missing or not readable)",
                     {path, 0, 0});
    return std::nullopt;
  }
  return parse_yaml(*bytes, path, diags);
}

}  // namespace grantkit::io
