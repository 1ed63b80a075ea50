#pragma once
// date: ranges and --since/--until: YYYY, YYYY-MM or YYYY-MM-DD at either
// end, either end open, as YYYYMMDD bounds on the date value slot.
#include <xapian.h>

#include "schema/schema.hpp"

#include <string>
#include <string_view>

namespace graf::searcher {

struct DateBounds {
    std::string lo, hi;  ///< YYYYMMDD; empty: open
};

/// Throws QueryError naming the bad date.
DateBounds date_bounds(std::string_view since, std::string_view until);

Xapian::Query date_bounds_query(const DateBounds& bounds, Xapian::valueno slot = schema::kDateSlot);

}  // namespace graf::searcher
