#include "web/facets.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "schema/schema.hpp"
#include "web/search_json.hpp"

namespace graf::web {

namespace {

struct Tally {
    std::uint64_t paragraphs = 0;
    std::unordered_set<std::string> articles;
};

// Sees every matching paragraph: its source (from the display record; the
// index has no source value slot), article and date.
class SourceSpy : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double) override {
        const std::string record = doc.get_value(schema::kRecordSlot);
        schema::ParagraphData data =
            record.empty() ? schema::decode_legacy(doc.get_data()) : schema::decode(record);
        Tally& t = sources[data.source];
        ++t.paragraphs;
        t.articles.insert(data.article);
        articles.insert(std::move(data.article));
        ++paragraphs;
        if (data.date.empty()) return;
        if (first_date.empty() || data.date < first_date) first_date = data.date;
        if (data.date > last_date) last_date = std::move(data.date);
    }
    std::unordered_map<std::string, Tally> sources;
    std::unordered_set<std::string> articles;
    std::uint64_t paragraphs = 0;
    std::string first_date, last_date;
};

std::vector<FacetCount> top_of(const std::unordered_map<std::string, Tally>& tallies,
                               std::size_t top) {
    std::vector<FacetCount> out;
    for (const auto& [value, t] : tallies)
        if (!value.empty()) out.push_back({value, t.articles.size(), t.paragraphs});
    std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
        return a.paragraphs != b.paragraphs ? a.paragraphs > b.paragraphs : a.value < b.value;
    });
    if (out.size() > top) out.resize(top);
    return out;
}

}  // namespace

Facets facets(const Xapian::Database& db, const Xapian::Query& query, std::size_t top,
              const std::string& name_prefix) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    SourceSpy spy;
    enquire.add_matchspy(&spy);
    Xapian::MSet best = enquire.get_mset(0, kNameSample, db.get_doccount());

    Facets f;
    f.articles = spy.articles.size();
    f.paragraphs = spy.paragraphs;
    f.first_date = spy.first_date;
    f.last_date = spy.last_date;
    f.sources = top_of(spy.sources, top);

    const std::string prefix = std::string(schema::kNamePrefix) + name_prefix;
    std::unordered_map<std::string, Tally> names;
    for (auto it = best.begin(); it != best.end(); ++it) {
        Xapian::Document doc = it.get_document();
        const std::string article = doc.get_value(schema::kArticleSlot);
        Xapian::TermIterator t = doc.termlist_begin();
        for (t.skip_to(prefix); t != doc.termlist_end(); ++t) {
            const std::string term = *t;
            if (term.compare(0, prefix.size(), prefix) != 0) break;
            Tally& tally = names[term.substr(schema::kNamePrefix.size())];
            ++tally.paragraphs;
            tally.articles.insert(article);
        }
    }
    f.names = top_of(names, top);
    f.names_from = best.size();
    return f;
}

nlohmann::json facets_json(const Facets& f, const std::string& query) {
    auto list = [](const std::vector<FacetCount>& counts, const char* key, bool is_name) {
        nlohmann::json out = nlohmann::json::array();
        for (const FacetCount& c : counts)
            out.push_back({{key, is_name ? display_name(c.value) : c.value},
                           {"articles", c.articles},
                           {"paragraphs", c.paragraphs}});
        return out;
    };
    return {{"query", query},
            {"articles", f.articles},
            {"paragraphs", f.paragraphs},
            {"first_date", f.first_date},
            {"last_date", f.last_date},
            {"sources", list(f.sources, "source", false)},
            {"names", list(f.names, "name", true)},
            {"names_from_paragraphs", f.names_from},
            {"names_exact", f.names_from == f.paragraphs}};
}

}  // namespace graf::web
