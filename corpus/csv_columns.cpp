#include "corpus/csv_columns.hpp"

#include <cctype>

#include <fmt/format.h>

namespace graf::corpus {
namespace {

// Default header names per field, most common first.
const std::array<std::vector<std::string_view>, kCsvFields> kDefaults = {{
    {"id"},
    {"title", "headline"},
    {"date", "published", "published_at", "publish_date", "pubdate"},
    {"publication", "source"},
    {"url", "link"},
    {"content", "body", "text"},
}};

std::string normal(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::optional<std::size_t> find_column(const std::vector<std::string>& header,
                                       std::string_view name) {
    const std::string wanted = normal(name);
    for (std::size_t i = 0; i < header.size(); ++i)
        if (normal(header[i]) == wanted) return i;
    return std::nullopt;
}

std::string header_list(const std::vector<std::string>& header) {
    std::string list;
    for (const std::string& h : header) list += fmt::format("{}{}", list.empty() ? "" : ", ", h);
    return list.empty() ? "none" : list;
}

}  // namespace

std::optional<std::string> parse_csv_columns(std::string_view spec, CsvColumns& out) {
    const std::string fields = fmt::format("{}", fmt::join(kCsvFieldNames, ", "));
    while (!spec.empty()) {
        const std::size_t comma = spec.find(',');
        const std::string_view item = spec.substr(0, comma);
        spec.remove_prefix(comma == std::string_view::npos ? spec.size() : comma + 1);
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq + 1 == item.size())
            return fmt::format("--csv-columns: '{}' is not FIELD=COLUMN (fields: {})", item,
                               fields);
        const std::string field = normal(item.substr(0, eq));
        std::size_t i = 0;
        while (i < kCsvFields && kCsvFieldNames[i] != field) ++i;
        if (i == kCsvFields)
            return fmt::format("--csv-columns: unknown field '{}' (fields: {})", item.substr(0, eq),
                               fields);
        out.chosen[i] = std::string(item.substr(eq + 1));
    }
    return std::nullopt;
}

std::optional<std::string> resolve_columns(const std::vector<std::string>& header,
                                           const CsvColumns& columns, ColumnIndexes& out) {
    for (std::size_t f = 0; f < kCsvFields; ++f) {
        out[f].reset();
        if (!columns.chosen[f].empty()) {
            out[f] = find_column(header, columns.chosen[f]);
            if (!out[f])
                return fmt::format(
                    "--csv-columns {}={}: the header has no column '{}' (columns: {})",
                    kCsvFieldNames[f], columns.chosen[f], columns.chosen[f], header_list(header));
            continue;
        }
        for (std::string_view name : kDefaults[f])
            if ((out[f] = find_column(header, name))) break;
    }
    const auto body = static_cast<std::size_t>(CsvField::Body);
    if (!out[body])
        return fmt::format(
            "no body column: the header row has {}; graf reads the body from a column named "
            "content, body or text (or name it: --csv-columns body=COLUMN)",
            header_list(header));
    return std::nullopt;
}

}  // namespace graf::corpus
