// Timeline periods: day, ISO week, month and year of an index date value.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "web/period.hpp"

using graf::web::Granularity;

TEST_CASE("web period: the period of a date and the one after it") {
    struct Row {
        const char* date;
        Granularity by;
        const char* label;
        const char* since;
        const char* until;
        const char* next;
    };
    const std::vector<Row> rows = {
        {"20250127", Granularity::kDay, "2025-01-27", "2025-01-27", "2025-01-27", "2025-01-28"},
        {"20241231", Granularity::kDay, "2024-12-31", "2024-12-31", "2024-12-31", "2025-01-01"},
        {"20250127", Granularity::kWeek, "2025-W05", "2025-01-27", "2025-02-02", "2025-W06"},
        {"20201231", Granularity::kWeek, "2020-W53", "2020-12-28", "2021-01-03", "2021-W01"},
        {"20210103", Granularity::kWeek, "2020-W53", "2020-12-28", "2021-01-03", "2021-W01"},
        {"20241230", Granularity::kWeek, "2025-W01", "2024-12-30", "2025-01-05", "2025-W02"},
        {"20240229", Granularity::kMonth, "2024-02", "2024-02-01", "2024-02-29", "2024-03"},
        {"20231215", Granularity::kMonth, "2023-12", "2023-12-01", "2023-12-31", "2024-01"},
        {"19870301", Granularity::kYear, "1987", "1987-01-01", "1987-12-31", "1988"},
    };
    for (const Row& r : rows) {
        INFO(r.date << " " << graf::web::granularity_name(r.by));
        auto p = graf::web::period_of(r.date, r.by);
        REQUIRE(p);
        CHECK(p->label == r.label);
        CHECK(p->since == r.since);
        CHECK(p->until == r.until);
        CHECK(graf::web::next_period(*p, r.by).label == r.next);
    }
    for (const char* bad : {"", "2025", "20251301", "20250230", "2025-01-", "abcdefgh"})
        CHECK_FALSE(graf::web::period_of(bad, Granularity::kDay));
    CHECK(graf::web::parse_granularity("week") == Granularity::kWeek);
    CHECK_FALSE(graf::web::parse_granularity("hour"));
}
