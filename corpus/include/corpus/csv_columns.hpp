#pragma once
// Which CSV columns hold an article's fields: chosen by header name, by
// default the names news dumps use, or as `--csv-columns` says.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace graf::corpus {

/// The article fields a CSV column can fill, in this order everywhere.
enum class CsvField { Id, Title, Date, Source, Url, Body };
inline constexpr std::size_t kCsvFields = 6;
inline constexpr std::array<std::string_view, kCsvFields> kCsvFieldNames = {
    "id", "title", "date", "source", "url", "body"};

/// `--csv-columns`: for each field the header name the user chose (empty:
/// the defaults).
struct CsvColumns {
    std::array<std::string, kCsvFields> chosen;
};

/// Parses `title=headline,body=story`; returns the error (naming the item at
/// fault) or nothing.
std::optional<std::string> parse_csv_columns(std::string_view spec, CsvColumns& out);

/// Each field's column index in a header row, when it has one.
using ColumnIndexes = std::array<std::optional<std::size_t>, kCsvFields>;

/// Finds the columns (names compared without case and surrounding spaces):
/// a chosen name must be in the header; otherwise the first default name
/// found — id: id; title: title, headline; date: date, published,
/// published_at, publish_date, pubdate; source: publication, source; url:
/// url, link; body: content, body, text. Returns the error when a chosen
/// column is missing or no column holds the body.
std::optional<std::string> resolve_columns(const std::vector<std::string>& header,
                                           const CsvColumns& columns, ColumnIndexes& out);

}  // namespace graf::corpus
