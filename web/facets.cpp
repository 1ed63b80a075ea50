#include "web/facets.hpp"

#include <xapian.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "schema/record_codec.hpp"
#include "schema/schema.hpp"
#include "searcher/name_listing.hpp"
#include "web/search_json.hpp"

namespace graf::web {

namespace {

struct Tally {
    std::uint64_t paragraphs = 0;
    std::unordered_set<std::string> articles;
};

// Sees every matching paragraph: its source (from the display record; the
// index has no source value slot), article and date. Those are the
// article's, the same on each of its paragraphs: one record is read per
// article (by its slot-0 key), not per paragraph. Decompressing every
// record (schema 11) made `graf facets "said OR the OR of"` on Reuters
// (90,000 paragraphs) 0.18 -> 0.26 s.
class SourceSpy : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double) override {
        const ArticleFields& a = fields_of(doc);
        Tally& t = sources[a.source];
        ++t.paragraphs;
        t.articles.insert(a.article);
        articles.insert(a.article);
        ++paragraphs;
        if (a.date.empty()) return;
        if (first_date.empty() || a.date < first_date) first_date = a.date;
        if (a.date > last_date) last_date = a.date;
    }
    std::unordered_map<std::string, Tally> sources;
    std::unordered_set<std::string> articles;
    std::uint64_t paragraphs = 0;
    std::string first_date, last_date;

  private:
    struct ArticleFields {
        std::string source, article, date;
    };
    const ArticleFields& fields_of(const Xapian::Document& doc) {
        const std::string key = doc.get_value(schema::kArticleSlot);
        auto [it, fresh] = seen_.try_emplace(key);
        // No key (an index before schema 5 may lack it): read each record.
        if (fresh || key.empty()) {
            schema::ParagraphData data = schema::read_record(doc);
            it->second = {std::move(data.source), std::move(data.article), std::move(data.date)};
        }
        return it->second;
    }
    std::unordered_map<std::string, ArticleFields> seen_;
};

std::vector<FacetCount> top_of(const std::unordered_map<std::string, Tally>& tallies,
                               std::size_t top) {
    std::vector<FacetCount> out;
    for (const auto& [value, t] : tallies)
        if (!value.empty()) out.push_back({value, t.articles.size(), t.paragraphs, {}, {}});
    std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
        return a.paragraphs != b.paragraphs ? a.paragraphs > b.paragraphs : a.value < b.value;
    });
    if (out.size() > top) out.resize(top);
    return out;
}

std::string ymd(const std::string& value) {
    if (value.size() != 8) return {};
    return value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2);
}

// Every match collapsed by article, with Xapian's own spy on the date slot
// (xapian-tcpsrv runs no other): articles, paragraphs, the date range and
// one matching paragraph.
struct Collapsed {
    std::uint64_t articles = 0, paragraphs = 0;
    std::string first_date, last_date;
    Xapian::docid some_doc = 0;
};

Collapsed count_collapsed(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_collapse_key(schema::kArticleSlot);
    Xapian::ValueCountMatchSpy spy(schema::kDateSlot);
    enquire.add_matchspy(&spy);
    const Xapian::doccount all = db.get_doccount();
    Xapian::MSet m = enquire.get_mset(0, all, all);  // every article: an exact count
    Collapsed c{m.size(), spy.get_total(), "", "", m.empty() ? 0 : *m.begin()};
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        if (c.first_date.empty()) c.first_date = ymd(*it);  // values come in order
        c.last_date = ymd(*it);
    }
    return c;
}

// On remote shards: the counts above, then one such match per source (the
// index's source terms; a source's label is read from one of its matching
// paragraphs).
void count_sources_remotely(const Xapian::Database& db, const Xapian::Query& query, Facets& f,
                            std::size_t top) {
    const Collapsed all = count_collapsed(db, query);
    f.articles = all.articles;
    f.paragraphs = all.paragraphs;
    f.first_date = all.first_date;
    f.last_date = all.last_date;
    const std::string prefix(schema::kSourcePrefix);
    std::vector<FacetCount> sources;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const Collapsed c =
            count_collapsed(db, Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(*it)));
        if (c.paragraphs == 0) continue;
        const Xapian::Document doc = db.get_document(c.some_doc);
        const schema::ParagraphData data = schema::read_record(doc);
        sources.push_back({data.source, c.articles, c.paragraphs, {}, {}});
    }
    std::sort(sources.begin(), sources.end(), [](const FacetCount& a, const FacetCount& b) {
        return a.paragraphs != b.paragraphs ? a.paragraphs > b.paragraphs : a.value < b.value;
    });
    if (sources.size() > top) sources.resize(top);
    f.sources = std::move(sources);
}

// Remote term lists cost a round trip each: names come from fewer paragraphs.
constexpr Xapian::doccount kRemoteNameSample = 200;

// The kinds of names, each decided once with the corpus's evidence.
class Kinds {
  public:
    Kinds(const Xapian::Database& db, const std::vector<analysis::NameKind>& wanted)
        : db_(db), wanted_(wanted) {}
    analysis::NameKind of(const std::string& name) {
        auto it = kinds_.find(name);
        if (it == kinds_.end())
            it = kinds_.emplace(name, searcher::corpus_name_kind(db_, name)).first;
        return it->second;
    }
    bool wanted(const std::string& name) {
        return std::find(wanted_.begin(), wanted_.end(), of(name)) != wanted_.end();
    }
    // A listed name with its kind and spelling.
    FacetCount listed(std::string name, std::uint64_t articles, std::uint64_t paragraphs) {
        const analysis::NameKind kind = of(name);
        std::string shown = searcher::written_name(db_, name);
        return {std::move(name), articles, paragraphs, std::move(shown), kind};
    }

  private:
    const Xapian::Database& db_;
    const std::vector<analysis::NameKind>& wanted_;
    std::unordered_map<std::string, analysis::NameKind> kinds_;
};

}  // namespace

std::vector<FacetCount> index_names(const Xapian::Database& db, std::size_t top,
                                    const std::string& prefix,
                                    const std::vector<analysis::NameKind>& kinds) {
    Kinds k(db, kinds);
    std::vector<FacetCount> out;
    for (const searcher::NameCount& n : searcher::list_names(
             db, top, prefix, [&](const std::string& name) { return k.wanted(name); }))
        out.push_back(k.listed(n.name, n.articles, n.paragraphs));
    return out;
}

nlohmann::json names_json(const std::vector<FacetCount>& names) {
    nlohmann::json j = nlohmann::json::array();
    for (const FacetCount& n : names)
        j.push_back({{"name", n.shown},
                     {"kind", analysis::kind_label(n.kind)},
                     {"paragraphs", n.paragraphs},
                     {"articles", n.articles}});
    return j;
}

Facets facets(const Xapian::Database& db, const Xapian::Query& query, std::size_t top,
              const std::string& name_prefix, bool local,
              const std::vector<analysis::NameKind>& kinds) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Facets f;
    Xapian::MSet best;
    if (local) {
        SourceSpy spy;
        enquire.add_matchspy(&spy);
        best = enquire.get_mset(0, kNameSample, db.get_doccount());
        f.articles = spy.articles.size();
        f.paragraphs = spy.paragraphs;
        f.first_date = spy.first_date;
        f.last_date = spy.last_date;
        f.sources = top_of(spy.sources, top);
    } else {
        count_sources_remotely(db, query, f, top);
        best = enquire.get_mset(0, kRemoteNameSample);
    }

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
    // The most mentioned names of the kinds asked for, as the text writes them.
    Kinds k(db, kinds);
    for (const FacetCount& c : top_of(names, names.size())) {
        if (f.names.size() >= top) break;
        if (k.wanted(c.value)) f.names.push_back(k.listed(c.value, c.articles, c.paragraphs));
    }
    f.names_from = best.size();
    return f;
}

nlohmann::json facets_json(const Facets& f, const std::string& query) {
    auto list = [](const std::vector<FacetCount>& counts, const char* key, bool is_name) {
        nlohmann::json out = nlohmann::json::array();
        for (const FacetCount& c : counts) {
            nlohmann::json one = {{key, is_name ? c.shown : c.value},
                                  {"articles", c.articles},
                                  {"paragraphs", c.paragraphs}};
            if (is_name) one["kind"] = analysis::kind_label(c.kind);
            out.push_back(std::move(one));
        }
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
