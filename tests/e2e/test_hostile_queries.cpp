// Hostile queries through the CLI: every one answers (exit 0) or fails with
// one line (exit 1), in bounded time, never a crash or an uncaught exception.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>

#include "e2e/cli_runner.hpp"

using namespace graf::test;

namespace {

// A bound against runaway work (a blow-up takes minutes), not a speed
// target; sanitizers make every search several times slower.
#if defined(__SANITIZE_ADDRESS__)
constexpr double kBoundSeconds = 20;
#else
constexpr double kBoundSeconds = 5;
#endif

}  // namespace

TEST_CASE("search: hostile queries answer or fail with one line, in bounded time") {
    TempDir dir;
    // The sample, plus one article with 6,000 words starting with "a": `a*`
    // must hit the documented expansion limit (5,000) with a clear message.
    std::string many;
    for (int i = 0; i < 6000; ++i) many += "a" + std::to_string(100000 + i) + "x ";
    {
        std::ofstream f(dir / "many.jsonl");
        f << R"({"id": "many", "title": "Many words", "body": ")" << many << "\"}\n";
    }
    RunResult idx = run_graf({"index", "--db", (dir / "db").string(), sample_corpus().string(),
                              (dir / "many.jsonl").string()});
    REQUIRE_MESSAGE(idx.exit_code == 0, idx.err);

    std::string long_word(10000, 'x'), thousand_terms, nested_open(500, '('),
        nested_close(500, ')');
    for (int i = 0; i < 1000; ++i) thousand_terms += "word" + std::to_string(i) + " ";
    struct Case {
        std::string query;
        const char* what;
    };
    const Case cases[] = {
        {long_word, "a 10,000-character word"},
        {std::string(10000, ' ') + "Bannon", "10,000 spaces then a word"},
        {thousand_terms, "1,000 terms"},
        {thousand_terms + " OR " + thousand_terms, "2,000 terms with OR"},
        {nested_open + "Bannon" + nested_close, "brackets nested 500 deep"},
        {nested_open + "Bannon", "500 unclosed brackets"},
        {"\"", "a lone quote"},
        {"\u201C", "a lone curly quote"},
        {"a*", "a wildcard over 6,000 words"},
        {"*", "a bare star"},
        {std::string("Ban\x01non\x7f \x1b[31m"), "control characters"},
        {"AND OR NOT", "operators only"},
        {")", "a closing bracket"},
        {"title:", "an empty field"},
        {"NEAR/999999999999 a", "a huge NEAR"},
        {"date:0000-00-00..9999-99-99", "absurd dates"},
        {"\xff\xfe\xc3", "invalid UTF-8"},
        {"\"" + thousand_terms + "\"", "a 1,000-word phrase"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const auto started = std::chrono::steady_clock::now();
        RunResult r = run_graf({"search", "--db", (dir / "db").string(), "--json", c.query});
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        CHECK((r.exit_code == 0 || r.exit_code == 1));
        if (r.exit_code == 1) {
            CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
            CHECK(r.err.rfind("graf: ", 0) == 0);
        }
        CHECK(r.err.find("terminate") == std::string::npos);
        CHECK(seconds < kBoundSeconds);
    }
    RunResult wildcard = run_graf({"search", "--db", (dir / "db").string(), "a*"});
    CHECK(wildcard.exit_code == 1);
    CHECK(wildcard.err.find("5000") != std::string::npos);
}
