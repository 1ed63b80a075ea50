#include "app/article_records.hpp"

#include <fmt/format.h>
#include <cxxopts.hpp>

#include <algorithm>
#include <set>

namespace graf::app {
namespace {

struct Record {
    std::string key;
    schema::ParagraphData data;
    std::string quotes;
};

// The paragraphs of the documents matching `term`, by article key.
std::vector<Record> records(Xapian::Database& db, const std::string& term) {
    std::vector<Record> out;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        Xapian::Document doc = db.get_document(*it);
        const std::string record = doc.get_value(schema::kRecordSlot);
        out.push_back(
            {doc.get_value(schema::kArticleSlot),
             record.empty() ? schema::decode_legacy(doc.get_data()) : schema::decode(record),
             doc.get_value(schema::kQuotesSlot)});
    }
    return out;
}

}  // namespace

std::vector<schema::ParagraphData> find_article(Xapian::Database& db, const std::string& id,
                                                std::vector<std::string>* quotes) {
    auto found = records(db, schema::article_term(id));
    if (found.empty())
        found = records(db, std::string(schema::kLocalIdPrefix) + schema::article_key(id));
    std::set<std::string> keys;
    for (const Record& r : found) keys.insert(r.key);
    if (keys.empty())
        throw cxxopts::exceptions::exception(
            fmt::format("show: no article '{}' in this index; give an id as graf search prints it "
                        "(SOURCE:ID, e.g. bbc:politics/001)",
                        id));
    if (keys.size() > 1) {
        std::set<std::string> ids;
        for (const Record& r : found) ids.insert(r.data.id);
        std::string list;
        for (const std::string& i : ids) list += (list.empty() ? "" : ", ") + i;
        throw cxxopts::exceptions::exception(
            fmt::format("show: '{}' names {} articles from different sources: {}; give one of them",
                        id, keys.size(), list));
    }
    std::sort(found.begin(), found.end(),
              [](const Record& a, const Record& b) { return a.data.paragraph < b.data.paragraph; });
    std::vector<schema::ParagraphData> out;
    for (Record& r : found) {
        out.push_back(std::move(r.data));
        if (quotes) quotes->push_back(std::move(r.quotes));
    }
    return out;
}

}  // namespace graf::app
