#include "web/period.hpp"

#include <fmt/format.h>

#include <chrono>

namespace graf::web {
namespace chr = std::chrono;

namespace {

std::string ymd_string(chr::year_month_day d) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()),
                       static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

// ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday.
Period iso_week(chr::sys_days day) {
    const chr::weekday wd{day};
    const chr::sys_days monday = day - chr::days{(wd.c_encoding() + 6) % 7};
    const chr::sys_days thursday = monday + chr::days{3};
    const chr::year iso_year = chr::year_month_day{thursday}.year();
    const chr::sys_days jan1{iso_year / chr::January / 1};
    const int week = static_cast<int>((thursday - jan1).count() / 7) + 1;
    return {fmt::format("{:04}-W{:02}", static_cast<int>(iso_year), week),
            ymd_string(chr::year_month_day{monday}),
            ymd_string(chr::year_month_day{monday + chr::days{6}})};
}

Period containing(chr::year_month_day d, Granularity by) {
    switch (by) {
        case Granularity::kDay:
            return {ymd_string(d), ymd_string(d), ymd_string(d)};
        case Granularity::kWeek:
            return iso_week(chr::sys_days{d});
        case Granularity::kMonth: {
            const chr::year_month_day first = d.year() / d.month() / 1;
            const chr::year_month_day last{d.year() / d.month() / chr::last};
            return {ymd_string(first).substr(0, 7), ymd_string(first), ymd_string(last)};
        }
        case Granularity::kYear:
            break;
    }
    return {fmt::format("{:04}", static_cast<int>(d.year())),
            ymd_string(d.year() / chr::January / 1), ymd_string(d.year() / chr::December / 31)};
}

std::optional<chr::year_month_day> parse_ymd(std::string_view s) {
    if (s.size() < 8) return std::nullopt;
    int y = 0;
    unsigned m = 0, dd = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9') return std::nullopt;
        const int v = c - '0';
        if (i < 4)
            y = y * 10 + v;
        else if (i < 6)
            m = m * 10 + static_cast<unsigned>(v);
        else
            dd = dd * 10 + static_cast<unsigned>(v);
    }
    chr::year_month_day d{chr::year{y}, chr::month{m}, chr::day{dd}};
    if (!d.ok()) return std::nullopt;
    return d;
}

}  // namespace

std::optional<Granularity> parse_granularity(std::string_view by) {
    if (by == "day") return Granularity::kDay;
    if (by == "week") return Granularity::kWeek;
    if (by == "month") return Granularity::kMonth;
    if (by == "year") return Granularity::kYear;
    return std::nullopt;
}

std::string_view granularity_name(Granularity by) {
    switch (by) {
        case Granularity::kDay:
            return "day";
        case Granularity::kWeek:
            return "week";
        case Granularity::kMonth:
            return "month";
        case Granularity::kYear:
            break;
    }
    return "year";
}

std::optional<Period> period_of(std::string_view yyyymmdd, Granularity by) {
    auto d = parse_ymd(yyyymmdd);
    if (!d) return std::nullopt;
    return containing(*d, by);
}

Period next_period(const Period& p, Granularity by) {
    std::string until = p.until;
    until.erase(7, 1).erase(4, 1);  // YYYY-MM-DD -> YYYYMMDD
    const chr::sys_days after = chr::sys_days{*parse_ymd(until)} + chr::days{1};
    return containing(chr::year_month_day{after}, by);
}

}  // namespace graf::web
