#include "searcher/searcher.hpp"

#include <fmt/format.h>

#include <chrono>
#include <thread>
#include <unordered_map>

#include "analysis/stemmer.hpp"
#include "analysis/stopwords.hpp"
#include "analysis/tokenizer.hpp"
#include "schema/record_codec.hpp"
#include "schema/schema.hpp"
#include "searcher/article_ranking.hpp"
#include "searcher/docid_list.hpp"
#include "searcher/exact_count.hpp"
#include "searcher/feedback.hpp"
#include "searcher/name_corpus.hpp"
#include "searcher/query.hpp"
#include "searcher/query_compiler.hpp"
#include "searcher/query_parser.hpp"
#include "searcher/spelling.hpp"

namespace graf::searcher {
namespace fs = std::filesystem;

namespace {

// BM25 for the paragraph ranking (names, phrases, operators, --paragraphs,
// and choosing an article's best paragraph): k1 0.9 and no length
// normalisation. Paragraphs are short and alike in length, and without it
// Xapian reads no candidate's length: on Reuters name and phrase p50 -20%
// against b 0.4 (graf bench, alternating runs). The article ranking, which
// decides what free-word queries return, normalises lengths (b 0.4 in
// article_ranking.cpp): there it adds 0.01-0.03 MAP on `make eval`.
Xapian::BM25Weight paragraph_weight() {
    return Xapian::BM25Weight(0.9, 0, 1, 0, 0.5);
}

// How many times a search is retried when a concurrent `graf index` commit
// invalidates the revision it was reading.
constexpr int kRetries = 5;

// Totals up to this many are counted exactly.
constexpr Xapian::doccount kExactTotalsUpTo = 100;

// Up to this many possibly matching paragraphs, the match checks them all.
constexpr Xapian::doccount kSeeAllUpTo = 1000;

std::unordered_map<std::string, unsigned> paragraphs_per_article(Xapian::Database& db,
                                                                 const Xapian::Query& query) {
    Xapian::Enquire count(db);
    count.set_query(query);
    count.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::ValueCountMatchSpy spy(schema::kArticleSlot);
    count.add_matchspy(&spy);
    count.get_mset(0, 0, db.get_doccount());
    std::unordered_map<std::string, unsigned> per_article;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
        per_article[*it] = it.get_termfreq();
    return per_article;
}

// An article's first paragraph: the first of the ids before its article
// document when their count is known, else its first XA posting.
Xapian::docid first_paragraph(const Xapian::Database& db, const ArticleHit& h) {
    const std::size_t shards = db.size();
    if (h.paragraph_count > 0) {
        const ShardDocid at = locate(h.article_doc, shards);
        if (at.local > h.paragraph_count)
            return combined_id({at.shard, at.local - h.paragraph_count}, shards);
    }
    const std::string term = std::string(schema::kArticlePrefix) + h.key;
    auto it = db.postlist_begin(term);
    return it != db.postlist_end(term) ? *it : 0;
}

// Any of `words`, scored as one term (a stem's variants).
Xapian::Query any_variant(const std::vector<std::string>& words) {
    return Xapian::Query(Xapian::Query::OP_SYNONYM, words.begin(), words.end());
}

std::string rewrite_query(const std::string& query, const std::string& from,
                          const std::string& to) {
    std::string out = query;
    for (std::size_t at = out.find(from); at != std::string::npos;
         at = out.find(from, at + to.size()))
        out.replace(at, from.size(), to);
    return out;
}

}  // namespace

namespace {

// Opens the index, riding out a compaction swap (see compactor.cpp): a
// reader that opens while the files are being swapped can see tables from
// both sides and get a DatabaseError; a moment later the index is whole.
OpenIndex open_settled(const fs::path& db, bool allow_partial) {
    for (int attempt = 0;; ++attempt) {
        try {
            return open_index(db, allow_partial);
        } catch (const Xapian::DatabaseError&) {
            if (attempt + 1 >= kRetries) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(20 * (attempt + 1)));
        }
    }
}

}  // namespace

Searcher::Searcher(const fs::path& db, bool allow_partial)
    : path_(db), allow_partial_(allow_partial), index_(open_settled(db, allow_partial)) {
    note_schema(false);
}

// Schema 10 article documents carry their length normalisation in their
// wdf (schema::article_wdf); older ones are normalised at search time. A
// fresh open knows each shard's schema; a reopened revision may be the end
// of a re-index from an older one, so the shards are asked again.
void Searcher::note_schema(bool reopened) {
    if (!reopened) {
        lengths_in_wdf_ = index_.stale.empty();
        return;
    }
    lengths_in_wdf_ =
        std::all_of(index_.shards.begin(), index_.shards.end(), [](const Xapian::Database& shard) {
            return shard.get_metadata(std::string(schema::kVersionKey)) == schema::kVersion;
        });
}

// What is read once per revision (the article count, the shards' ids, stem
// variants) is read again, inside search()'s retries: a concurrent commit
// can discard the revision just opened before its first read.
void Searcher::forget_revision() {
    revision_read_ = false;
    variants_.clear();
}

void Searcher::read_revision() {
    if (revision_read_) return;
    articles_ = article_count(index_.all);
    shard_uuids_ = local_shard_uuids(index_.shards);
    learn_record_dictionaries(index_);
    revision_read_ = true;
}

void Searcher::refresh() {
    if (!index_.all.reopen()) return;
    forget_revision();
    note_schema(true);
}

SearchResult Searcher::search(const SearchRequest& request) {
    for (int attempt = 0;; ++attempt) {
        try {
            read_revision();
            return run(request);
        } catch (const Xapian::DatabaseModifiedError&) {
            // A writer committed past the revision we held; take the new one.
            if (attempt + 1 >= kRetries) throw;
            index_.all.reopen();  // the shard handles share these internals
            forget_revision();
            note_schema(true);
        } catch (const Xapian::DatabaseError&) {
            // Compaction swapped the index's files under us: open it afresh.
            if (attempt + 1 >= kRetries) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(20 * (attempt + 1)));
            index_ = open_settled(path_, allow_partial_);
            forget_revision();
            note_schema(false);
        } catch (const Xapian::NetworkError&) {
            // A remote shard went away mid-search. Opening every shard again
            // names the one that is down (ShardUnreachable), or leaves it out
            // when partial results are allowed.
            if (attempt + 1 >= kRetries) throw;
            index_ = open_index(path_, allow_partial_);
            forget_revision();
            note_schema(false);
        }
    }
}

// The query's own words as stems (the relevance model groups by stem) when
// it is a long free-word question (kFeedbackMinWords) or the request asks to
// expand any free-word query, else none.
std::vector<std::string> Searcher::feedback_stems(const SearchRequest& request,
                                                  const ParsedQuery& parsed) {
    std::vector<std::string> stems;
    if (!request.feedback || request.sort_by_date || !parsed.free_words_only ||
        !request.name.empty())
        return stems;
    for (const QueryNode* w : only_free_words(*parsed.tree))
        if (!w->stopword) stems.push_back(w->exact ? w->term : stemmer_(w->term));
    if (stems.size() < kFeedbackMinWords && !request.expand) stems.clear();
    return stems;
}

// The words a stem stands for: its indexed variants, or itself.
std::vector<std::string> Searcher::words_of(const std::string& stem) {
    std::vector<std::string> words = variants_.of(index_.shards, stem);
    if (words.empty()) words.push_back(stem);
    return words;
}

// The words feedback added, as the text writes them: each stem's most
// frequent indexed variant ("international" for "intern", not "internal";
// the shortest would show scraper fragments such as "produc").
std::vector<std::string> Searcher::shown_words(const std::vector<ExpansionTerm>& terms) {
    std::vector<std::string> shown;
    for (const ExpansionTerm& t : terms) {
        std::string best;
        Xapian::doccount best_count = 0;
        for (const std::string& w : words_of(t.stem))
            if (const Xapian::doccount n = index_.all.get_termfreq(w);
                best.empty() || n > best_count)
                best = w, best_count = n;
        shown.push_back(best);
    }
    return shown;
}

ParsedQuery Searcher::parse(const SearchRequest& request) {
    ParsedQuery parsed;
    if (!request.query.empty()) {
        // Stem variants from every shard, and the articles NOT/-word exclude.
        IndexQueryContext context(index_.all, index_.shards, &variants_);
        parsed = parse_query(request.query, context);
    }
    Xapian::Query& query = parsed.query;
    if (!request.name.empty()) {
        Xapian::Query nq = name_query(request.name, parsed.highlight);
        // Articles that name the person by surname alone, when the corpus knows who.
        parsed.name_corpus = corpus_name_query(index_.all, name_node(request.name)->terms);
        if (!parsed.name_corpus.empty())
            nq = Xapian::Query(Xapian::Query::OP_OR, nq, parsed.name_corpus);
        query = query.empty() ? nq : Xapian::Query(Xapian::Query::OP_AND, query, nq);
    }
    if (!request.since.empty() || !request.until.empty()) {
        Xapian::Query dq = date_range_query(request.since, request.until);
        query = Xapian::Query(Xapian::Query::OP_FILTER,
                              query.empty() ? Xapian::Query::MatchAll : query, dq);
    }
    if (query.empty())
        throw QueryError("nothing to search for: give a word, a \"phrase\" or --name");
    return parsed;
}

// Free words alone, or --name alone (with --since/--until at most), are
// ranked by article; --paragraphs, --sort date and --name with a query keep
// the paragraph ranking, and so does an index without article documents.
bool Searcher::ranks_by_article(const SearchRequest& request, const ParsedQuery& parsed) const {
    if (request.paragraphs || request.sort_by_date || articles_ == 0) return false;
    if (!request.name.empty()) return request.query.empty();
    return parsed.free_words_only;
}

// The article documents of the articles `--name` finds without an AN term:
// its words side by side (XP pairs) the name finder did not tag, and the
// surname alone where the corpus says who it is (corpus_name_query). Ranked
// by the surname over the article, as a surname alone is. On local shards
// their article documents are found by id from the paragraphs' ids
// (article_documents_of); a remote shard cannot run that posting source, so
// there they are OR-ed by their XB terms (a posting list each).
Xapian::Query Searcher::unnamed_articles(const std::vector<std::string>& words,
                                         const std::string& key, const Xapian::Query& corpus,
                                         double& with_name) {
    Xapian::Query found = name_pairs_query(words);
    if (!corpus.empty()) found = Xapian::Query(Xapian::Query::OP_OR, found, corpus);
    const Xapian::Query paragraphs(Xapian::Query::OP_AND_NOT, found,
                                   Xapian::Query(std::string(schema::kNamePrefix) + key));
    Xapian::Query articles;
    if (!shard_uuids_.empty()) {
        DocidsByShard ids =
            article_documents_of(index_.all, index_.shards, shard_uuids_, paragraphs);
        const std::size_t n = size_of(ids);
        if (n == 0) return {};
        with_name += static_cast<double>(n);
        articles = docid_list_query(std::move(ids));
    } else {
        IndexQueryContext context(index_.all, index_.shards);
        const std::vector<std::string> keys =
            context.articles_matching(paragraphs, index_.all.get_doccount());
        if (keys.empty()) return {};
        with_name += static_cast<double>(keys.size());
        std::vector<Xapian::Query> terms;
        for (const std::string& k : keys)
            terms.emplace_back(std::string(schema::kArticleDocPrefix) + k);
        articles = Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    }
    double unused = 0;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, articles,
                         article_word_query(index_.all, articles_, {words.back()}, unused));
}

// --name alone ranks articles: those whose paragraphs name the person (the
// name's resolved mentions, AN, and unnamed_articles), by how often they
// name them. reuters-people MAP 0.569 by the best paragraph, 0.866 so.
ArticleQuery Searcher::name_article_query(const SearchRequest& request, const ParsedQuery& parsed) {
    const NodePtr name = name_node(request.name);
    const std::vector<std::string>& words = name->terms;
    ArticleQuery q;
    double with_name = 0;
    if (words.size() == 1) {
        // A surname alone matches the word itself, in any paragraph.
        q.articles = article_word_query(index_.all, articles_, words, with_name);
    } else {
        const std::string key = name_key_of(words);
        // Ranked by AN alone: the words over the whole article (as free
        // words rank) were 0.007 MAP lower on reuters-people, AN plus the
        // words 0.005.
        q.articles = article_name_query(index_.all, articles_, key, words, with_name);
        if (Xapian::Query extra = unnamed_articles(words, key, parsed.name_corpus, with_name);
            !extra.empty())
            q.articles = Xapian::Query(Xapian::Query::OP_OR, q.articles, extra);
    }
    q.paragraphs = parsed.query;  // --since/--until are in it already
    finish(request, q, with_name);
    return q;
}

// What every article query shares: --since/--until on the article
// documents, the page, the shards, and the bound on matching articles.
void Searcher::finish(const SearchRequest& request, ArticleQuery& q, double matching) const {
    if (!request.since.empty() || !request.until.empty()) {
        q.articles =
            Xapian::Query(Xapian::Query::OP_FILTER, q.articles,
                          date_range_query(request.since, request.until, schema::kArticleDateSlot));
        q.filtered = true;
    }
    q.first = static_cast<Xapian::doccount>(request.offset);
    q.count = static_cast<Xapian::doccount>(request.limit);
    q.shard_uuids = shard_uuids_;
    q.articles_in_index = articles_;
    q.lengths_in_wdf = lengths_in_wdf_;
    if (matching < static_cast<double>(q.upper_bound))
        q.upper_bound = static_cast<Xapian::doccount>(matching);
}

// The free words over article documents and over paragraph bodies:
// capitalised words exactly (names), others with their stem's variants. The
// paragraph side leaves titles out: the article document has the title, and
// a paragraph should count as matching only for its own words.
ArticleQuery Searcher::article_query(const SearchRequest& request, const ParsedQuery& parsed) {
    if (!request.name.empty()) return name_article_query(request, parsed);
    std::vector<const QueryNode*> free = only_free_words(*parsed.tree);
    // Free stopwords only cost time unless they are all there is (as in the
    // paragraph query, QueryCompiler::free_words).
    const bool all_stopwords =
        std::all_of(free.begin(), free.end(), [](const QueryNode* w) { return w->stopword; });
    std::vector<Xapian::Query> articles, paragraphs;
    double with_words = 0;
    for (const QueryNode* w : free) {
        if (w->stopword && !all_stopwords) continue;
        const std::vector<std::string> words =
            w->exact ? std::vector<std::string>{w->term} : words_of(stemmer_(w->term));
        articles.push_back(article_word_query(index_.all, articles_, words, with_words));
        paragraphs.push_back(any_variant(words));
    }
    ArticleQuery q;
    q.articles = Xapian::Query(Xapian::Query::OP_OR, articles.begin(), articles.end());
    q.paragraphs = Xapian::Query(Xapian::Query::OP_OR, paragraphs.begin(), paragraphs.end());
    if (!request.since.empty() || !request.until.empty())
        q.paragraphs = Xapian::Query(Xapian::Query::OP_FILTER, q.paragraphs,
                                     date_range_query(request.since, request.until));
    finish(request, q, with_words);
    return q;
}

Searcher::Page Searcher::rank_by_article(const SearchRequest& request, const ParsedQuery& parsed) {
    Xapian::Database& db = index_.all;
    ArticleQuery query = article_query(request, parsed);
    Page page;
    if (const auto stems = feedback_stems(request, parsed); !stems.empty()) {
        // Widen both queries with the relevance model of the top articles.
        Xapian::Enquire first(db);
        first.set_query(query.articles);
        first.set_weighting_scheme(article_weight(db, articles_, lengths_in_wdf_));
        const FeedbackOptions options = feedback_options(stems.size());
        const auto terms = relevance_terms(db, first.get_mset(0, options.docs),
                                           schema::kArticleWordPrefix, stems, options);
        double expansion_matches = 0;  // summed frequencies of the added words
        query.articles = widen(
            query.articles, terms,
            [&](const std::string& stem) {
                return article_word_query(db, articles_, words_of(stem), expansion_matches);
            },
            stems.size(), options);
        query.paragraphs = widen(
            query.paragraphs, terms,
            [&](const std::string& stem) { return any_variant(words_of(stem)); }, stems.size(),
            options);
        page.expansion = shown_words(terms);
        // The added words may match articles the question did not: an OR's
        // bound is the sum, so a small total is still counted exactly.
        const double bound = static_cast<double>(query.upper_bound) + expansion_matches;
        query.upper_bound = bound < static_cast<double>(Xapian::doccount(-1))
                                ? static_cast<Xapian::doccount>(bound)
                                : Xapian::doccount(-1);
    }
    ArticleRanking ranked = rank_articles(db, query, paragraph_weight());
    page.total = ranked.total;
    page.exact = ranked.total_exact;
    page.lower = ranked.total_exact ? ranked.total : ranked.articles.get_matches_lower_bound();
    page.upper = ranked.total_exact ? ranked.total : ranked.articles.get_matches_upper_bound();
    page.stats = ranked.articles;
    page.stats_prefix = schema::kArticleWordPrefix;
    for (const ArticleHit& h : ranked.hits) {
        // An article found by its title alone shows its first paragraph.
        const Xapian::docid doc = h.paragraph ? h.paragraph : first_paragraph(db, h);
        if (doc)
            page.entries.push_back(
                {doc, h.article_weight, std::max(1u, h.matching_paragraphs), h.duplicates});
    }
    return page;
}

Searcher::Page Searcher::rank_by_paragraph(const SearchRequest& request,
                                           const ParsedQuery& parsed) {
    Xapian::Database& db = index_.all;
    Xapian::Query query = parsed.query;
    Page page;
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(paragraph_weight());
    if (!request.paragraphs) enquire.set_collapse_key(schema::kArticleSlot);
    if (const auto stems = feedback_stems(request, parsed); !stems.empty()) {
        const FeedbackOptions options = feedback_options(stems.size());
        const auto terms =
            relevance_terms(db, enquire.get_mset(0, options.docs), "", stems, options);
        query = widen(
            query, terms, [&](const std::string& stem) { return any_variant(words_of(stem)); },
            stems.size(), options);
        enquire.set_query(query);
        page.expansion = shown_words(terms);
    }
    if (request.sort_by_date)
        enquire.set_sort_by_value_then_relevance(schema::kDateSlot, !request.oldest_first);
    // Checking a few more documents than shown makes small totals exact
    // (collapsing makes Xapian's estimate loose) at a bounded cost.
    const auto first = static_cast<Xapian::doccount>(request.offset);
    const auto count = static_cast<Xapian::doccount>(request.limit);
    Xapian::doccount checked = std::max<Xapian::doccount>(first + count, kExactTotalsUpTo);
    if (!request.paragraphs) {
        // Xapian's bounds before matching cost ~16 µs. When few paragraphs
        // can match, checking them all in the one match is cheaper than the
        // counting pass below (name p99 -17% and overall p50 -13% on Reuters).
        const Xapian::doccount upper =
            enquire.get_mset(0, 0, Xapian::doccount(0)).get_uncollapsed_matches_upper_bound();
        if (upper <= kSeeAllUpTo) checked = std::max(checked, upper + 1);
    }
    Xapian::MSet mset = enquire.get_mset(first, count, checked);
    // Xapian may stop early only after checking `checked` matching
    // paragraphs; fewer known matches means it saw every one. Then the
    // collapsed lower bound is the exact number of articles and the collapse
    // counts are exact, even where Xapian's bounds stay loose (an OR query:
    // 22 articles, estimate 30, upper bound 44). Checked against a full count
    // on every Reuters and BBC query at k 10 and 50 (exact for 77% and 92%).
    const bool saw_all = mset.get_uncollapsed_matches_lower_bound() < checked;
    page.exact = saw_all || mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    page.total = saw_all ? mset.get_matches_lower_bound() : mset.get_matches_estimated();
    page.lower = saw_all ? page.total : mset.get_matches_lower_bound();
    page.upper = saw_all ? page.total : mset.get_matches_upper_bound();
    const bool collapse_counts_exact = page.exact;
    if (!page.exact)
        if (auto total =
                cheap_exact_total(db, articles_ > 0, request, parsed.tree.get(), query, mset)) {
            page.total = page.lower = page.upper = *total;
            page.exact = true;
        }

    // Exact "other matching paragraphs" per shown article: when the match
    // stopped early, one extra pass over just those articles' paragraphs.
    std::unordered_map<std::string, unsigned> per_article;
    if (!request.paragraphs && !mset.empty() && !collapse_counts_exact) {
        std::vector<Xapian::Query> articles;
        for (auto it = mset.begin(); it != mset.end(); ++it)
            articles.emplace_back(std::string(schema::kArticlePrefix) + it.get_collapse_key());
        per_article = paragraphs_per_article(
            db,
            Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_OR, articles.begin(), articles.end())));
    }
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        unsigned matching = 1;
        if (!request.paragraphs) {
            auto found = per_article.find(it.get_collapse_key());
            matching = found != per_article.end() ? found->second : it.get_collapse_count() + 1;
        }
        page.entries.push_back({*it, it.get_weight(), matching, {}});
    }
    page.stats = mset;
    return page;
}

Hit Searcher::make_hit(const Page::Entry& entry, std::size_t rank, const SearchRequest& request,
                       const HighlightSpec& highlight) {
    // The id comes from a match: no need to check that the document exists
    // (a B-tree read per hit).
    Xapian::Document doc = index_.all.get_document(entry.doc, Xapian::DOC_ASSUME_VALID);
    schema::ParagraphData data = schema::read_record(doc);
    Hit hit;
    hit.rank = rank;
    hit.article = data.article;
    hit.id = std::move(data.id);
    hit.paragraph = data.paragraph;
    hit.title = std::move(data.title);
    hit.date = std::move(data.date);
    hit.source = std::move(data.source);
    hit.url = std::move(data.url);
    hit.score = entry.score;
    hit.matching_paragraphs = entry.matching;
    hit.duplicates = entry.duplicates;
    if (request.snippets) {
        analysis::tokenize(data.text, tokens_);
        hit.snippet = make_snippet(data.text, tokens_, find_matches(tokens_, highlight, stemmer_),
                                   request.snippet_chars);
    }
    return hit;
}

// "Did you mean": the query with each word the index does not know
// corrected, or nothing.
std::optional<std::string> Searcher::suggest(const SearchRequest& request,
                                             const ParsedQuery& parsed, const Page& page) {
    std::string corrected = request.query;
    bool changed = false;
    for (const auto& [typed, term] : parsed.words) {
        // The match's own statistics know the query's terms: no index
        // lookup (and no round trip to a remote shard) per word.
        if (page.stats.get_termfreq(page.stats_prefix + term) > 0) continue;
        if (auto better = suggest_word(index_.all, term)) {
            // Keep a capitalised word capitalised: it is matched as a name.
            if (!typed.empty() && typed[0] >= 'A' && typed[0] <= 'Z' && (*better)[0] >= 'a' &&
                (*better)[0] <= 'z')
                (*better)[0] = static_cast<char>((*better)[0] - 32);
            corrected = rewrite_query(corrected, typed, *better);
            changed = true;
        }
    }
    if (!changed) return std::nullopt;
    return corrected;
}

SearchResult Searcher::run(const SearchRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    SearchResult result;
    result.shards = index_.shards.size();
    result.missing_shards = index_.missing;
    const ParsedQuery parsed = parse(request);
    result.natural_language = parsed.natural_language;
    const Page page = ranks_by_article(request, parsed) ? rank_by_article(request, parsed)
                                                        : rank_by_paragraph(request, parsed);
    result.total_estimate = page.total;
    result.total_exact = page.exact;
    result.total_lower = page.lower;
    result.total_upper = page.upper;
    result.expanded = !page.expansion.empty();
    result.expansion = page.expansion;
    std::size_t rank = request.offset;
    for (const Page::Entry& entry : page.entries)
        result.hits.push_back(make_hit(entry, ++rank, request, parsed.highlight));
    if (request.suggest) result.suggestion = suggest(request, parsed, page);
    result.took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    return result;
}

}  // namespace graf::searcher
