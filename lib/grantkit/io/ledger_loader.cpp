#include <grantkit/io/ledger_loader.hpp>

#include <glob.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include <grantkit/io/csv.hpp>
#include <grantkit/io/yaml_doc.hpp>

namespace grantkit::io {
namespace fs = std::filesystem;

namespace {

// The canonical ledger columns (FORMATS.md); `date` and `amount` are required.
constexpr std::array<std::string_view, 13> kLedgerColumns = {
    "date", "voucher", "account", "amount", "text", "category", "activity",
    "person", "financier", "eligible", "paid", "supplier", "account_name"};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trim(std::string s) {
  auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// Reads one CSV ledger file.
void read_csv_file(const std::string& path, const model::SourceSpec& spec, core::Diagnostics& diags,
                   std::vector<model::Transaction>& out, std::vector<model::Exclusion>& bad) {
  auto bytes = read_file_bytes(path);
  if (!bytes) {
    diags.unreadable("io.read", "cannot read the ledger file", {path, 0, 0});
    return;
  }
  auto text = to_utf8(*bytes, spec.encoding);
  if (!text) {
    diags.unreadable("csv.encoding", text.error(), {path, 0, 0});
    return;
  }
  char delim = spec.delimiter ? spec.delimiter : detect_delimiter(*text);
  CsvReader reader(*text, delim);
  CsvRecord rec;
  if (!reader.next(rec)) {
    if (!reader.error().empty()) diags.unreadable("csv.syntax", reader.error(), {path, reader.error_line(), 0});
    else diags.warning("csv.empty", "the ledger file is empty", {path, 0, 0});
    return;
  }
  // Map canonical names to field indexes.
  std::map<std::string, std::size_t> index;
  for (auto name : kLedgerColumns) {
    std::string wanted = spec.columns.count(std::string(name)) ? spec.columns.at(std::string(name)) : std::string(name);
    for (std::size_t i = 0; i < rec.fields.size(); ++i) {
      if (lower(trim(rec.fields[i])) == lower(wanted)) {
        index[std::string(name)] = i;
        break;
      }
    }
    bool mapped = spec.columns.count(std::string(name)) > 0;
    if (!index.count(std::string(name)) && (mapped || name == "date" || name == "amount")) {
      diags.unreadable("csv.missing-column",
                       fmt::format("the header has no column '{}'{}", wanted,
                                   mapped ? fmt::format(" (mapped from '{}')", name) : std::string()),
                       {path, rec.line, 0});
    }
  }
  if (!index.count("date") || !index.count("amount")) return;
  if (!index.count("category") && spec.accounts.empty()) {
    diags.unreadable("csv.missing-column",
                     "the header has no 'category' column and the source names no account plan (accounts:)",
                     {path, rec.line, 0});
    return;
  }
  std::size_t header_size = rec.fields.size();
  core::MoneyStyle style{spec.decimal, spec.thousands};
  while (reader.next(rec)) {
    model::Transaction t;
    t.place = {path, rec.line, 0};
    auto field = [&](std::string_view name) -> std::string {
      auto it = index.find(std::string(name));
      if (it == index.end() || it->second >= rec.fields.size()) return "";
      return trim(rec.fields[it->second]);
    };
    auto col = [&](std::string_view name) {
      auto it = index.find(std::string(name));
      return it == index.end() ? 0 : static_cast<int>(it->second) + 1;
    };
    t.voucher = field("voucher");
    t.account = field("account");
    t.text = field("text");
    t.category = field("category");
    t.activity = field("activity");
    t.person = field("person");
    t.financier = field("financier");
    t.eligible = field("eligible");
    t.supplier = field("supplier");
    t.account_name = field("account_name");
    auto exclude = [&](std::string rule, std::string message, int column) {
      diags.error(rule, message, {path, rec.line, column});
      bad.push_back({t, rule, message});
    };
    if (rec.fields.size() < header_size) {
      exclude("csv.short-row",
              fmt::format("the row has {} fields where the header has {}", rec.fields.size(), header_size), 0);
      continue;
    }
    auto date = core::parse_iso_date(field("date"));
    if (!date) date = core::parse_compact_date(field("date"));
    if (!date) {
      exclude("ledger.date", fmt::format("'{}' is not a date (YYYY-MM-DD or YYYYMMDD)", field("date")), col("date"));
      continue;
    }
    t.date = *date;
    auto amount = core::parse_money(field("amount"), style);
    if (!amount) {
      exclude("ledger.amount", amount.error(), col("amount"));
      continue;
    }
    t.amount = *amount;
    if (std::string p = field("paid"); !p.empty()) {
      auto paid = core::parse_iso_date(p);
      if (!paid) {
        exclude("ledger.date", paid.error(), col("paid"));
        continue;
      }
      t.paid = *paid;
    }
    out.push_back(std::move(t));
  }
  if (!reader.error().empty()) diags.unreadable("csv.syntax", reader.error(), {path, reader.error_line(), 0});
}

}  // namespace

std::vector<std::string> expand_source_path(const std::string& dir, const model::SourceSpec& spec,
                                            core::Diagnostics& diags) {
  std::vector<std::string> files;
  std::string pattern = (fs::path(dir) / spec.path).string();
  glob_t g{};
  int rc = ::glob(pattern.c_str(), GLOB_ERR, nullptr, &g);
  if (rc == 0) {
    for (std::size_t i = 0; i < g.gl_pathc; ++i) files.emplace_back(g.gl_pathv[i]);
  }
  globfree(&g);
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    bool is_glob = spec.path.find_first_of("*?[") != std::string::npos;
    if (is_glob) diags.warning("io.no-files", fmt::format("no file matches '{}'", spec.path), spec.place);
    else diags.unreadable("io.read", fmt::format("the source file '{}' does not exist", spec.path), spec.place);
  }
  return files;
}

std::vector<model::Transaction> load_ledger(const model::Project& project, core::Diagnostics& diags,
                                            std::vector<model::Exclusion>& unreadable_rows) {
  std::vector<model::Transaction> out;
  for (const auto& spec : project.ledger_sources) {
    if (spec.format != "csv") {
      diags.error("ledger.format", fmt::format("ledger format '{}' is not read yet", spec.format), spec.place);
      continue;
    }
    for (const auto& file : expand_source_path(project.dir, spec, diags)) {
      read_csv_file(file, spec, diags, out, unreadable_rows);
    }
  }
  return out;
}

}  // namespace grantkit::io
