#pragma once
// The payment request's number: what the claim page states beside the ärende-id.
#include <string>

#include <grantkit/core/date.hpp>
#include <grantkit/model/project.hpp>

namespace grantkit::reports {

// The number of the payment request (ansökan om utbetalning) for `period`: the `id` of the
// request in claims.yaml with exactly this period when there is one, else the period's place in
// the sequence of requests: the number of requests in claims.yaml that end before the period
// starts, plus one (requests follow one another, Handbok för EU-projekt, "Ansökan om
// utbetalning"). Text, as claims.yaml's ids are.
std::string request_number(const model::Project& project, const core::Period& period);

}  // namespace grantkit::reports
