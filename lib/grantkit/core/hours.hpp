#pragma once
// Hours as written in time reports, read straight into whole seconds. A second is the unit of time
// everywhere a report adds hours: it holds two-decimal hours (a hundredth of an hour is 36 s) and
// h:mm exactly, so rows are summed without rounding and a report rounds once, on the sum.
#include <cstdint>
#include <string_view>

#include <grantkit/core/result.hpp>

namespace grantkit::core {

// Seconds in a minute and in an hour.
inline constexpr std::int64_t kSecondsPerMinute = 60;
inline constexpr std::int64_t kSecondsPerHour = 3600;

// Parses a duration in hours into seconds, without floating point:
// - decimal hours with `.` or `,`: `8` → 28 800, `7.5` / `7,5` → 27 000, `0.01` → 36,
//   `71.75` → 258 300. Any number of decimals is read exactly as long as the value is whole
//   seconds (`0.125` → 450); a value finer than a second (`0.0001`) is refused, never rounded;
// - hours:minutes: `7:30` → 27 000, `0:45` → 2 700, `08:30` (minutes exactly two digits, 00–59).
// Refused, with a message saying why: empty text, a sign (`-1`, `+1`, U+2212: negative hours are
// not hours), leading zeros in decimal hours (`010`, `07.5`: is 010 meant as 10?), exponents,
// inner spaces, units (`7 h`), more than one mark, and values above 1 000 000 hours.
Result<std::int64_t> parse_hours_seconds(std::string_view text);

}  // namespace grantkit::core
