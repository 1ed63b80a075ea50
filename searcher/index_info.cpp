#include "searcher/index_info.hpp"

#include <xapian.h>

#include <algorithm>

#include "analysis/fold.hpp"
#include "schema/layout.hpp"
#include "schema/schema.hpp"

namespace graf::searcher {
namespace fs = std::filesystem;

namespace {

std::string ymd(const std::string& value) {
    if (value.size() != 8) return {};
    return value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2);
}

}  // namespace

IndexSummary summarize(const Xapian::Database& db, const fs::path& path) {
    IndexSummary s;
    // Article documents (schema 6) are not paragraphs.
    s.paragraphs = db.get_doccount() - db.get_termfreq(std::string(schema::kArticleDocMarker));
    // One XA term per article; unlike metadata, terms merge across shards.
    const std::string article_prefix(schema::kArticlePrefix);
    for (auto it = db.allterms_begin(article_prefix); it != db.allterms_end(article_prefix); ++it)
        ++s.articles;
    // Prefixed terms start with a capital letter; one skip_to jumps past them all.
    for (auto it = db.allterms_begin(); it != db.allterms_end();) {
        const std::string term = *it;
        if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') {
            it.skip_to("[");
            continue;
        }
        ++s.distinct_words;
        ++it;
    }
    s.first_date = ymd(db.get_value_lower_bound(schema::kDateSlot));
    s.last_date = ymd(db.get_value_upper_bound(schema::kDateSlot));
    const std::string src(schema::kSourcePrefix);
    for (auto it = db.allterms_begin(src); it != db.allterms_end(src); ++it)
        s.sources.push_back({(*it).substr(src.size()), it.get_termfreq()});
    std::sort(s.sources.begin(), s.sources.end(), [](const SourceCount& a, const SourceCount& b) {
        return a.paragraphs > b.paragraphs;
    });
    s.bytes_on_disk = schema::disk_bytes(path);
    return s;
}

std::vector<NameCount> top_names_by_paragraphs(const Xapian::Database& db, std::size_t top,
                                               std::string_view prefix) {
    const std::string term_prefix = std::string(schema::kNamePrefix) + analysis::fold(prefix);
    std::vector<NameCount> names;
    for (auto it = db.allterms_begin(term_prefix); it != db.allterms_end(term_prefix); ++it)
        names.push_back({(*it).substr(schema::kNamePrefix.size()), it.get_termfreq(), 0});
    std::size_t n = std::min(top, names.size());
    std::partial_sort(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(n), names.end(),
                      [](const NameCount& a, const NameCount& b) {
                          return a.paragraphs != b.paragraphs ? a.paragraphs > b.paragraphs
                                                              : a.name < b.name;
                      });
    names.resize(n);
    return names;
}

}  // namespace graf::searcher
