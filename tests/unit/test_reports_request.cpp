#include <doctest/doctest.h>

#include <grantkit/reports/request.hpp>

#include "support.hpp"

using namespace grantkit;

TEST_CASE("reports::request_number") {
  auto p = test::load_fixture();
  p.claims.clear();
  core::Period h1{test::date("2022-01-01"), test::date("2022-06-30")};
  CHECK(reports::request_number(p, h1) == "1");  // no request before it: the first
  model::Claim first;
  first.id = "1";
  first.period = {test::date("2021-06-01"), test::date("2021-11-30")};
  model::Claim second;
  second.id = "7";  // claims.yaml's own number wins for its period
  second.period = {test::date("2021-12-01"), test::date("2021-12-31")};
  p.claims = {first, second};
  CHECK(reports::request_number(p, h1) == "3");
  CHECK(reports::request_number(p, second.period) == "7");
  CHECK(reports::request_number(p, first.period) == "1");
  // A period before every registered request is the first.
  CHECK(reports::request_number(p, {test::date("2021-01-01"), test::date("2021-05-31")}) == "1");
}
