#pragma once
// Hours as written in time reports, read straight into whole minutes (DOMAIN.md "Money and time,
// exactly": hours are integer minutes; accept `7.5`, `7,5`, `7:30`).
#include <cstdint>
#include <string_view>

#include <grantkit/core/result.hpp>

namespace grantkit::core {

// Parses a duration in hours into minutes, without floating point:
// - decimal hours with `.` or `,`: `8` → 480, `7.5` / `7,5` → 450, `71.75` → 4305. Up to two
//   decimals are read to the nearest minute (a hundredth of an hour is 36 s: `7.33` → 440, i.e.
//   7 h 20 min; no ties are possible); more decimals are accepted only when they are whole minutes
//   (`0.125` → refused, `7.500` → 450);
// - hours:minutes: `7:30` → 450, `0:45` → 45, `08:30` → 510 (minutes exactly two digits, 00–59).
// Refused, with a message saying why: empty text, a sign (`-1`, `+1`: negative hours are not
// hours), leading zeros in decimal hours (`010`, `07.5`: is 010 meant as 10?), exponents, inner
// spaces, units (`7 h`), more than one mark, and values above 1 000 000 hours.
Result<std::int64_t> parse_hours_minutes(std::string_view text);

}  // namespace grantkit::core
