#include "searcher/query_compiler.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "analysis/stopwords.hpp"
#include "schema/schema.hpp"
#include "searcher/phrase_check.hpp"
#include "searcher/query.hpp"
#include "searcher/query_dates.hpp"

namespace graf::searcher {
namespace {

using Xapian::Query;
using Kind = QueryNode::Kind;

const std::string kArticleTitle(schema::kArticleTitlePrefix);
const std::string kQuote(schema::kQuotePrefix);

Query combine(Query::op op, const std::vector<Query>& qs) {
    return qs.size() == 1 ? qs[0] : Query(op, qs.begin(), qs.end());
}

}  // namespace

Query name_pairs_query(const std::vector<std::string>& words) {
    std::vector<Query> pairs;
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
        pairs.emplace_back(std::string(schema::kPairPrefix) + words[i] + ' ' + words[i + 1]);
    return Query(Query::OP_AND, pairs.begin(), pairs.end());
}

Query name_terms_query(const std::vector<std::string>& words) {
    if (words.size() == 1) return Query(words[0]);  // a surname alone: the word
    return Query(Query::OP_OR, Query(std::string(schema::kNamePrefix) + name_key_of(words)),
                 name_pairs_query(words));
}

std::string name_key_of(const std::vector<std::string>& words) {
    std::string key;
    for (const std::string& w : words) key += (key.empty() ? "" : " ") + w;
    return key;
}

Query speakers_query(const std::vector<std::string>& speakers) {
    std::vector<Query> each;
    for (const std::string& s : speakers)
        each.emplace_back(std::string(schema::kSpeakerPrefix) + s);
    return Query(Query::OP_OR, each.begin(), each.end());
}

Query QueryCompiler::phrase(const QueryNode& n, bool in_quotes) {
    Query q = phrase_query(n.terms, in_quotes, ctx_.checks_phrases());
    const std::string prefix = in_quotes ? kQuote : std::string();
    if (!n.alias.empty()) q = Query(Query::OP_OR, q, Query(prefix + n.alias));
    return q;
}

Query QueryCompiler::compile(const QueryNode& root) {
    return standalone(node(root));
}

// A filter alone still lists documents: it restricts everything.
Query QueryCompiler::standalone(const Compiled& c) {
    return c.filter ? Query(Query::OP_FILTER, Query::MatchAll, c.query) : c.query;
}

QueryCompiler::Compiled QueryCompiler::node(const QueryNode& n) {
    switch (n.kind) {
        case Kind::Word:
            return {body_word(n)};
        case Kind::Phrase:
            return {phrase(n, ctx_.quote_words)};
        case Kind::Said: {
            const QueryNode& inner = *n.children[0];
            return {inner.kind == Kind::Word ? word(inner, kQuote) : phrase(inner, true)};
        }
        case Kind::SaidBy:
            return {speakers_query(ctx_.speakers_named(n.terms))};
        case Kind::Name:
            return {name_terms_query(n.terms)};
        case Kind::Title:
            return {title(n), true};
        case Kind::Filter:
            return {filter(n), true};
        case Kind::Group:
            return group(n);
        case Kind::And:
            return all_of(n);
        case Kind::Or:
            return {any_of(n)};
        case Kind::Not:
            return {exclude_articles(standalone(node(*n.children[0])),
                                     standalone(node(*n.children[1])), to_string(*n.children[1]))};
        case Kind::NotPara:
            return {Query(Query::OP_AND_NOT, standalone(node(*n.children[0])),
                          standalone(node(*n.children[1])))};
        case Kind::Near:
            return {near(n)};
    }
    return {};
}

// Juxtaposed items: the required ones must match, the free words rank
// (AND_MAYBE), filters restrict, excluded ones remove their articles.
QueryCompiler::Compiled QueryCompiler::group(const QueryNode& g) {
    std::vector<const QueryNode*> free;
    std::vector<Query> required, filters, excluded;
    std::string excluded_text;
    for (std::size_t i = 0; i < g.children.size(); ++i) {
        const QueryNode& c = *g.children[i];
        if (g.signs[i] == Sign::Free) {
            free.push_back(&c);
            continue;
        }
        Compiled part = node(c);
        if (g.signs[i] == Sign::Excluded) {
            excluded.push_back(standalone(part));
            excluded_text += (excluded_text.empty() ? "-" : " -") + to_string(c);
        } else {
            (part.filter ? filters : required).push_back(part.query);
        }
    }
    Query q;
    if (!required.empty()) q = combine(Query::OP_AND, required);
    if (!free.empty())
        q = q.empty() ? free_words(free) : Query(Query::OP_AND_MAYBE, q, free_words(free));
    if (!filters.empty()) {
        if (q.empty() && excluded.empty()) return {combine(Query::OP_AND, filters), true};
        q = Query(Query::OP_FILTER, q.empty() ? Query::MatchAll : q,
                  combine(Query::OP_AND, filters));
    }
    if (excluded.empty()) return {q};
    if (q.empty()) q = schema::all_paragraphs();  // "-word": every paragraph without it
    return {exclude_articles(q, combine(Query::OP_OR, excluded), excluded_text)};
}

QueryCompiler::Compiled QueryCompiler::all_of(const QueryNode& n) {
    std::vector<Query> scored, filters;
    for (const auto& c : n.children) {
        Compiled part = node(*c);
        (part.filter ? filters : scored).push_back(part.query);
    }
    if (scored.empty()) return {combine(Query::OP_AND, filters), true};
    Query q = combine(Query::OP_AND, scored);
    if (!filters.empty()) q = Query(Query::OP_FILTER, q, combine(Query::OP_AND, filters));
    return {q};
}

Query QueryCompiler::any_of(const QueryNode& n) {
    std::vector<Query> qs;
    for (const auto& c : n.children) qs.push_back(standalone(node(*c)));
    return combine(Query::OP_OR, qs);
}

// THE free-word rule: the words are OR-ed, so BM25 ranks every paragraph
// with any of them; with coordination > 0 the paragraphs that have all of
// them get that share of their weight again and rank first. No word count
// changes this.
Query QueryCompiler::free_words(const std::vector<const QueryNode*>& words) {
    std::vector<Query> each;
    for (const QueryNode* w : words) each.push_back(body_word(*w));
    Query any = combine(Query::OP_OR, each);
    const double c = ctx_.ranking.coordination;
    if (c <= 0 || each.size() < 2) return any;
    return Query(Query::OP_AND_MAYBE, any,
                 Query(Query::OP_SCALE_WEIGHT, Query(Query::OP_AND, each.begin(), each.end()), c));
}

// A free word of the paragraph ranking matches the paragraph's own words
// (graf quotes: its quotations' words). Titles are article documents'
// alone since schema 12: the article ranking, which free words alone take,
// weighs them there; a paragraph counts as matching for its own words.
Query QueryCompiler::body_word(const QueryNode& w) {
    if (ctx_.quote_words) return word(w, kQuote);
    if (!ctx_.titles_count || w.stopword) return word(w, "");
    return Query(Query::OP_OR, word(w, ""), ctx_.paragraphs_of_articles(word(w, kArticleTitle)));
}

// NOT b, -b: leave out every article that mentions b anywhere: the articles
// of the paragraphs matching b (the context says how to match them).
Query QueryCompiler::exclude_articles(Query positive, const Query& excluded,
                                      const std::string& what) {
    QueryContext::Excluded articles = ctx_.articles_of(excluded, kMaxExcludedArticles);
    if (articles.articles > kMaxExcludedArticles)
        throw QueryError(fmt::format(
            "{}: more than {} articles mention it, too many to exclude; make it narrower, or "
            "use NOTPARA to exclude paragraphs instead",
            what, kMaxExcludedArticles));
    if (articles.articles == 0) return positive;
    return Query(Query::OP_AND_NOT, positive, articles.paragraphs);
}

std::vector<std::string> QueryCompiler::variants(const QueryNode& w) {
    std::vector<std::string> words = ctx_.stem_variants(stemmer_(w.term));
    if (std::find(words.begin(), words.end(), w.term) == words.end()) words.push_back(w.term);
    return words;
}

// An exact word is its term; others every indexed word with the same stem,
// scored as one term (OP_SYNONYM), so "authorities" finds "authority"
// without stems in the postings.
Query QueryCompiler::word(const QueryNode& w, const std::string& prefix) {
    if (w.wildcard)
        return Query(Query::OP_WILDCARD, prefix + w.term, kWildcardLimit,
                     Query::WILDCARD_LIMIT_ERROR);
    if (w.exact) return Query(prefix + w.term);
    std::vector<Query> qs;
    for (const std::string& v : variants(w)) qs.emplace_back(prefix + v);
    return combine(Query::OP_SYNONYM, qs);
}

// Inside NEAR, Xapian 1.4 takes terms or an OR of terms (not a synonym, not
// a phrase).
Query QueryCompiler::positional(const QueryNode& w) {
    if (w.exact) return Query(w.term);
    std::vector<Query> qs;
    for (const std::string& v : variants(w)) qs.emplace_back(v);
    return combine(Query::OP_OR, qs);
}

// A phrase operand joins the window with its words (and must be a phrase
// too); a name with its surname (and must name the person).
// Stopwords have no positions (schema 12): a phrase's stopwords are checked
// by the phrase, a stopword operand is only required, and the window still
// counts the positions they take.
Query QueryCompiler::near(const QueryNode& n) {
    std::vector<Query> pieces, also;
    unsigned positions = 0;
    for (const auto& c : n.children) {
        if (c->kind == Kind::Word) {
            ++positions;
            if (analysis::is_stopword(c->term))
                also.push_back(word(*c, ""));
            else
                pieces.push_back(positional(*c));
        } else if (c->kind == Kind::Phrase) {
            positions += static_cast<unsigned>(c->terms.size());
            for (const std::string& t : c->terms)
                if (!analysis::is_stopword(t)) pieces.emplace_back(t);
            also.push_back(phrase_query(c->terms, false, ctx_.checks_phrases()));
        } else {
            ++positions;
            pieces.emplace_back(c->terms.back());
            if (c->terms.size() > 1) also.push_back(name_terms_query(c->terms));
        }
    }
    // Xapian's window counts the positions all the pieces must fit in.
    const unsigned window = n.window + std::max(positions, 1u) - 1;
    if (pieces.size() > 1)
        also.insert(also.begin(), Query(Query::OP_NEAR, pieces.begin(), pieces.end(), window));
    else if (pieces.size() == 1)
        also.insert(also.begin(), pieces[0]);
    return also.size() == 1 ? also[0] : Query(Query::OP_AND, also.begin(), also.end());
}

// title: restricts to the paragraphs of the articles with the words in
// their title. Only article documents hold titles (AS, no positions: a
// title phrase means all its words) since schema 12: on every paragraph
// they were 5.9 MB of Reuters' 116 MB index.
Query QueryCompiler::title(const QueryNode& t) {
    const QueryNode& inner = *t.children[0];
    Query articles;
    if (inner.kind == Kind::Word) {
        articles = word(inner, kArticleTitle);
    } else {
        std::vector<Query> qs;
        for (const std::string& term : inner.terms) qs.emplace_back(kArticleTitle + term);
        articles = combine(Query::OP_AND, qs);
    }
    return ctx_.paragraphs_of_articles(articles);
}

Query QueryCompiler::filter(const QueryNode& f) {
    if (f.field == "source") return Query(std::string(schema::kSourcePrefix) + f.value);
    if (f.field == "article") return schema::article_filter(f.value);
    const std::size_t dots = f.value.find("..");
    return date_bounds_query({f.value.substr(0, dots), f.value.substr(dots + 2)});
}

}  // namespace graf::searcher
