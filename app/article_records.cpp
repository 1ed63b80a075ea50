#include "app/article_records.hpp"

#include <fmt/format.h>
#include <cxxopts.hpp>

#include <algorithm>
#include <set>

namespace graf::app {
namespace {

// The paragraphs of the documents matching `term`, by article key.
std::vector<std::pair<std::string, schema::ParagraphData>> records(Xapian::Database& db,
                                                                   const std::string& term) {
    std::vector<std::pair<std::string, schema::ParagraphData>> out;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        Xapian::Document doc = db.get_document(*it);
        const std::string record = doc.get_value(schema::kRecordSlot);
        out.emplace_back(
            doc.get_value(schema::kArticleSlot),
            record.empty() ? schema::decode_legacy(doc.get_data()) : schema::decode(record));
    }
    return out;
}

}  // namespace

std::vector<schema::ParagraphData> find_article(Xapian::Database& db, const std::string& id) {
    auto found = records(db, schema::article_term(id));
    if (found.empty())
        found = records(db, std::string(schema::kLocalIdPrefix) + schema::article_key(id));
    std::set<std::string> keys;
    for (const auto& [key, data] : found) keys.insert(key);
    if (keys.empty())
        throw cxxopts::exceptions::exception(
            fmt::format("show: no article '{}' in this index; give an id as graf search prints it "
                        "(SOURCE:ID, e.g. bbc:politics/001)",
                        id));
    if (keys.size() > 1) {
        std::set<std::string> ids;
        for (const auto& [key, data] : found) ids.insert(data.id);
        std::string list;
        for (const std::string& i : ids) list += (list.empty() ? "" : ", ") + i;
        throw cxxopts::exceptions::exception(
            fmt::format("show: '{}' names {} articles from different sources: {}; give one of them",
                        id, keys.size(), list));
    }
    std::vector<schema::ParagraphData> out;
    for (auto& [key, data] : found) out.push_back(std::move(data));
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.paragraph < b.paragraph; });
    return out;
}

}  // namespace graf::app
