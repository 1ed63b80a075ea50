#include "searcher/searcher.hpp"

#include <fmt/format.h>

#include <chrono>
#include <thread>
#include <unordered_map>

#include "analysis/stemmer.hpp"
#include "analysis/tokenizer.hpp"
#include "schema/schema.hpp"
#include "searcher/query.hpp"
#include "searcher/spelling.hpp"

namespace graf::searcher {
namespace fs = std::filesystem;

namespace {

// BM25 tuned for paragraphs: they are short and similar in length, so length
// normalisation (b) matters less than for whole articles; k1 as usual.
Xapian::BM25Weight paragraph_weight() {
    return Xapian::BM25Weight(1.2, 0, 1, 0.5, 0.5);
}

// How many times a search is retried when a concurrent `graf index` commit
// invalidates the revision it was reading.
constexpr int kRetries = 5;

// Totals up to this many are counted exactly.
constexpr Xapian::doccount kExactTotalsUpTo = 100;

std::string rewrite_query(const std::string& query, const std::string& from,
                          const std::string& to) {
    std::string out = query;
    for (std::size_t at = out.find(from); at != std::string::npos;
         at = out.find(from, at + to.size()))
        out.replace(at, from.size(), to);
    return out;
}

}  // namespace

Xapian::Database open_index(const fs::path& db) {
    std::error_code ec;
    // `graf compact` swaps the compacted copy in with two renames; between
    // them the index is briefly absent. Wait for the second rename.
    for (int wait = 0;
         wait < 100 && !fs::exists(db, ec) && fs::exists(db.string() + ".precompact", ec); ++wait)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (!fs::exists(db, ec))
        throw IndexMissing(fmt::format("no index at {}: build one with `graf index --db {} CORPUS`",
                                       db.string(), db.string()));
    Xapian::Database d;
    try {
        d = Xapian::Database(db.string());
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw IndexMissing(
            fmt::format("{} is not a graf index ({}): build one with `graf index --db {} CORPUS`",
                        db.string(), e.get_msg(), db.string()));
    }
    if (d.get_doccount() == 0)
        throw IndexMissing(
            fmt::format("the index at {} is empty: add articles with `graf index --db {} CORPUS`",
                        db.string(), db.string()));
    return d;
}

namespace {

// Opens the index, riding out a compaction swap (see compactor.cpp): a
// reader that opens while the files are being swapped can see tables from
// both sides and get a DatabaseError; a moment later the index is whole.
Xapian::Database open_settled(const fs::path& db) {
    for (int attempt = 0;; ++attempt) {
        try {
            return open_index(db);
        } catch (const Xapian::DatabaseError&) {
            if (attempt + 1 >= kRetries) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(20 * (attempt + 1)));
        }
    }
}

}  // namespace

Searcher::Searcher(const fs::path& db) : path_(db), db_(open_settled(db)) {}

SearchResult Searcher::search(const SearchRequest& request) {
    for (int attempt = 0;; ++attempt) {
        try {
            return run(request);
        } catch (const Xapian::DatabaseModifiedError&) {
            // A writer committed past the revision we held; take the new one.
            if (attempt + 1 >= kRetries) throw;
            db_.reopen();
        } catch (const Xapian::DatabaseError&) {
            // Compaction swapped the index's files under us: open it afresh.
            if (attempt + 1 >= kRetries) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(20 * (attempt + 1)));
            db_ = open_settled(path_);
        }
    }
}

SearchResult Searcher::run(const SearchRequest& request) {
    const auto started = std::chrono::steady_clock::now();
    SearchResult result;

    ParsedQuery parsed;
    if (!request.query.empty()) {
        StemVariants variants = [this](const std::string& stem) {
            std::vector<std::string> words;
            const std::string key = std::string(schema::kStemKeyPrefix) + stem;
            for (auto it = db_.synonyms_begin(key); it != db_.synonyms_end(key); ++it)
                words.push_back(*it);
            return words;
        };
        parsed = parse_query(request.query, variants);
    }
    Xapian::Query query = parsed.query;
    if (!request.name.empty()) {
        Xapian::Query nq = name_query(request.name, parsed.highlight);
        query = query.empty() ? nq : Xapian::Query(Xapian::Query::OP_AND, query, nq);
    }
    if (!request.since.empty() || !request.until.empty()) {
        Xapian::Query dq = date_range_query(request.since, request.until);
        query = Xapian::Query(Xapian::Query::OP_FILTER,
                              query.empty() ? Xapian::Query::MatchAll : query, dq);
    }
    if (query.empty())
        throw QueryError("nothing to search for: give a word, a \"phrase\" or --name");
    result.natural_language = parsed.natural_language;

    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(paragraph_weight());
    if (!request.paragraphs) enquire.set_collapse_key(schema::kArticleSlot);
    if (request.sort_by_date) enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
    // Checking a few more documents than shown makes small totals exact
    // (collapsing makes Xapian's estimate loose) at a bounded cost.
    const auto first = static_cast<Xapian::doccount>(request.offset);
    const auto count = static_cast<Xapian::doccount>(request.limit);
    Xapian::MSet mset =
        enquire.get_mset(first, count, std::max<Xapian::doccount>(first + count, kExactTotalsUpTo));
    result.total_estimate = mset.get_matches_estimated();

    // Exact "other matching paragraphs" per shown article. When the match saw
    // every matching paragraph (lower bound = upper bound), Xapian's collapse
    // counts are exact already; otherwise one extra pass over just those
    // articles' paragraphs (a filter on a few documents) counts them.
    std::unordered_map<std::string, unsigned> per_article;
    const bool counts_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    if (!request.paragraphs && !mset.empty() && !counts_exact) {
        std::vector<Xapian::Query> articles;
        for (auto it = mset.begin(); it != mset.end(); ++it)
            articles.emplace_back(std::string(schema::kArticlePrefix) + it.get_collapse_key());
        Xapian::Enquire count(db_);
        count.set_query(
            Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_OR, articles.begin(), articles.end())));
        count.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::ValueCountMatchSpy spy(schema::kArticleSlot);
        count.add_matchspy(&spy);
        count.get_mset(0, 0, db_.get_doccount());
        for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
            per_article[*it] = it.get_termfreq();
    }

    std::vector<analysis::Token> tokens;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::Document doc = it.get_document();
        schema::ParagraphData data = schema::decode(doc.get_data());
        Hit hit;
        hit.rank = static_cast<std::size_t>(it.get_rank()) + 1;  // get_rank counts the offset
        hit.article = data.article;
        hit.paragraph = data.paragraph;
        hit.title = std::move(data.title);
        hit.date = std::move(data.date);
        hit.source = std::move(data.source);
        hit.url = std::move(data.url);
        hit.score = it.get_weight();
        if (!request.paragraphs) {
            auto found = per_article.find(it.get_collapse_key());
            hit.matching_paragraphs =
                found != per_article.end() ? found->second : it.get_collapse_count() + 1;
        }
        if (request.snippets) {
            analysis::tokenize(data.text, tokens);
            hit.snippet =
                make_snippet(data.text, tokens, find_matches(tokens, parsed.highlight, stemmer_),
                             request.snippet_chars);
        }
        result.hits.push_back(std::move(hit));
    }

    if (request.suggest) {
        std::string corrected = request.query;
        bool changed = false;
        for (const auto& [typed, term] : parsed.words) {
            if (db_.term_exists(term)) continue;
            if (auto better = suggest_word(db_, term)) {
                // Keep a capitalised word capitalised: it is matched as a name.
                if (!typed.empty() && typed[0] >= 'A' && typed[0] <= 'Z' && (*better)[0] >= 'a' &&
                    (*better)[0] <= 'z')
                    (*better)[0] = static_cast<char>((*better)[0] - 32);
                corrected = rewrite_query(corrected, typed, *better);
                changed = true;
            }
        }
        if (changed) result.suggestion = corrected;
    }
    result.took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    return result;
}

}  // namespace graf::searcher
