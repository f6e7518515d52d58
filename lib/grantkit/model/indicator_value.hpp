#pragma once
// Reported values of result indicators (indicators.yaml): what the project has achieved so far.
#include <cstdint>
#include <string>

#include <grantkit/core/date.hpp>
#include <grantkit/core/diagnostic.hpp>

namespace grantkit::model {

// One reported value (FORMATS.md "indicators"): the cumulative value of `indicator` (an id of
// project.yaml's `indicators:`) on `date`, in the indicator's unit — the total achieved so far,
// not the change since the last report (Min ansökan asks for the accumulated value at every
// report). A whole number, never negative.
struct IndicatorValue {
  std::string indicator;
  core::Date date;
  std::int64_t value = 0;
  std::string comment;
  core::SourcePlace place;
};

}  // namespace grantkit::model
