#include "web/archive.hpp"

#include <algorithm>

#include "searcher/name_corpus.hpp"
#include "searcher/query.hpp"
#include "searcher/query_context.hpp"

namespace graf::web {

searcher::SearchRequest to_request(const Filters& f) {
    searcher::SearchRequest req;
    req.query = f.query;
    if (!f.source.empty()) {
        // Parenthesised: a filter after `a OR b` must apply to both.
        const std::string filter = "source:\"" + f.source + "\"";
        req.query = f.query.empty() ? filter : "(" + f.query + ") " + filter;
    }
    req.name = f.name;
    req.since = f.since;
    req.until = f.until;
    return req;
}

Archive::Archive(const std::filesystem::path& db)
    : path_(db),
      searcher_(db),
      index_(searcher::open_index(db)),
      local_(std::none_of(index_.shards.begin(), index_.shards.end(), searcher::is_remote)) {}

void Archive::refresh() {
    searcher_.refresh();
    if (!index_.all.reopen()) return;
    variants_.clear();
    searcher::learn_record_dictionaries(index_);
}

// The same steps as Searcher::run, which keeps them private: the query
// language with each shard's stem variants, AND --name, FILTER the dates.
Xapian::Query Archive::compile(const Filters& filters, searcher::HighlightSpec& highlight) {
    const searcher::SearchRequest req = to_request(filters);
    searcher::ParsedQuery parsed;
    if (!req.query.empty()) {
        // The index's context, as `graf search` compiles: phrases with
        // stopwords checked against the text, title: through the article
        // documents, NOT and -word by article; and a free word also finds
        // the paragraphs of articles with it in their title, so what is
        // counted is what the article ranking finds.
        searcher::IndexQueryContext context(index_.all, index_.shards, &variants_);
        context.titles_count = true;
        parsed = searcher::parse_query(req.query, context);
    }
    Xapian::Query query = parsed.query;
    highlight = std::move(parsed.highlight);
    if (!req.name.empty()) {
        Xapian::Query nq = searcher::name_query(req.name, highlight);
        // As `graf search --name`: articles that name the person by surname
        // alone, when the corpus knows who.
        if (Xapian::Query corpus = searcher::corpus_name_query(index_.all, req.name);
            !corpus.empty())
            nq = Xapian::Query(Xapian::Query::OP_OR, nq, corpus);
        query = query.empty() ? nq : Xapian::Query(Xapian::Query::OP_AND, query, nq);
    }
    if (!req.since.empty() || !req.until.empty())
        query =
            Xapian::Query(Xapian::Query::OP_FILTER, query.empty() ? Xapian::Query::MatchAll : query,
                          searcher::date_range_query(req.since, req.until));
    if (query.empty())
        throw searcher::QueryError("nothing to search for: give a word, a \"phrase\" or --name");
    return query;
}

}  // namespace graf::web
