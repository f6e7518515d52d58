#pragma once
// Writing output files so that a reader never sees half of one.
#include <functional>
#include <string>
#include <string_view>

#include <grantkit/core/result.hpp>

namespace grantkit::core {

// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed to disk, then
// renamed over `path`. On any failure the temporary file is removed and `path` is left as it was.
// Returns true, or the reason it failed.
Result<bool> write_file_atomically(const std::string& path, std::string_view bytes);

// Like write_file_atomically, for writers that need a file name (libxlsxwriter): `write` is called
// with the name of a fresh temporary file in `path`'s folder and must fill it (or fail); the file
// is then flushed to disk and renamed over `path`. On any failure the temporary file is removed
// and `path` is left as it was. Returns true, or the reason it failed.
Result<bool> replace_file_atomically(const std::string& path,
                                     const std::function<Result<bool>(const std::string& temp_path)>& write);

}  // namespace grantkit::core
