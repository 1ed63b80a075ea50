#include "searcher/query_dates.hpp"

#include <fmt/format.h>

#include "schema/schema.hpp"
#include "searcher/query.hpp"

namespace graf::searcher {
namespace {

std::string date_bound(std::string_view s, bool upper, std::string_view whole) {
    auto bad = [&] {
        return QueryError(fmt::format(
            "date:{}: \"{}\" is not a valid date (use YYYY, YYYY-MM or YYYY-MM-DD)", whole, s));
    };
    auto digits = [&](std::size_t from, std::size_t n) {
        if (from + n > s.size()) throw bad();
        int v = 0;
        for (std::size_t k = from; k < from + n; ++k) {
            if (s[k] < '0' || s[k] > '9') throw bad();
            v = v * 10 + (s[k] - '0');
        }
        return v;
    };
    int year = digits(0, 4), month = upper ? 12 : 1, day = 1;
    if (s.size() > 4) {
        if (s[4] != '-') throw bad();
        month = digits(5, 2);
        if (month < 1 || month > 12) throw bad();
    }
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int month_days = month == 2 && !leap ? 28 : kDays[month - 1];
    day = upper ? month_days : 1;
    if (s.size() > 7) {
        if (s[7] != '-' || s.size() != 10) throw bad();
        day = digits(8, 2);
        if (day < 1 || day > month_days) throw bad();
    } else if (s.size() != 4 && s.size() != 7) {
        throw bad();
    }
    return fmt::format("{:04}{:02}{:02}", year, month, day);
}

}  // namespace

DateBounds date_bounds(std::string_view since, std::string_view until) {
    std::string whole = fmt::format("{}..{}", since, until);
    DateBounds b;
    b.lo = since.empty() ? "" : date_bound(since, false, whole);
    b.hi = until.empty() ? "" : date_bound(until, true, whole);
    if (!b.lo.empty() && !b.hi.empty() && b.lo > b.hi)
        throw QueryError(fmt::format("date:{}: the range ends before it starts", whole));
    return b;
}

Xapian::Query date_bounds_query(const DateBounds& b, Xapian::valueno slot) {
    using Xapian::Query;
    if (b.hi.empty()) return Query(Query::OP_VALUE_GE, slot, b.lo);
    if (b.lo.empty()) return Query(Query::OP_VALUE_LE, slot, b.hi);
    return Query(Query::OP_VALUE_RANGE, slot, b.lo, b.hi);
}

Xapian::Query date_range_query(std::string_view since, std::string_view until,
                               Xapian::valueno slot) {
    return date_bounds_query(date_bounds(since, until), slot);
}

}  // namespace graf::searcher
