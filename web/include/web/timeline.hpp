#pragma once
// How many articles and paragraphs match a query per day, week, month or
// year: exact counts over every match (GET /api/timeline, `graf timeline`).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "web/period.hpp"

#include "error/error.hpp"

namespace Xapian {
class Database;
class Query;
}  // namespace Xapian

namespace graf::web {

/// More periods than a chart can show; the message names `by` and a coarser choice.
class TimelineTooLong : public Error {
  public:
    explicit TimelineTooLong(const std::string& message) : Error(kUsage, message) {}
};

/// At most this many periods from the first match to the last.
inline constexpr std::size_t kMaxPeriods = 5000;

struct PeriodCount {
    Period period;
    std::uint64_t articles = 0, paragraphs = 0;
};

struct Timeline {
    Granularity by = Granularity::kMonth;
    std::vector<PeriodCount> periods;  ///< every period from the first match's to the last's
    std::uint64_t articles = 0, paragraphs = 0;  ///< all matches, dated or not
    std::uint64_t undated_articles = 0, undated_paragraphs = 0;
};

/// `local`: every shard is on this machine (a faster count of our own);
/// otherwise only Xapian's built-in match spies run (see timeline.cpp).
Timeline timeline(const Xapian::Database& db, const Xapian::Query& query, Granularity by,
                  bool local = true);

nlohmann::json timeline_json(const Timeline& t, const std::string& query);

}  // namespace graf::web
