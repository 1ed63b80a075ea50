#pragma once
// tests/eval/tiny, the judged collection whose figures are computed by hand
// (tests/eval/README.md shows the arithmetic), for the tests of `graf eval`
// and of the peers and the `make eval` driver in benchmarks/tests.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

namespace graf::test {

inline const std::filesystem::path kTiny =
    std::filesystem::path(GRAF_SOURCE_DIR) / "tests" / "eval" / "tiny";

/// Means over q1-q3: graf rejects q2; the peers find its one relevant
/// article first.
struct Figures {
    double map, ndcg_10, p_10, r_100;
};
inline const Figures kGrafFigures = {7.0 / 54, 0.5209090851403014 / 3, 0.2 / 3, 2.0 / 9};
inline const Figures kPeerFigures = {25.0 / 54, 1.5209090851403014 / 3, 0.1, 5.0 / 9};

/// An engine's `eval --json` report against the figures.
inline void check_figures(const nlohmann::json& j, const Figures& f) {
    CHECK(j["queries"] == 3);
    CHECK(j["map"].get<double>() == doctest::Approx(f.map).epsilon(1e-9));
    CHECK(j["ndcg_10"].get<double>() == doctest::Approx(f.ndcg_10).epsilon(1e-9));
    CHECK(j["p_10"].get<double>() == doctest::Approx(f.p_10).epsilon(1e-9));
    CHECK(j["r_100"].get<double>() == doctest::Approx(f.r_100).epsilon(1e-9));
}

}  // namespace graf::test
