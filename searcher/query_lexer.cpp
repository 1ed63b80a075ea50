#include "searcher/query_lexer.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "analysis/fold.hpp"
#include "searcher/query_error.hpp"

namespace graf::searcher {
namespace {

// Straight and typographic double quotes, and guillemets, delimit phrases.
std::size_t quote_len(std::string_view s, std::size_t i) {
    if (s[i] == '"') return 1;
    for (std::string_view q : {"\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB"})
        if (s.substr(i, q.size()) == q) return q.size();
    return 0;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || static_cast<unsigned char>(c) < 0x20;
}

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// All letters upper case: a shouted question, where AND or NOT is a word.
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

class Lexer {
  public:
    explicit Lexer(std::string_view s) : s_(s) {
        out_.shouting = is_shouting(s);
        out_.prose = is_prose(s);
        if (out_.prose)
            out_.notes.push_back("read as prose: operators, quotes, brackets, + and - are text");
    }

    LexedQuery run() {
        while (i_ < s_.size()) {
            if (is_space(s_[i_])) {
                ++i_;
                continue;
            }
            if (!out_.prose && syntax()) continue;
            chunk();
        }
        balance_brackets();
        if (out_.shouting && !out_.prose) refuse_operators_only();
        out_.lexemes.push_back({Lex::End, {}, {}});
        return std::move(out_);
    }

  private:
    void push(Lex k, std::string text = {}) { out_.lexemes.push_back({k, std::move(text), {}}); }

    // Brackets, quotes and +/- prefixes; false when s_[i_] starts a word.
    bool syntax() {
        const char c = s_[i_];
        if (c == '(' || c == ')') {
            push(c == '(' ? Lex::LParen : Lex::RParen, std::string(1, c));
            ++i_;
            return true;
        }
        if (std::size_t q = quote_len(s_, i_)) {
            std::string inside;
            if (closed_quote(q, inside)) {
                push(Lex::Phrase, std::move(inside));
            } else {
                out_.notes.push_back("an unclosed quote was read as text");
                i_ += q;
            }
            return true;
        }
        // A sign starts a word: at the start, after a space or a bracket,
        // and right before the word (" - " is a dash).
        const bool word_start = i_ == 0 || is_space(s_[i_ - 1]) || s_[i_ - 1] == '(';
        if ((c == '+' || c == '-') && word_start && i_ + 1 < s_.size() && !is_space(s_[i_ + 1]) &&
            s_[i_ + 1] != c) {
            push(c == '+' ? Lex::Plus : Lex::Minus, std::string(1, c));
            ++i_;
            return true;
        }
        return false;
    }

    // "AND OR NOT" is written in capitals, so its words would be searched as
    // words (stopwords at that): nobody means that. Quoted, they are words.
    void refuse_operators_only() const {
        std::string words;
        for (const Lexeme& l : out_.lexemes) {
            if (l.kind == Lex::Phrase || l.kind == Lex::Field) return;
            if (l.kind != Lex::Word) continue;
            const bool op = l.text == "AND" || l.text == "OR" || l.text == "NOT" ||
                            l.text == "NOTPARA" || l.text == "NEAR" ||
                            l.text.rfind("NEAR/", 0) == 0;
            if (!op) return;
            words += (words.empty() ? "" : " ") + l.text;
        }
        if (!words.empty())
            throw QueryError(fmt::format(
                "the query is only operators ({}): give words to search for; to search for "
                "these words, put them in quotes: \"{}\"",
                words, words));
    }

    // From an opening quote of `open` bytes at i_: the text up to the next
    // quote, moving past it; false (i_ unchanged) when no quote closes it.
    bool closed_quote(std::size_t open, std::string& inside) {
        for (std::size_t j = i_ + open; j < s_.size(); ++j) {
            if (std::size_t q = quote_len(s_, j)) {
                inside = std::string(s_.substr(i_ + open, j - i_ - open));
                i_ = j + q;
                return true;
            }
        }
        return false;
    }

    void chunk() {
        std::size_t j = i_;
        while (j < s_.size() && !is_space(s_[j]) &&
               (out_.prose || (s_[j] != '(' && s_[j] != ')' && !quote_len(s_, j))))
            ++j;
        std::string word(s_.substr(i_, j - i_));
        i_ = j;
        if (out_.prose) return push(Lex::Word, std::move(word));
        if (!out_.shouting && operator_word(word)) return;
        if (field(word)) return;
        push(Lex::Word, std::move(word));
    }

    bool operator_word(const std::string& word) {
        if (word == "AND" || word == "OR" || word == "NOT" || word == "NOTPARA") {
            push(word == "AND"   ? Lex::And
                 : word == "OR"  ? Lex::Or
                 : word == "NOT" ? Lex::Not
                                 : Lex::NotPara,
                 word);
            return true;
        }
        if (word != "NEAR" && word.rfind("NEAR/", 0) != 0) return false;
        Lexeme l{Lex::Near, word, {}};
        if (word.size() > 5) {
            std::size_t used = 0;
            unsigned long n = 0;
            try {
                n = std::stoul(word.substr(5), &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != word.size() - 5 || n < 1 || n > 1000)
                throw QueryError(fmt::format(
                    "\"{}\": NEAR/ takes a number of words from 1 to 1000, e.g. NEAR/5", word));
            l.near = static_cast<unsigned>(n);
        }
        out_.lexemes.push_back(std::move(l));
        return true;
    }

    // `author:smith`, `titel:"oil price"`: lower-case letters glued to a
    // colon and a value, as fields are written. Not `Note:`, `note: x`,
    // `10:30` or `http://`.
    bool looks_like_field(const std::string& word, std::size_t colon) const {
        if (colon < 2) return false;
        for (std::size_t k = 0; k < colon; ++k)
            if (word[k] < 'a' || word[k] > 'z') return false;
        if (colon + 1 == word.size()) return i_ < s_.size() && quote_len(s_, i_);
        return word[colon + 1] != '/';
    }

    bool field(const std::string& word) {
        auto colon = word.find(':');
        if (colon == std::string::npos) return false;
        std::string name = analysis::fold(word.substr(0, colon));
        if (name != "title" && name != "name" && name != "source" && name != "date" &&
            name != "article" && name != "said" && name != "saidby") {
            if (looks_like_field(word, colon))
                throw QueryError(fmt::format(
                    "unknown field '{}:' in \"{}\" (fields: title, name, source, date, "
                    "article, said, saidby); to search the words, put them in quotes: \"{}\"",
                    word.substr(0, colon), word, word));
            return false;
        }
        Lexeme l{Lex::Field, word.substr(colon + 1), name};
        if (l.text.empty()) {
            std::size_t q = i_ < s_.size() ? quote_len(s_, i_) : 0;
            if (!q || !closed_quote(q, l.text))
                throw QueryError(
                    fmt::format("{}: needs a word or a \"phrase\" right after the colon", name));
            l.quoted = true;
        }
        out_.lexemes.push_back(std::move(l));
        return true;
    }

    // A bracket without its partner is punctuation, not syntax.
    // Brackets nested deeper than kMaxDepth are text too, which bounds the
    // parser's recursion.
    void balance_brackets() {
        constexpr std::size_t kMaxDepth = 100;
        std::vector<std::size_t> open;
        std::size_t too_deep = 0;
        std::vector<bool> drop(out_.lexemes.size(), false);
        for (std::size_t k = 0; k < out_.lexemes.size(); ++k) {
            const Lex kind = out_.lexemes[k].kind;
            if (kind == Lex::LParen && open.size() >= kMaxDepth) {
                drop[k] = true;
                ++too_deep;
            } else if (kind == Lex::LParen) {
                open.push_back(k);
            } else if (kind == Lex::RParen && too_deep > 0) {
                drop[k] = true;
                --too_deep;
            } else if (kind == Lex::RParen && open.empty()) {
                drop[k] = true;
            } else if (kind == Lex::RParen) {
                open.pop_back();
            }
        }
        for (std::size_t k : open) drop[k] = true;
        std::vector<Lexeme> kept;
        for (std::size_t k = 0; k < out_.lexemes.size(); ++k)
            if (!drop[k]) kept.push_back(std::move(out_.lexemes[k]));
        if (kept.size() != out_.lexemes.size())
            out_.notes.push_back("an unbalanced bracket was read as text");
        out_.lexemes = std::move(kept);
    }

    std::string_view s_;
    std::size_t i_ = 0;
    LexedQuery out_;
};

}  // namespace

// Where a closing bracket or quote mark ends at `end` (exclusive), where it
// starts; else `end`. A sentence may end after one: `(prognosis).`, `"fix it".`
std::size_t before_closer(std::string_view s, std::size_t end) {
    if (end >= 1 && (s[end - 1] == ')' || s[end - 1] == '"' || s[end - 1] == '\'')) return end - 1;
    // ” and ’ (U+201D, U+2019) in UTF-8
    if (end >= 3 && s.substr(end - 3, 2) == "\xe2\x80" &&
        (s[end - 1] == '\x9d' || s[end - 1] == '\x99'))
        return end - 3;
    return end;
}

bool is_prose(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '?') return true;
        if (s[i] != '.' && s[i] != '!') continue;
        if (i + 1 < s.size() && !is_space(s[i + 1])) continue;
        // Text tokenized for a collection puts a space before the stop:
        // `wind tunnel .`, `gases . (theory) .`
        std::size_t stop = i;
        while (stop > 0 && s[stop - 1] == ' ') --stop;
        const std::size_t word_end = before_closer(s, stop);
        if (word_end >= 2 && is_ascii_letter(s[word_end - 1]) && is_ascii_letter(s[word_end - 2]))
            return true;
    }
    return false;
}

LexedQuery lex_query(std::string_view text) {
    return Lexer(text).run();
}

}  // namespace graf::searcher
