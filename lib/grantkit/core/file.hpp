#pragma once
// Writing output files so that a reader never sees half of one.
#include <string>
#include <string_view>

#include <grantkit/core/result.hpp>

namespace grantkit::core {

// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed to disk, then
// renamed over `path`. On any failure the temporary file is removed and `path` is left as it was.
// Returns true, or the reason it failed.
Result<bool> write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace grantkit::core
