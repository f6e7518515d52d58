// `grantkit init DIR`: a new project folder from the commented template in data/templates/project/.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

#include <grantkit/core/file.hpp>
#include <grantkit/core/i18n.hpp>
#include <grantkit/io/project_loader.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace grantkit::cli {

namespace {

namespace fs = std::filesystem;

// The files of a new project, read from the template folder.
const char* const kTemplateFiles[] = {"project.yaml", "staff.yaml"};

int init_project(const std::string& dir_text, const std::string& programme) {
  fs::path dir(dir_text);
  // The rule set must be a bundled one: a new project has no rule-set file of its own yet.
  std::vector<std::string> ids = io::bundled_programmes(io::default_data_dir());
  if (std::find(ids.begin(), ids.end(), programme) == ids.end()) {
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
    throw UsageError(
        fmt::format(fmt::runtime(_("--programme: '{}' is not a bundled rule set (in {}: {})")),
                    programme, (fs::path(io::default_data_dir()) / "programmes").string(),
                    list.empty() ? std::string("none found") : list));
  }
  // Never overwrite: a folder that already holds a project (or its staffing) is refused whole.
  for (const char* name : kTemplateFiles) {
    std::error_code ec;
    if (fs::exists(dir / name, ec)) {
      std::cerr << fmt::format(
          fmt::runtime(_(
              "{}: error: {} already exists; init never overwrites a project: choose a new folder "
              "[init.exists]\n")),
          (dir / name).string(), name);
      return kUnreadable;
    }
  }
  fs::path from = fs::path(io::default_data_dir()) / "templates" / "project";
  std::vector<std::pair<std::string, std::string>> files;
  for (const char* name : kTemplateFiles) {
    std::ifstream in(from / name, std::ios::binary);
    if (!in) {
      std::cerr << fmt::format(
          fmt::runtime(
              _("{}: error: cannot read the project template (set GRANTKIT_DATA to grantkit's data "
                "folder) [io.read]\n")),
          (from / name).string());
      return kUnreadable;
    }
    files.emplace_back(
        name, std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
  }
  // The template names the default rule set on its `programme:` line; put the chosen one there.
  for (auto& [name, text] : files) {
    if (name != std::string("project.yaml")) continue;
    const std::string key = "programme: ";
    auto at = text.find("\n  " + key);
    if (at == std::string::npos) continue;
    auto value = at + 3 + key.size();
    auto end = text.find_first_of(" \n", value);
    text.replace(value, end - value, programme);
  }
  std::error_code ec;
  for (const char* sub : {"ledger", "time"}) {
    fs::create_directories(dir / sub, ec);
    if (ec) {
      std::cerr << fmt::format(
          fmt::runtime(_("{}: error: cannot create the folder: {} [io.write]\n")),
          (dir / sub).string(), ec.message());
      return kUnreadable;
    }
  }
  // staff.yaml first: a folder with project.yaml is a project, so it is written last.
  for (auto it = files.rbegin(); it != files.rend(); ++it) {
    if (auto w = core::write_file_atomically((dir / it->first).string(), it->second); !w) {
      std::cerr << fmt::format("{}: error: {} [io.write]\n", (dir / it->first).string(), w.error());
      return kUnreadable;
    }
  }
  std::cout << fmt::format(
      fmt::runtime(
          _("Created {0} on rule set {1}: project.yaml, staff.yaml, ledger/ and time/.\n"
            "Next: replace the values marked ÄNDRA in {0}/project.yaml and {0}/staff.yaml, put the "
            "accounting "
            "exports in {0}/ledger/, then run `grantkit validate {0}`.\n")),
      dir.string(), programme);
  return kDone;
}

}  // namespace

void set_init_command(CLI::App& app, std::function<int()>& run) {
  auto dir = std::make_shared<std::string>();
  auto* sub =
      app.add_subcommand("init", "A new project folder from a commented template that validates");
  auto programme = std::make_shared<std::string>("erdf-2021-2027");
  sub->add_option("DIR", *dir, "the folder to create (it may exist, but not hold a project.yaml)")
      ->required();
  sub->add_option(
      "--programme", *programme,
      "the bundled rule set the project follows (default erdf-2021-2027; also erdf-2014-2020)");
  // Read in main(), which sets the language of the run before any command runs.
  sub->add_option("--lang", "sv or en: the language of the messages (the template is Swedish)")
      ->check(CLI::IsMember({"sv", "en"}));
  sub->callback([dir, programme, &run] {
    run = [dir, programme] { return init_project(*dir, *programme); };
  });
}

}  // namespace grantkit::cli
