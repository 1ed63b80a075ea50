#include "searcher/query_context.hpp"

#include <algorithm>
#include <limits>

#include "schema/schema.hpp"
#include "searcher/docid_list.hpp"
#include "searcher/open_index.hpp"
#include "searcher/query_article_set.hpp"
#include "searcher/query_error.hpp"

namespace graf::searcher {

std::vector<std::string> IndexQueryContext::stem_variants(const std::string& stem) {
    return variants_->of(shards_, stem);
}

// A match spy on the article key sees every matching paragraph once;
// BoolWeight spares the scoring, and no MSet is built (collapsing into one
// was 3x slower: Reuters, `london`, 50 ms).
std::vector<std::string> IndexQueryContext::articles_matching(const Xapian::Query& query,
                                                              std::size_t limit) {
    Xapian::Enquire enquire(all_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::ValueCountMatchSpy spy(schema::kArticleSlot);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, all_.get_doccount());
    std::vector<std::string> keys;
    for (auto it = spy.values_begin(); it != spy.values_end() && keys.size() < limit; ++it)
        keys.push_back(*it);
    return keys;
}

Xapian::Query QueryContext::articles_query(const std::vector<std::string>& keys) {
    std::vector<Xapian::Query> terms;
    terms.reserve(keys.size());
    for (const std::string& k : keys) terms.emplace_back(std::string(schema::kArticlePrefix) + k);
    return terms.size() == 1 ? terms[0]
                             : Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

QueryContext::Excluded QueryContext::articles_of(const Xapian::Query& query, std::size_t limit) {
    const std::vector<std::string> keys = articles_matching(query, limit + 1);
    if (keys.empty()) return {};
    return {articles_query(keys), keys.size()};
}

// A filter on value slot 0 read every candidate paragraph's key: Reuters,
// `oil AND (opec OR saudi) NOT iran`, ~430 block reads a search, most of
// them the NOT.
QueryContext::Excluded IndexQueryContext::articles_of(const Xapian::Query& query,
                                                      std::size_t limit) {
    const std::vector<std::string> uuids = local_shard_uuids(shards_);
    if (uuids.empty()) return QueryContext::articles_of(query, limit);
    std::optional<ArticleParagraphs> found =
        searcher::paragraphs_of_articles(all_, shards_, uuids, query, limit);
    if (!found) return QueryContext::articles_of(query, limit);
    if (found->articles == 0) return {};
    return {docid_list_query(std::move(found->ids)), found->articles};
}

bool IndexQueryContext::all_local() {
    if (local_ < 0) local_ = std::none_of(shards_.begin(), shards_.end(), is_remote) ? 1 : 0;
    return local_ == 1;
}

Xapian::Query IndexQueryContext::articles_query(const std::vector<std::string>& keys) {
    return all_local() ? article_set_query(keys) : QueryContext::articles_query(keys);
}

Xapian::Query QueryContext::paragraphs_of_articles(const Xapian::Query& articles) {
    return articles;
}

Xapian::Query IndexQueryContext::paragraphs_of_articles(const Xapian::Query& articles) {
    const std::vector<std::string> uuids = local_shard_uuids(shards_);
    if (!uuids.empty())
        if (std::optional<ArticleParagraphs> found = searcher::paragraphs_of_articles(
                all_, shards_, uuids, articles, std::numeric_limits<std::size_t>::max() - 1)) {
            if (found->articles == 0) return Xapian::Query::MatchNothing;
            return docid_list_query(std::move(found->ids));
        }
    // By key: each matching article document's, from its slot 0.
    Xapian::Enquire enquire(all_);
    enquire.set_query(articles);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<std::string> keys;
    const Xapian::MSet matches = enquire.get_mset(0, all_.get_doccount());
    for (auto it = matches.begin(); it != matches.end(); ++it)
        keys.push_back(it.get_document().get_value(schema::kArticleSlot));
    if (keys.empty()) return Xapian::Query::MatchNothing;
    return QueryContext::articles_query(keys);
}

std::vector<std::string> QueryContext::speakers_named(const std::vector<std::string>& words) {
    std::string key;
    for (const std::string& w : words) key += (key.empty() ? "" : " ") + w;
    return {key};
}

// "musk" is "elon musk", "musk" and any other speaker whose last word it
// is: the speaker terms are listed under their prefix (some thousands in
// a large archive, read once per query).
std::vector<std::string> IndexQueryContext::speakers_named(const std::vector<std::string>& words) {
    if (words.size() != 1) return QueryContext::speakers_named(words);
    const std::string& surname = words[0];
    std::vector<std::string> out;
    const std::string prefix(schema::kSpeakerPrefix);
    for (auto it = all_.allterms_begin(prefix); it != all_.allterms_end(prefix); ++it) {
        const std::string term = *it;
        const std::string_view speaker = std::string_view(term).substr(prefix.size());
        if (speaker == surname || (speaker.size() > surname.size() && speaker.ends_with(surname) &&
                                   speaker[speaker.size() - surname.size() - 1] == ' '))
            out.emplace_back(speaker);
    }
    if (out.empty()) out.push_back(surname);
    return out;
}

std::vector<std::string> FixedQueryContext::stem_variants(const std::string& stem) {
    return variants_ ? variants_(stem) : std::vector<std::string>{};
}

std::vector<std::string> FixedQueryContext::articles_matching(const Xapian::Query& query,
                                                              std::size_t limit) {
    if (!articles_)
        throw QueryError("excluding articles (NOT, -word) needs an index; NOTPARA needs none");
    std::vector<std::string> keys = articles_(query);
    if (keys.size() > limit) keys.resize(limit);
    return keys;
}

}  // namespace graf::searcher
