#pragma once
// Helpers for unit tests: temporary project folders and a small valid project.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <doctest/doctest.h>

#include <grantkit/core/diagnostic.hpp>
#include <grantkit/io/project_loader.hpp>
#include <grantkit/model/transaction.hpp>

namespace grantkit::test {

// A temporary folder removed when the object goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("grantkit-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string path() const { return path_.string(); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  // Writes `text` to `name` (folders created as needed) and returns the full path.
  std::string write(const std::string& name, const std::string& text) const {
    auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

// The rule set shipped in data/ (tests run against the real programme file).
inline std::string data_dir() {
  return std::string(GRANTKIT_SOURCE_DIR) + "/data";
}

// A small project that validates without findings: two activities, one financier, aid stated.
inline const char* kValidProject = R"(schema: grantkit/project/1
project: {id: test, name: Testprojekt, owner: Region Test, programme: erdf-2014-2020, currency: SEK}
organisations:
  - {id: region-test, name: Region Test, role: owner}
decision:
  case_id: "0012345"
  date: 2021-04-29
  eligible: {from: 2021-06-01, to: 2023-03-31}
  aid: {rate: 50%, max: 500000}
  rates: {}
  budget:
    total: 1000000
    categories: {personal: 600000, externa_tjanster: 400000}
changes: []
full_time: {from: 2021-06-01, to: 2022-11-30}
activities:
  - {id: A1, name: "Analys", budget: 400000, period: {from: 2021-06-01, to: 2021-12-31}}
  - {id: A2, name: "Utbildning", budget: 600000, period: {from: 2022-01-01, to: 2022-12-31}}
financing:
  - {id: kommunen, name: Testkommun, type: public, cash: 300000, in_kind: 200000, total: 500000}
sources:
  ledger:
    - {path: "ledger/*.csv", format: csv}
)";

// Replaces the first occurrence of `from` in `text` by `to` (a test fails loudly if absent).
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  if (pos == std::string::npos) throw std::runtime_error("test fixture lacks: " + from);
  return text.replace(pos, from.size(), to);
}

// A date from ISO text (tests only: fails the test when malformed).
inline core::Date date(const char* iso) {
  auto d = core::parse_iso_date(iso);
  REQUIRE_MESSAGE(d.ok(), d.error());
  return *d;
}

// kValidProject loaded through the real loader and programme rule set; no findings.
inline model::Project load_fixture() {
  TempDir dir;
  dir.write("project.yaml", kValidProject);
  core::Diagnostics diags;
  auto p = io::load_project(dir.path(), data_dir(), diags);
  REQUIRE(p);
  REQUIRE(diags.empty());
  return *p;
}

// A ledger cost row: amount in öre.
inline model::Transaction cost(const char* iso, const char* activity, std::int64_t ore,
                               const char* category = "externa_tjanster") {
  model::Transaction t;
  t.date = date(iso);
  t.activity = activity;
  t.amount = core::Money::from_ore(ore);
  t.category = category;
  return t;
}

// Adds eligible cost rows to an outcome (summed and kept, as the ledger's rows are).
inline void add_costs(model::Outcome& o, std::vector<model::Transaction> rows) {
  for (auto& t : rows) o.add_cost(std::move(t));
}

// How many diagnostics carry `rule`.
inline std::size_t count_rule(const core::Diagnostics& d, const std::string& rule) {
  std::size_t n = 0;
  for (const auto& x : d.items()) n += x.rule == rule;
  return n;
}

}  // namespace grantkit::test
