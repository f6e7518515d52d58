#pragma once
// A YAML document read into grantkit's own tree, with the place of every node.
//
// yaml-cpp 0.7 is used only as an event parser: its Node API keeps duplicate keys silently, reads
// `010` as octal and `yes` as true, expands alias cycles and reports deep nesting as "bad file".
// Building our own tree from the events closes each of those traps in one place.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <grantkit/core/diagnostic.hpp>

namespace grantkit::io {

struct YamlEntry;

// One YAML node. Scalars keep their exact text and whether they were quoted (a quoted `"010"` is
// text; a plain `010` is refused where a number is wanted). `place` is 1-based line and column.
struct YamlNode {
  enum class Kind { null, scalar, sequence, map };
  Kind kind = Kind::null;
  std::string text;     // scalars only
  bool quoted = false;  // scalars written in quotes or as a block literal
  core::SourcePlace place;
  std::vector<YamlNode> items;     // sequence
  std::vector<YamlEntry> entries;  // map, in file order, keys are scalars

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_map() const { return kind == Kind::map; }
  bool is_sequence() const { return kind == Kind::sequence; }
  // The value of `key` in a map, or nullptr when absent (or when this is not a map).
  const YamlNode* find(std::string_view key) const;
};

// One key and its value in a map.
struct YamlEntry {
  YamlNode key;
  YamlNode value;
};

// Most nesting a grantkit file may have; deeper input is refused with `yaml.depth`.
inline constexpr int kMaxYamlDepth = 64;

// Parses one YAML document from `text` (a file's bytes; a UTF-8 BOM is skipped, CR-only and CRLF
// line ends are normalised). On failure returns nothing and adds an unreadable diagnostic:
// `yaml.syntax`, `yaml.depth`, `yaml.alias` (anchors and aliases are refused: no cycles, no bombs),
// `yaml.multiple-documents`, `yaml.encoding`. Duplicate keys give `yaml.duplicate-key` (an error
// naming both places) and the document is still returned with the first value.
std::optional<YamlNode> parse_yaml(std::string_view text, const std::string& file,
                                   core::Diagnostics& diags);

// Reads a whole file and parses it; a missing or unreadable file is `io.read` (unreadable).
std::optional<YamlNode> load_yaml_file(const std::string& path, core::Diagnostics& diags);

// Reads a whole regular file into a string; nullopt when it is missing, not readable, or not a
// regular file (a folder opens like a file on Linux and would read as empty).
std::optional<std::string> read_file_bytes(const std::string& path);

}  // namespace grantkit::io
