#include "searcher/article_ranking.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "schema/schema.hpp"
#include "searcher/docid_list.hpp"

namespace graf::searcher {
namespace {

// BM25 for article documents: k1 1.2 (the usual default) and b
// schema::kArticleLengthB (0.4; 0.3 for name mentions, written into the wdf
// since schema 10), chosen on `make eval`'s judged collections as a whole.
// With schema 8's title words in the body, k1 1.2 beat 0.9 on all seven
// (+0.002-0.003 MAP each); b 0.5 lost on Reuters (topics -0.004, people
// -0.003), b 0.3 lost on the abstracts; 0.75 lost 0.02 on Reuters topics.
// Schema 10 normalises by the true mean article length, which on Reuters
// is a stronger normalisation than the estimate before (see article_weight
// below): words at b 0.35 lost CRAN 0.004 and MED's nDCG@10 fell below
// FTS5's; names at b 0.4 lost reuters-people 0.006, at 0.3 none.
constexpr double kArticleK1 = 1.2;

// Totals are exact when at most this many articles match.
constexpr Xapian::doccount kExactUpTo = 1000;

// Xapian's BM25 idf, log((N - n + 0.5) / (n + 0.5)), kept positive as
// Xapian keeps it (BM25Weight::init).
double bm25_idf(double documents, double with_term) {
    double ratio = (documents - with_term + 0.5) / (with_term + 0.5);
    if (ratio < 2) ratio = ratio * 0.5 + 1;
    return std::log(ratio);
}

}  // namespace

// Looked up once per opened revision by the Searcher: the marker's
// posting list is a block read, and every field of every query word needs
// the count (a name query read it ~4 times, 6% of its block reads).
double article_count(const Xapian::Database& db) {
    return db.get_termfreq(std::string(schema::kArticleDocMarker));
}

// Xapian normalises a document's length by the mean over the whole
// database, paragraphs and article documents alike. The words of an article
// and of its paragraphs are nearly the same, so article documents hold about
// half the database's length: their mean is about total / (2 * articles),
// Xapian's total / documents. With c = documents / (2 * articles), K =
// k1 ((1 - b) + b len / mean) is the intended one when k1' (1 - b') =
// k1 (1 - b) and k1' b' = k1 b / c.
Xapian::BM25Weight article_weight(const Xapian::Database& db, double articles, double k1,
                                  double b) {
    const double c =
        std::max(1.0, static_cast<double>(db.get_doccount()) / (2 * std::max(1.0, articles)));
    const double scaled = k1 * b / c;
    const double k1_new = k1 * (1 - b) + scaled;
    const double b_new = k1_new > 0 ? scaled / k1_new : 0;
    return Xapian::BM25Weight(k1_new, 0, 1, b_new, 0.5);
}

namespace {

// The title as a field of its own, saturated on its own, adds a quarter of
// a body word's weight; title words count in the body too (schema 8, see
// ArticleAnalyzer). On `make eval` with title words in the body: 0.25
// against 0.5 gained Reuters topics 0.008 MAP and lost CRAN 0.005; 0 lost
// 0.02-0.04 on CRAN, CISI and LISA. Before schema 8, 0.5 was best.
constexpr double kTitleWeight = 0.25;

// One field's terms for a word, idf corrected (see article_word_query).
Xapian::Query field_word_query(const Xapian::Database& db, double articles, std::string_view prefix,
                               const std::vector<std::string>& words, double& documents) {
    std::vector<Xapian::Query> terms;
    double with_word = 0;
    for (const std::string& w : words) {
        std::string term = std::string(prefix) + w;
        with_word += db.get_termfreq(term);
        terms.emplace_back(std::move(term));
    }
    documents += with_word;
    Xapian::Query q = terms.size() == 1
                          ? terms[0]
                          : Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
    if (with_word == 0) return q;
    articles = std::max(1.0, articles);
    with_word = std::min(with_word, articles);
    const double all = bm25_idf(static_cast<double>(db.get_doccount()), with_word);
    if (all <= 0) return q;
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, bm25_idf(articles, with_word) / all);
}

}  // namespace

// With the wdf normalised, BM25's saturation alone remains: b = 0 needs no
// document length (13-18% of a name or word search's block reads were the
// article documents' lengths, scattered among the paragraphs').
Xapian::BM25Weight article_weight(const Xapian::Database& db, double articles,
                                  bool lengths_in_wdf) {
    if (lengths_in_wdf)
        return Xapian::BM25Weight(kArticleK1 * schema::kArticleWdfScale, 0, 1, 0, 0.5);
    return article_weight(db, articles, kArticleK1, schema::kArticleLengthB);
}

// The same mixing of documents skews idf: Xapian counts N over paragraphs
// and articles, so every word looks rarer among articles than it is, the
// common ones most. Scaling the word by idf(articles) / idf(all documents)
// restores it: Reuters topics MAP 0.538 -> 0.548. A word's frequency is its
// variants' summed (an upper bound of the union, as Xapian's synonym uses).
// The body's frequencies bound the articles: title words are body words
// too since schema 8 (a schema 7 article found by its title alone makes the
// bound too low, which costs only the exact total: see rank_articles).
Xapian::Query article_word_query(const Xapian::Database& db, double articles,
                                 const std::vector<std::string>& words, double& documents) {
    double in_titles = 0;
    return Xapian::Query(
        Xapian::Query::OP_OR,
        field_word_query(db, articles, schema::kArticleWordPrefix, words, documents),
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                      field_word_query(db, articles, schema::kArticleTitlePrefix, words, in_titles),
                      kTitleWeight));
}

// A name's own term counts its mentions, surname-only ones resolved to it
// ("Baker said" after "James Baker"): the article about a person names them
// most. Its words in the title only add weight (a title word alone is no
// mention of the person).
Xapian::Query article_name_query(const Xapian::Database& db, double articles,
                                 const std::string& key, const std::vector<std::string>& words,
                                 double& documents) {
    Xapian::Query named =
        field_word_query(db, articles, schema::kArticleNamePrefix, {key}, documents);
    double unused = 0;
    std::vector<Xapian::Query> title;
    for (const std::string& w : words)
        title.push_back(field_word_query(db, articles, schema::kArticleTitlePrefix, {w}, unused));
    return Xapian::Query(
        Xapian::Query::OP_AND_MAYBE, named,
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                      Xapian::Query(Xapian::Query::OP_OR, title.begin(), title.end()),
                      kTitleWeight));
}

namespace {

// The keys of the articles other than `shown` whose text hashes to `hash`.
std::vector<std::string> same_text(const Xapian::Database& db, std::string_view hash,
                                   Xapian::docid shown) {
    std::vector<std::string> keys;
    const std::string term = std::string(schema::kTextHashPrefix) + std::string(hash);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
        if (*it != shown) keys.push_back(db.get_document(*it).get_value(schema::kArticleSlot));
    return keys;
}

// Whether every hit's paragraphs can be found by id: each one's count is
// known and every shard is local.
bool by_id(const std::vector<ArticleHit>& hits, const std::vector<std::string>& shard_uuids) {
    return !shard_uuids.empty() && std::all_of(hits.begin(), hits.end(), [](const ArticleHit& h) {
        return h.paragraph_count > 0;
    });
}

Xapian::Query paragraph_ids_of(const std::vector<ArticleHit>& hits,
                               const std::vector<std::string>& shard_uuids) {
    DocidsByShard ids;
    for (const ArticleHit& h : hits) {
        const ShardDocid at = locate(h.article_doc, shard_uuids.size());
        auto& shard = ids[shard_uuids[at.shard]];
        for (Xapian::docid id : paragraph_ids(at, h.paragraph_count)) shard.push_back(id);
    }
    for (auto& [uuid, list] : ids) std::sort(list.begin(), list.end());
    return docid_list_query(std::move(ids));
}

// Each hit's best paragraph and its number of matching paragraphs, given
// every matching paragraph of the hits in weight order and which hit each
// belongs to (`hit_of`, or hits.size() for none).
template <typename HitOf>
void keep_best(const Xapian::MSet& matches, HitOf hit_of, std::vector<ArticleHit>& hits) {
    for (auto it = matches.begin(); it != matches.end(); ++it) {
        const std::size_t i = hit_of(it);
        if (i >= hits.size()) continue;
        ArticleHit& h = hits[i];
        if (h.matching_paragraphs++ == 0) {
            h.paragraph = *it;
            h.paragraph_weight = it.get_weight();
        }
    }
}

// By id: the hits' paragraphs are the ids just before their article
// documents, so every matching one is mapped to its hit by its id alone,
// without reading the paragraphs' article keys (a collapse on them read
// one value per candidate).
void best_paragraphs_by_id(Xapian::Enquire& enquire, const Xapian::Query& paragraphs,
                           const std::vector<std::string>& shard_uuids,
                           std::vector<ArticleHit>& hits) {
    const std::size_t shards = shard_uuids.size();
    std::map<std::pair<std::size_t, Xapian::docid>, std::size_t> by_end;  // (shard, article) -> hit
    Xapian::doccount all = 0;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const ShardDocid at = locate(hits[i].article_doc, shards);
        by_end.emplace(std::make_pair(at.shard, at.local), i);
        all += hits[i].paragraph_count;
    }
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, paragraphs, paragraph_ids_of(hits, shard_uuids)));
    const Xapian::MSet matches = enquire.get_mset(0, all, all);
    keep_best(
        matches,
        [&](const Xapian::MSetIterator& it) {
            const ShardDocid p = locate(*it, shards);
            // The first article document after the paragraph, in its shard.
            auto next = by_end.upper_bound({p.shard, p.local});
            if (next == by_end.end() || next->first.first != p.shard) return hits.size();
            const ArticleHit& h = hits[next->second];
            return p.local + h.paragraph_count >= next->first.second ? next->second : hits.size();
        },
        hits);
}

// By key (a remote shard, or a schema 6 index): the hits' XA terms, one
// collapsed match on the paragraphs' article keys.
void best_paragraphs_by_key(const Xapian::Database& db, Xapian::Enquire& enquire,
                            const Xapian::Query& paragraphs, std::vector<ArticleHit>& hits) {
    std::unordered_map<std::string, std::size_t> at;
    std::vector<Xapian::Query> keys;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (hits[i].key.empty())
            hits[i].key = db.get_document(hits[i].article_doc).get_value(schema::kArticleSlot);
        at.emplace(hits[i].key, i);
        keys.emplace_back(std::string(schema::kArticlePrefix) + hits[i].key);
    }
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, paragraphs,
                                    Xapian::Query(Xapian::Query::OP_OR, keys.begin(), keys.end())));
    enquire.set_collapse_key(schema::kArticleSlot);
    const Xapian::MSet best =
        enquire.get_mset(0, static_cast<Xapian::doccount>(hits.size()), db.get_doccount());
    for (auto it = best.begin(); it != best.end(); ++it) {
        auto found = at.find(it.get_collapse_key());
        if (found == at.end()) continue;
        ArticleHit& h = hits[found->second];
        h.paragraph = *it;
        h.paragraph_weight = it.get_weight();
        h.matching_paragraphs = it.get_collapse_count() + 1;
    }
}

// The best paragraph of each hit, with its weight and how many of the
// article's paragraphs match, from one match over just their paragraphs
// (every one checked, so the counts are exact).
void find_best_paragraphs(const Xapian::Database& db, const Xapian::Query& paragraphs,
                          const std::vector<std::string>& shard_uuids, const Xapian::Weight& weight,
                          std::vector<ArticleHit>& hits) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(weight);
    if (by_id(hits, shard_uuids))
        best_paragraphs_by_id(enquire, paragraphs, shard_uuids, hits);
    else
        best_paragraphs_by_key(db, enquire, paragraphs, hits);
}

// A hit of the article match. Schema 8 keeps the paragraph count in the
// collapse key, so nothing is read; a schema 7 article document has it in
// a slot of its own.
ArticleHit article_hit(const Xapian::Database& db, const Xapian::MSetIterator& it) {
    ArticleHit h;
    h.article_doc = *it;
    h.article_weight = it.get_weight();
    const std::string collapse = it.get_collapse_key();
    const schema::ArticleCollapse parts = schema::parse_article_collapse(collapse);
    h.paragraph_count = parts.paragraphs;
    if (h.paragraph_count == 0) {
        const Xapian::Document doc = db.get_document(*it, Xapian::DOC_ASSUME_VALID);
        h.key = doc.get_value(schema::kArticleSlot);
        const std::string count = doc.get_value(schema::kArticleParagraphsSlot);
        if (!count.empty()) h.paragraph_count = static_cast<unsigned>(std::stoul(count));
    }
    if (it.get_collapse_count() > 0) h.duplicates = same_text(db, parts.hash, *it);
    return h;
}

}  // namespace

ArticleRanking rank_articles(const Xapian::Database& db, const ArticleQuery& query,
                             const Xapian::Weight& paragraph_weight) {
    ArticleRanking out;
    Xapian::Enquire enquire(db);
    enquire.set_query(query.articles);
    enquire.set_weighting_scheme(article_weight(db, query.articles_in_index, query.lengths_in_wdf));
    // Identical articles under other ids (BBC: 98 groups) show once.
    enquire.set_collapse_key(schema::kTextHashSlot);
    // When few articles can match, checking them all makes the total exact
    // (as for paragraphs). The words' summed frequencies say so for a query
    // of words alone: Xapian's own bound for an OR is that sum. A filter
    // (dates) can only lower it, so Xapian is asked then, and when the bound
    // is unknown (its bound costs a match set-up: ~18% of a 3-word query's
    // instructions).
    const bool known = query.upper_bound != Xapian::doccount(-1);
    const Xapian::doccount upper =
        query.upper_bound <= kExactUpTo || (!query.filtered && known)
            ? query.upper_bound
            : enquire.get_mset(0, 0, Xapian::doccount(0)).get_matches_upper_bound();
    const Xapian::doccount page = query.first + query.count;
    const Xapian::doccount checked = upper <= kExactUpTo ? std::max(page, upper + 1) : page;
    out.articles = enquire.get_mset(query.first, query.count, checked);
    const bool saw_all = out.articles.get_matches_lower_bound() < checked;
    out.total_exact =
        saw_all || out.articles.get_matches_lower_bound() == out.articles.get_matches_upper_bound();
    out.total =
        saw_all ? out.articles.get_matches_lower_bound() : out.articles.get_matches_estimated();

    std::vector<ArticleHit> hits;
    for (auto it = out.articles.begin(); it != out.articles.end(); ++it)
        hits.push_back(article_hit(db, it));
    if (hits.empty()) return out;
    find_best_paragraphs(db, query.paragraphs, query.shard_uuids, paragraph_weight, hits);
    out.hits = std::move(hits);
    return out;
}

}  // namespace graf::searcher
