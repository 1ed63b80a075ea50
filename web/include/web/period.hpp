#pragma once
// Calendar periods for timelines: which day, ISO week, month or year a date
// falls in, and the dates each period covers (so a bar can become a filter).
#include <optional>
#include <string>
#include <string_view>

namespace graf::web {

enum class Granularity { kDay, kWeek, kMonth, kYear };

/// "day", "week", "month", "year"; nullopt for anything else.
std::optional<Granularity> parse_granularity(std::string_view by);
std::string_view granularity_name(Granularity by);

struct Period {
    std::string label;         ///< 2025-01-27, 2025-W05, 2025-01, 2025
    std::string since, until;  ///< first and last day, YYYY-MM-DD
};

/// The period holding `yyyymmdd` (the index's date value, "20250127");
/// nullopt for a value that is not a valid date.
std::optional<Period> period_of(std::string_view yyyymmdd, Granularity by);
/// The period right after `p`.
Period next_period(const Period& p, Granularity by);

}  // namespace graf::web
