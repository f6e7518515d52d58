// Fuzz target: the YAML project loader (yaml-cpp events → our tree → the project model), from a
// project.yaml in a private temporary folder.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <grantkit/check/rules.hpp>
#include <grantkit/io/project_loader.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace fs = std::filesystem;
  static const fs::path dir =
      fs::temp_directory_path() / ("grantkit-fuzz-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "project.yaml", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  grantkit::core::Diagnostics diags;
  auto project =
      grantkit::io::load_project(dir.string(), std::string(GRANTKIT_SOURCE_DIR) + "/data", diags);
  if (project) grantkit::check::check_project(*project, diags);
  for (const auto& d : diags.items()) {
    if (d.rule.empty()) __builtin_trap();  // every finding carries a rule id
  }
  return 0;
}
