#include "searcher/query.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "analysis/fold.hpp"
#include "analysis/names.hpp"
#include "analysis/stemmer.hpp"
#include "analysis/stopwords.hpp"
#include "analysis/tokenizer.hpp"
#include "schema/schema.hpp"

namespace graf::searcher {
namespace {

using analysis::Token;
using Xapian::Query;

// Queries with at least this many content words are questions or pasted
// sentences: demanding every word would find nothing.
constexpr std::size_t kNaturalLanguageWords = 5;
constexpr unsigned kDefaultNear = 10;

enum class Tok { Word, Phrase, Field, LParen, RParen, And, Or, Not, Near, Plus, Minus, End };

struct Lexeme {
    Tok kind;
    std::string text;   // word, phrase or field operand
    std::string field;  // for Field: title, name, source, date
    bool quoted = false;
    unsigned near = kDefaultNear;
};

// Straight and typographic double quotes, and guillemets, delimit phrases.
std::size_t quote_len(std::string_view s, std::size_t i) {
    if (s[i] == '"') return 1;
    for (std::string_view q : {"\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB"})
        if (s.substr(i, q.size()) == q) return q.size();
    return 0;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// All letters upper case: a shouted question, not a list of names/operators.
bool is_shouting(std::string_view s) {
    int upper = 0, lower = 0;
    for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
        UChar32 c;
        U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
        if (c < 0) continue;
        upper += u_isupper(c);
        lower += u_islower(c);
    }
    return lower == 0 && upper > 0;
}

std::string describe(std::string_view query) {
    return query.size() > 60 ? std::string(query.substr(0, 57)) + "..." : std::string(query);
}

std::vector<Lexeme> lex(std::string_view s, bool shouting) {
    std::vector<Lexeme> out;
    std::size_t i = 0;
    auto read_phrase = [&](std::size_t open_len) {
        std::size_t start = i + open_len;
        for (std::size_t j = start; j < s.size(); ++j) {
            if (std::size_t q = quote_len(s, j)) {
                std::string text(s.substr(start, j - start));
                i = j + q;
                return text;
            }
        }
        throw QueryError(fmt::format("unclosed quote in \"{}\": add the closing \"", describe(s)));
    };
    while (i < s.size()) {
        char c = s[i];
        if (is_space(c) || static_cast<unsigned char>(c) < 0x20) {
            ++i;
            continue;
        }
        if (c == '(' || c == ')') {
            out.push_back({c == '(' ? Tok::LParen : Tok::RParen, {}, {}});
            ++i;
            continue;
        }
        if (std::size_t q = quote_len(s, i)) {
            out.push_back({Tok::Phrase, read_phrase(q), {}, true});
            continue;
        }
        if ((c == '+' || c == '-') && i + 1 < s.size() && !is_space(s[i + 1]) &&
            (out.empty() || out.back().kind != Tok::Field)) {
            out.push_back({c == '+' ? Tok::Plus : Tok::Minus, {}, {}});
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && !is_space(s[j]) && s[j] != '(' && s[j] != ')' && !quote_len(s, j))
            ++j;
        std::string word(s.substr(i, j - i));
        i = j;
        if (!shouting) {
            if (word == "AND") {
                out.push_back({Tok::And, word, {}});
                continue;
            }
            if (word == "OR") {
                out.push_back({Tok::Or, word, {}});
                continue;
            }
            if (word == "NOT") {
                out.push_back({Tok::Not, word, {}});
                continue;
            }
            if (word == "NEAR" || word.rfind("NEAR/", 0) == 0) {
                Lexeme l{Tok::Near, word, {}};
                if (word.size() > 5) {
                    try {
                        l.near = static_cast<unsigned>(std::stoul(word.substr(5)));
                    } catch (...) {
                        throw QueryError(fmt::format(
                            "\"{}\": NEAR/ takes a number of words, e.g. NEAR/5", word));
                    }
                }
                out.push_back(l);
                continue;
            }
        }
        auto colon = word.find(':');
        if (colon != std::string::npos) {
            std::string field = analysis::fold(word.substr(0, colon));
            if (field == "title" || field == "name" || field == "source" || field == "date" ||
                field == "article") {
                Lexeme l{Tok::Field, word.substr(colon + 1), field};
                if (l.text.empty()) {
                    std::size_t q = i < s.size() ? quote_len(s, i) : 0;
                    if (!q)
                        throw QueryError(fmt::format(
                            "{}: needs a word or a \"phrase\" right after the colon", field));
                    l.text = read_phrase(q);
                    l.quoted = true;
                }
                out.push_back(std::move(l));
                continue;
            }
        }
        out.push_back({Tok::Word, std::move(word), {}});
    }
    out.push_back({Tok::End, {}, {}});
    return out;
}

// One parsed operand or expression.
struct Part {
    Part() = default;
    Part(Query q, Query pos = Query(), bool is_filter = false)
        : query(std::move(q)), positional(std::move(pos)), filter(is_filter) {}
    Query query;
    Query positional;       // plain positional form of a single word, for NEAR
    bool filter = false;    // source:, date: restrict without scoring
    bool stopword = false;  // may be dropped from a list of free words
    bool empty() const { return query.empty(); }
};

std::string date_bound(std::string_view s, bool upper, std::string_view whole) {
    auto bad = [&] {
        return QueryError(fmt::format(
            "date:{}: \"{}\" is not a valid date (use YYYY, YYYY-MM or YYYY-MM-DD)", whole, s));
    };
    auto digits = [&](std::size_t from, std::size_t n) {
        if (from + n > s.size()) throw bad();
        int v = 0;
        for (std::size_t k = from; k < from + n; ++k) {
            if (s[k] < '0' || s[k] > '9') throw bad();
            v = v * 10 + (s[k] - '0');
        }
        return v;
    };
    int year = digits(0, 4), month = upper ? 12 : 1, day = 1;
    if (s.size() > 4) {
        if (s[4] != '-') throw bad();
        month = digits(5, 2);
        if (month < 1 || month > 12) throw bad();
    }
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int month_days = month == 2 && !leap ? 28 : kDays[month - 1];
    day = upper ? month_days : 1;
    if (s.size() > 7) {
        if (s[7] != '-' || s.size() != 10) throw bad();
        day = digits(8, 2);
        if (day < 1 || day > month_days) throw bad();
    } else if (s.size() != 4 && s.size() != 7) {
        throw bad();
    }
    return fmt::format("{:04}{:02}{:02}", year, month, day);
}

class Parser {
  public:
    Parser(std::vector<Lexeme> lexemes, bool natural, const StemVariants& variants,
           ParsedQuery& out)
        : lex_(std::move(lexemes)), natural_(natural), variants_(variants), out_(out) {}

    Query parse() {
        Part p = parse_or();
        if (peek().kind == Tok::RParen) throw QueryError("unexpected ')': it has no matching '('");
        if (peek().kind != Tok::End) throw QueryError("unexpected text at the end of the query");
        Query q = p.empty() ? Query() : p.query;
        if (p.filter) q = Query(Query::OP_FILTER, Query::MatchAll, q);
        if (!q.empty() && !title_boost_.empty())
            q = Query(Query::OP_AND_MAYBE, q,
                      Query(Query::OP_OR, title_boost_.begin(), title_boost_.end()));
        return q;
    }

  private:
    const Lexeme& peek() const { return lex_[pos_]; }
    const Lexeme& next() { return lex_[pos_++]; }

    Part parse_or() {
        Part left = parse_and();
        while (peek().kind == Tok::Or) {
            next();
            Part right = parse_and();
            if (right.empty()) throw QueryError("OR needs a word on both sides");
            if (left.empty()) throw QueryError("OR needs a word on both sides");
            left = Part{Query(Query::OP_OR, as_query(left), as_query(right))};
        }
        return left;
    }

    // A filter alone still lists documents: it restricts everything.
    static Query as_query(const Part& p) {
        return p.filter ? Query(Query::OP_FILTER, Query::MatchAll, p.query) : p.query;
    }

    Part parse_and() {
        std::vector<Part> required, optional, excluded, filters;
        for (;;) {
            Tok k = peek().kind;
            if (k == Tok::Or || k == Tok::RParen || k == Tok::End) break;
            if (k == Tok::And) {
                next();
                if (peek().kind == Tok::End || peek().kind == Tok::Or || peek().kind == Tok::RParen)
                    throw QueryError("AND needs a word on both sides");
                continue;
            }
            int sign = 0;
            if (k == Tok::Plus || k == Tok::Minus) {
                sign = k == Tok::Plus ? 1 : -1;
                next();
            }
            bool was_negated = negated_;
            if (sign < 0) negated_ = true;
            Part p = parse_not();
            negated_ = was_negated;
            if (p.empty()) continue;
            if (p.filter && sign >= 0)
                filters.push_back(p);
            else if (sign < 0)
                excluded.push_back(p);
            else if (sign > 0 || !natural_)
                required.push_back(p);
            else
                optional.push_back(p);
        }
        // Free stopwords ("the", "of") only cost time unless they are all there is.
        auto drop_stopwords = [](std::vector<Part>& parts, bool keep_if_all) {
            bool all =
                std::all_of(parts.begin(), parts.end(), [](const Part& p) { return p.stopword; });
            if (all && keep_if_all) return;
            parts.erase(std::remove_if(parts.begin(), parts.end(),
                                       [](const Part& p) { return p.stopword; }),
                        parts.end());
        };
        bool only_stopwords =
            std::all_of(required.begin(), required.end(),
                        [](const Part& p) { return p.stopword; }) &&
            std::all_of(optional.begin(), optional.end(), [](const Part& p) { return p.stopword; });
        drop_stopwords(required, only_stopwords);
        drop_stopwords(optional, only_stopwords);

        auto combine = [](Query::op op, const std::vector<Part>& parts) {
            std::vector<Query> qs;
            for (const Part& p : parts) qs.push_back(p.query);
            return qs.size() == 1 ? qs[0] : Query(op, qs.begin(), qs.end());
        };
        Query q;
        if (!required.empty()) q = combine(Query::OP_AND, required);
        if (!optional.empty())
            q = q.empty() ? combine(Query::OP_OR, optional)
                          : Query(Query::OP_AND_MAYBE, q, combine(Query::OP_OR, optional));
        if (q.empty() && filters.empty() && excluded.empty()) return {};
        if (!excluded.empty()) {
            if (q.empty() && filters.empty())
                q = Query::MatchAll;  // "-word": everything without it
            if (q.empty())
                q = Query(Query::OP_FILTER, Query::MatchAll, combine(Query::OP_AND, filters));
            q = Query(Query::OP_AND_NOT, q, combine(Query::OP_OR, excluded));
        }
        if (!filters.empty()) {
            if (q.empty()) return Part{combine(Query::OP_AND, filters), {}, true};
            q = Query(Query::OP_FILTER, q, combine(Query::OP_AND, filters));
        }
        Part out{q};
        if (required.size() + optional.size() == 1 && excluded.empty() && filters.empty()) {
            const Part& only = required.empty() ? optional[0] : required[0];
            out.positional = only.positional;
        }
        return out;
    }

    Part parse_not() {
        Part left = parse_near();
        while (peek().kind == Tok::Not) {
            next();
            bool was = negated_;
            negated_ = true;
            Part right = parse_near();
            negated_ = was;
            if (left.empty() || right.empty())
                throw QueryError("NOT needs a word on both sides: a NOT b");
            left = Part{Query(Query::OP_AND_NOT, as_query(left), as_query(right))};
        }
        return left;
    }

    Part parse_near() {
        Part left = parse_primary();
        std::vector<Query> terms;
        unsigned window = 0;
        while (peek().kind == Tok::Near) {
            unsigned n = next().near;
            Part right = parse_primary();
            if (left.positional.empty() || right.positional.empty())
                throw QueryError("NEAR works between single words: a NEAR b");
            if (terms.empty()) terms.push_back(left.positional);
            terms.push_back(right.positional);
            window = std::max(window, n);
        }
        if (terms.empty()) return left;
        // Xapian's window counts the positions all terms must fit in.
        Query q(Query::OP_NEAR, terms.begin(), terms.end(),
                window + static_cast<unsigned>(terms.size()) - 1);
        return Part{q};
    }

    Part parse_primary() {
        const Lexeme& l = next();
        switch (l.kind) {
            case Tok::LParen: {
                Part p = parse_or();
                if (next().kind != Tok::RParen)
                    throw QueryError("missing ')': a bracket was opened but not closed");
                return p;
            }
            case Tok::Word:
                return word(l.text, "", true);
            case Tok::Phrase:
                return phrase(l.text, "", true);
            case Tok::Field:
                return field(l);
            case Tok::RParen:
                throw QueryError("unexpected ')': it has no matching '('");
            case Tok::End:
                throw QueryError("the query ends where a word was expected");
            default:
                throw QueryError(fmt::format("{} needs a word on both sides", l.text));
        }
    }

    Part field(const Lexeme& l) {
        if (l.field == "title") {
            if (!l.quoted) return word(l.text, schema::kTitlePrefix, false);
            std::vector<Query> qs;
            for (const Token& t : analysis::tokenize(l.text))
                if (!t.has(analysis::kAlias))
                    qs.emplace_back(std::string(schema::kTitlePrefix) + t.term);
            if (qs.empty()) return {};
            return Part{Query(Query::OP_AND, qs.begin(), qs.end())};
        }
        if (l.field == "name")
            return Part{name_query(l.text, negated_ ? scratch_ : out_.highlight)};
        if (l.field == "article") return Part{schema::article_filter(l.text), {}, true};
        if (l.field == "source") {
            std::string src = analysis::fold(l.text);
            return Part{Query(std::string(schema::kSourcePrefix) + src), {}, true};
        }
        // date:
        auto dots = l.text.find("..");
        if (dots == std::string::npos) return Part{date_range_query(l.text, l.text), {}, true};
        std::string since = l.text.substr(0, dots), until = l.text.substr(dots + 2);
        if (since.empty() && until.empty())
            throw QueryError("date:..: give at least one end, e.g. date:2025-01-01..");
        return Part{date_range_query(since, until), {}, true};
    }

    HighlightSpec& highlight(bool body) { return (negated_ || !body) ? scratch_ : out_.highlight; }

    // One typed word: may analyse to several tokens (alt-right, U.S.-led).
    Part word(std::string_view text, std::string_view prefix, bool body) {
        bool wildcard = !text.empty() && text.back() == '*';
        if (wildcard) text.remove_suffix(1);
        std::vector<Token> tokens = analysis::tokenize(text);
        std::vector<const Token*> words;
        const Token* alias = nullptr;
        for (const Token& t : tokens) {
            if (t.has(analysis::kAlias))
                alias = &t;
            else
                words.push_back(&t);
        }
        if (words.empty()) return {};
        HighlightSpec& hl = highlight(body);
        const std::string p(prefix);
        if (wildcard) {
            const std::string& stem = words.back()->term;
            hl.prefixes.push_back(stem);
            Query q(Query::OP_WILDCARD, p + stem, kWildcardLimit, Query::WILDCARD_LIMIT_ERROR);
            for (std::size_t i = 0; i + 1 < words.size(); ++i)
                q = Query(Query::OP_AND, Query(p + words[i]->term), q);
            return Part{q};
        }
        if (words.size() == 1) {
            const Token& t = *words[0];
            Part part{term_query(t, p, hl), Query(p + t.term)};
            part.stopword = analysis::is_stopword(t.term);
            if (body && !negated_) {
                out_.words.emplace_back(std::string(text), t.term);
                title_boost_.push_back(term_query(t, std::string(schema::kTitlePrefix), scratch_));
            }
            return part;
        }
        std::vector<std::string> terms;
        for (const Token* t : words) terms.push_back(t->term);
        Query q = phrase_query(terms, p);
        if (alias) q = Query(Query::OP_OR, q, Query(p + alias->term));
        hl.phrases.push_back(terms);
        if (body && !negated_) title_boost_.push_back(title_words_query(terms));
        return Part{q};
    }

    Part phrase(std::string_view text, std::string_view prefix, bool body) {
        std::vector<std::string> terms;
        for (const Token& t : analysis::tokenize(text))
            if (!t.has(analysis::kAlias)) terms.push_back(t.term);
        if (terms.empty()) return {};
        HighlightSpec& hl = highlight(body);
        const std::string p(prefix);
        if (terms.size() == 1) {
            hl.exact.insert(terms[0]);
            return Part{Query(p + terms[0]), Query(p + terms[0])};
        }
        hl.phrases.push_back(terms);
        if (body && !negated_) title_boost_.push_back(title_words_query(terms));
        return Part{phrase_query(terms, p)};
    }

    static Query phrase_query(const std::vector<std::string>& terms, const std::string& prefix) {
        std::vector<Query> qs;
        for (const std::string& t : terms) qs.emplace_back(prefix + t);
        return Query(Query::OP_PHRASE, qs.begin(), qs.end(),
                     static_cast<Xapian::termcount>(qs.size()));
    }

    // Titles are indexed without positions: a phrase there means all its words.
    static Query title_words_query(const std::vector<std::string>& terms) {
        std::vector<Query> qs;
        for (const std::string& t : terms) qs.emplace_back(std::string(schema::kTitlePrefix) + t);
        return Query(Query::OP_AND, qs.begin(), qs.end());
    }

    // A capitalised word is a name: exact. Others also match every indexed
    // word with the same stem, scored as one term (OP_SYNONYM), so
    // "authorities" finds "authority" without stems in the postings.
    Query term_query(const Token& t, const std::string& prefix, HighlightSpec& hl) {
        if (t.has(analysis::kCapitalised) || !analysis::is_stemmable(t.term)) {
            hl.exact.insert(t.term);
            return Query(prefix + t.term);
        }
        const std::string stem = stemmer_(t.term);
        hl.stems.insert(stem);
        std::vector<std::string> words = variants_ ? variants_(stem) : std::vector<std::string>{};
        if (std::find(words.begin(), words.end(), t.term) == words.end()) words.push_back(t.term);
        if (words.size() == 1) return Query(prefix + words[0]);
        std::vector<Query> qs;
        for (const std::string& w : words) qs.emplace_back(prefix + w);
        return Query(Query::OP_SYNONYM, qs.begin(), qs.end());
    }

    std::vector<Lexeme> lex_;
    std::size_t pos_ = 0;
    bool natural_;
    const StemVariants& variants_;
    bool negated_ = false;
    ParsedQuery& out_;
    HighlightSpec scratch_;  // highlights of excluded words and title fields: discarded
    analysis::Stemmer stemmer_;
    std::vector<Query> title_boost_;
};

}  // namespace

ParsedQuery parse_query(std::string_view text, const StemVariants& variants) {
    ParsedQuery out;
    bool shouting = is_shouting(text);
    std::vector<Lexeme> lexemes = lex(text, shouting);
    bool plain = std::all_of(lexemes.begin(), lexemes.end(), [](const Lexeme& l) {
        return l.kind == Tok::Word || l.kind == Tok::End;
    });
    std::size_t content_words = 0;
    for (const Lexeme& l : lexemes)
        if (l.kind == Tok::Word)
            for (const Token& t : analysis::tokenize(l.text))
                content_words += !t.has(analysis::kAlias) && !analysis::is_stopword(t.term);
    out.natural_language =
        plain && (content_words >= kNaturalLanguageWords || (shouting && content_words >= 3));
    if (lexemes.size() == 1) throw QueryError("empty query: give a word, a \"phrase\" or --name");
    Parser parser(std::move(lexemes), out.natural_language, variants, out);
    out.query = parser.parse();
    return out;
}

Xapian::Query name_query(std::string_view name, HighlightSpec& highlight) {
    std::string key = analysis::name_key(name);
    if (key.empty()) throw QueryError("a name search needs a name, e.g. --name \"Steve Bannon\"");
    std::vector<std::string> words;
    for (std::size_t i = 0, j; i <= key.size(); i = j + 1) {
        j = key.find(' ', i);
        if (j == std::string::npos) j = key.size();
        words.push_back(key.substr(i, j - i));
    }
    if (words.size() == 1) {  // a surname alone: every paragraph with the word
        highlight.exact.insert(words[0]);
        return Query(words[0]);
    }
    highlight.names.push_back(words);
    // The name term covers surname-only mentions; the word pairs catch a full
    // name the name finder did not tag (odd punctuation, a role word it does
    // not know) without a positional check.
    std::vector<Query> pairs;
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
        pairs.emplace_back(std::string(schema::kPairPrefix) + words[i] + ' ' + words[i + 1]);
    return Query(Query::OP_OR, Query(std::string(schema::kNamePrefix) + key),
                 Query(Query::OP_AND, pairs.begin(), pairs.end()));
}

Xapian::Query date_range_query(std::string_view since, std::string_view until) {
    std::string whole = fmt::format("{}..{}", since, until);
    std::string lo = since.empty() ? "" : date_bound(since, false, whole);
    std::string hi = until.empty() ? "" : date_bound(until, true, whole);
    if (!lo.empty() && !hi.empty() && lo > hi)
        throw QueryError(fmt::format("date:{}: the range ends before it starts", whole));
    if (hi.empty()) return Query(Query::OP_VALUE_GE, schema::kDateSlot, lo);
    if (lo.empty()) return Query(Query::OP_VALUE_LE, schema::kDateSlot, hi);
    return Query(Query::OP_VALUE_RANGE, schema::kDateSlot, lo, hi);
}

}  // namespace graf::searcher
