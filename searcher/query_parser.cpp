#include "searcher/query_parser.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "analysis/fold.hpp"
#include "analysis/names.hpp"
#include "analysis/stemmer.hpp"
#include "analysis/stopwords.hpp"
#include "analysis/tokenizer.hpp"
#include "searcher/query_dates.hpp"
#include "searcher/query_error.hpp"

namespace graf::searcher {
namespace {

using analysis::Token;
using Kind = QueryNode::Kind;

NodePtr node(Kind k) {
    return std::make_unique<QueryNode>(k);
}

// A lower-case word: what makes a capitalised first word sentence case.
bool starts_lower(std::string_view text) {
    std::vector<Token> tokens = analysis::tokenize(text);
    return !tokens.empty() && !tokens[0].has(analysis::kCapitalised) &&
           !tokens[0].has(analysis::kAllCaps) && !tokens[0].has(analysis::kNumeric);
}

class Parser {
  public:
    explicit Parser(const LexedQuery& lexed) : lex_(lexed.lexemes) {
        // "What are the effects…", "Image recognition systems": the first
        // word is capitalised because it starts a sentence, not because it
        // is a name.
        sentence_case_ = lex_.size() > 2 && lex_[0].kind == Lex::Word &&
                         lex_[1].kind == Lex::Word && starts_lower(lex_[1].text);
    }

    NodePtr parse() {
        if (peek().kind == Lex::End)
            throw QueryError("empty query: give a word, a \"phrase\" or --name");
        NodePtr root = parse_or();
        if (peek().kind != Lex::End) throw QueryError("unexpected text at the end of the query");
        return root;
    }

  private:
    const Lexeme& peek() const { return lex_[pos_]; }
    const Lexeme& next() { return lex_[pos_++]; }

    static bool ends_group(Lex k) {
        return k == Lex::Or || k == Lex::And || k == Lex::Not || k == Lex::NotPara ||
               k == Lex::RParen || k == Lex::End;
    }

    // Joins `right` to `left` under `k`, flattening a chain (a OR b OR c).
    static NodePtr join(Kind k, NodePtr left, NodePtr right) {
        if (left->kind != k) {
            NodePtr n = node(k);
            n->children.push_back(std::move(left));
            left = std::move(n);
        }
        left->children.push_back(std::move(right));
        return left;
    }

    NodePtr parse_or() {
        NodePtr left = parse_and();
        while (peek().kind == Lex::Or) {
            next();
            NodePtr right = parse_and();
            if (!left || !right) throw QueryError("OR needs a word on both sides");
            left = join(Kind::Or, std::move(left), std::move(right));
        }
        return left;
    }

    NodePtr parse_and() {
        NodePtr left = parse_not();
        while (peek().kind == Lex::And) {
            next();
            NodePtr right = ends_group(peek().kind) ? nullptr : parse_not();
            if (!left || !right) throw QueryError("AND needs a word on both sides");
            left = join(Kind::And, std::move(left), std::move(right));
        }
        return left;
    }

    NodePtr parse_not() {
        NodePtr left = parse_group();
        while (peek().kind == Lex::Not || peek().kind == Lex::NotPara) {
            const bool para = next().kind == Lex::NotPara;
            if (peek().kind == Lex::End)
                throw QueryError("the query ends where a word was expected");
            NodePtr right = parse_group();
            if (!left || !right)
                throw QueryError(fmt::format("{0} needs a word on both sides: a {0} b",
                                             para ? "NOTPARA" : "NOT"));
            NodePtr n = node(para ? Kind::NotPara : Kind::Not);
            n->children.push_back(std::move(left));
            n->children.push_back(std::move(right));
            left = std::move(n);
        }
        return left;
    }

    NodePtr parse_group() {
        NodePtr group = node(Kind::Group);
        while (!ends_group(peek().kind)) {
            Sign sign = Sign::Free;
            if (peek().kind == Lex::Plus || peek().kind == Lex::Minus) {
                sign = next().kind == Lex::Plus ? Sign::Required : Sign::Excluded;
                if (ends_group(peek().kind)) continue;  // a stray sign is punctuation
            }
            parse_item(sign, *group);
        }
        drop_free_stopwords(*group);
        if (group->children.empty()) return nullptr;
        // One required item alone needs no group around it.
        if (group->children.size() == 1 && group->signs[0] == Sign::Required &&
            group->children[0]->kind != Kind::Word)
            return std::move(group->children[0]);
        return group;
    }

    // Free stopwords ("the", "of") only cost time, unless they are all the
    // group has.
    static void drop_free_stopwords(QueryNode& g) {
        auto free_stopword = [&](std::size_t i) {
            return g.signs[i] == Sign::Free && g.children[i]->kind == Kind::Word &&
                   g.children[i]->stopword;
        };
        bool other = false;
        for (std::size_t i = 0; i < g.children.size(); ++i)
            other = other || (g.signs[i] != Sign::Excluded && !free_stopword(i));
        if (!other) return;
        std::size_t kept = 0;
        for (std::size_t i = 0; i < g.children.size(); ++i) {
            if (free_stopword(i)) continue;
            g.children[kept] = std::move(g.children[i]);
            g.signs[kept++] = g.signs[i];
        }
        g.children.resize(kept);
        g.signs.resize(kept);
    }

    static void add(QueryNode& group, Sign sign, NodePtr item) {
        if (!item) return;
        group.signs.push_back(sign);
        group.children.push_back(std::move(item));
    }

    void parse_item(Sign sign, QueryNode& group) {
        const Lexeme& l = peek();
        if (l.kind == Lex::Near)
            throw QueryError(fmt::format("{} needs a word on both sides", l.text));
        if (lex_[pos_ + 1].kind == Lex::Near && l.kind != Lex::LParen)
            return add(group, sign == Sign::Free ? Sign::Required : sign, parse_near());
        next();
        const Sign required = sign == Sign::Free ? Sign::Required : sign;
        switch (l.kind) {
            case Lex::LParen: {
                NodePtr sub = parse_or();
                next();  // the lexer kept only balanced brackets
                return add(group, required, std::move(sub));
            }
            case Lex::Word:
                if (sign == Sign::Free) return free_words(l.text, pos_ == 1, group);
                return add(group, sign, exact_word(l.text, pos_ == 1));
            case Lex::Phrase:
                return add(group, required, phrase(l.text));
            case Lex::Field:
                return add(group, required, field(l));
            default:
                throw QueryError(fmt::format("\"{}\" needs a word on both sides", l.text));
        }
    }

    // a NEAR/5 b NEAR c: one window (the largest) over every operand.
    NodePtr parse_near() {
        NodePtr n = node(Kind::Near);
        n->children.push_back(near_operand());
        while (peek().kind == Lex::Near) {
            n->window = std::max(n->window, next().near);
            n->children.push_back(near_operand());
        }
        return n;
    }

    NodePtr near_operand() {
        const Lexeme& l = next();
        NodePtr operand;
        if (l.kind == Lex::Word) operand = exact_word(l.text, pos_ == 1);
        if (l.kind == Lex::Phrase) operand = phrase(l.text);
        if (l.kind == Lex::Field && l.field == "name") operand = name_node(l.text);
        if (l.kind == Lex::End) throw QueryError("the query ends where a word was expected");
        if (!operand || operand->wildcard)
            throw QueryError(
                "NEAR works between words, \"phrases\" and names: a NEAR b, \"a b\" NEAR/5 c");
        return operand;
    }

    // One analysed term as a Word node.
    NodePtr word(const Token& t, std::string_view text, bool first) {
        NodePtr w = node(Kind::Word);
        w->term = t.term;
        w->typed = std::string(text.substr(t.begin, t.end - t.begin));
        w->word_case = t.has(analysis::kCapitalised) ? WordCase::Capitalised
                       : t.has(analysis::kAllCaps)   ? WordCase::AllCaps
                                                     : WordCase::Lower;
        const bool name_like = w->word_case == WordCase::Capitalised && !(first && sentence_case_);
        w->exact = name_like || !analysis::is_stemmable(t.term);
        w->stopword = analysis::is_stopword(t.term);
        w->position = words_++;
        return w;
    }

    // A free chunk: each of its words is free; a split word's parts too,
    // stemmed, beside the glued alias the index also holds (alt-right →
    // alt, right, altright).
    void free_words(const std::string& chunk, bool first, QueryNode& group) {
        std::string_view text = chunk;
        const bool wildcard = !text.empty() && text.back() == '*';
        if (wildcard) text.remove_suffix(1);
        std::vector<Token> tokens = analysis::tokenize(text);
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            NodePtr w = word(tokens[i], text, first);
            if (tokens[i].has(analysis::kAlias)) w->exact = !analysis::is_stemmable(w->term);
            if (wildcard && i + 1 == tokens.size()) {
                w->wildcard = true;
                w->exact = false;
            }
            if (tokens.size() == 1) w->typed = chunk;
            w->split = tokens.size() > 1;
            add(group, Sign::Free, std::move(w));
        }
    }

    // +word, -word, a NEAR operand: one term, or a split word as a phrase
    // (exact: the user marked this word, so it is taken as written).
    NodePtr exact_word(const std::string& chunk, bool first) {
        std::string_view text = chunk;
        const bool wildcard = !text.empty() && text.back() == '*';
        if (wildcard) text.remove_suffix(1);
        std::vector<Token> tokens = analysis::tokenize(text);
        std::vector<const Token*> parts;
        for (const Token& t : tokens)
            if (!t.has(analysis::kAlias)) parts.push_back(&t);
        if (parts.empty()) return nullptr;
        if (parts.size() == 1 || wildcard) {
            NodePtr w = word(*parts.back(), text, first);
            w->wildcard = wildcard;
            if (wildcard) w->exact = false;
            if (parts.size() == 1) w->typed = chunk;
            return w;
        }
        return phrase(text);
    }

    // Quoted text: one word is that word, exactly; more are a phrase.
    NodePtr phrase(std::string_view text) {
        std::vector<Token> tokens = analysis::tokenize(text);
        NodePtr p = node(Kind::Phrase);
        std::size_t aliases = 0;
        for (const Token& t : tokens) {
            if (!t.has(analysis::kAlias)) {
                p->terms.push_back(t.term);
                ++words_;
            } else if (++aliases == 1) {
                p->alias = t.term;
            }
        }
        // One split word ("alt-right") may also be written glued.
        if (aliases != 1 || text.find(' ') != std::string_view::npos) p->alias.clear();
        if (p->terms.empty()) return nullptr;
        if (p->terms.size() > 1) return p;
        NodePtr w = node(Kind::Word);
        w->term = p->terms[0];
        w->typed = std::string(text);
        w->exact = true;
        w->position = words_ - 1;
        return w;
    }

    NodePtr field(const Lexeme& l) {
        if (l.field == "name") return name_node(l.text);
        if (l.field == "saidby") {
            NodePtr n = name_node(l.text);
            n->kind = Kind::SaidBy;
            return n;
        }
        if (l.field == "title" || l.field == "said") {
            NodePtr inner = l.quoted ? phrase(l.text) : exact_word(l.text, false);
            if (!inner) return nullptr;
            NodePtr n = node(l.field == "said" ? Kind::Said : Kind::Title);
            n->children.push_back(std::move(inner));
            return n;
        }
        NodePtr f = node(Kind::Filter);
        f->field = l.field;
        if (l.field == "source") f->value = analysis::fold(l.text);
        if (l.field == "article") f->value = l.text;
        if (l.field == "date") {
            auto dots = l.text.find("..");
            std::string since = dots == std::string::npos ? l.text : l.text.substr(0, dots);
            std::string until = dots == std::string::npos ? l.text : l.text.substr(dots + 2);
            if (since.empty() && until.empty())
                throw QueryError("date:..: give at least one end, e.g. date:2025-01-01..");
            DateBounds b = date_bounds(since, until);
            f->value = b.lo + ".." + b.hi;
        }
        return f;
    }

    const std::vector<Lexeme>& lex_;
    std::size_t pos_ = 0;
    unsigned words_ = 0;
    bool sentence_case_ = false;
};

}  // namespace

NodePtr name_node(std::string_view text) {
    std::string key = analysis::name_key(text);
    if (key.empty())
        throw QueryError(
            "a name search needs a name, e.g. name:\"Steve Bannon\" or --name \"Steve Bannon\"");
    NodePtr n = node(Kind::Name);
    for (std::size_t i = 0, j; i <= key.size(); i = j + 1) {
        j = key.find(' ', i);
        if (j == std::string::npos) j = key.size();
        n->terms.push_back(key.substr(i, j - i));
    }
    return n;
}

NodePtr parse_tree(const LexedQuery& lexed) {
    return Parser(lexed).parse();
}

}  // namespace graf::searcher
