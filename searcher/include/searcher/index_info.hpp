#pragma once
// `graf stats` and `graf names`: what is in an index.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace Xapian {
class Database;
}

namespace graf::searcher {

struct SourceCount {
    std::string source;
    std::uint64_t paragraphs = 0;
};

struct IndexSummary {
    std::uint64_t articles = 0;
    std::uint64_t paragraphs = 0;
    std::uint64_t distinct_words = 0;   ///< unprefixed terms: the searchable vocabulary
    std::string first_date, last_date;  ///< YYYY-MM-DD, empty when no article has a date
    std::vector<SourceCount> sources;
    std::uint64_t bytes_on_disk = 0;
};

IndexSummary summarize(const Xapian::Database& db, const std::filesystem::path& path);

struct NameCount {
    std::string name;  ///< as indexed: folded, "steve bannon"
    std::uint64_t paragraphs = 0;
    std::uint64_t articles = 0;
};

/// The most-mentioned names by paragraphs, optionally starting with `prefix`
/// (folded like a name: "steve b"), without article counts: cheap.
std::vector<NameCount> top_names_by_paragraphs(const Xapian::Database& db, std::size_t top,
                                               std::string_view prefix);

}  // namespace graf::searcher
