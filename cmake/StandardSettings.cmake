# standard_settings: language level and sanitizers; standard_warnings: the warning set.
add_library(standard_settings INTERFACE)
target_compile_features(standard_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
if(GRANTKIT_SANITIZE)
  target_compile_options(standard_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                     -fno-sanitize-recover=undefined)
  target_link_options(standard_settings INTERFACE -fsanitize=address,undefined)
endif()

if(GRANTKIT_FUZZ)
  target_compile_options(standard_settings INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                                                     -fno-omit-frame-pointer)
  target_link_options(standard_settings INTERFACE -fsanitize=address,undefined)
endif()

add_library(standard_warnings INTERFACE)
target_compile_options(standard_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                                   -Wsign-conversion -Wnon-virtual-dtor)
# -Werror in development builds only. GCC 12's optimiser reports false warnings inside libstdc++ at
# -O3 (-Wrestrict in std::string, GCC bug 105329; -Warray-bounds in std::pair): they are silenced
# at the lines where they occur, with a comment, so that a Release build prints no warning; a
# compiler of another version must still not fail a Release build on one.
if(GRANTKIT_WERROR AND NOT CMAKE_BUILD_TYPE STREQUAL "Release")
  target_compile_options(standard_warnings INTERFACE -Werror)
endif()
