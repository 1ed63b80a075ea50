#include "benchmarks/fts5/translate.hpp"

#include <vector>

namespace graf::bench::fts5 {
namespace {

std::string quoted(const std::string& words) {
    std::string out = "\"";
    for (char c : words) {
        if (c == '"') out += '"';  // FTS5 escapes a quote by doubling it
        out += c;
    }
    return out + "\"";
}

// Curly double quotes act like straight ones, as in graf's query parser.
std::string straighten_quotes(std::string s) {
    for (const char* curly : {"\u201C", "\u201D"})
        for (std::size_t at; (at = s.find(curly)) != std::string::npos;) s.replace(at, 3, "\"");
    return s;
}

bool is_operator(const std::string& w) {
    return w == "AND" || w == "OR" || w == "NOT";
}

// Splits into phrases ("..."), brackets and words.
std::vector<std::string> pieces(const std::string& query) {
    std::vector<std::string> out;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) out.push_back(word);
        word.clear();
    };
    for (std::size_t i = 0; i < query.size(); ++i) {
        const char c = query[i];
        if (c == '"') {
            flush();
            const std::size_t close = query.find('"', i + 1);
            const std::size_t end = close == std::string::npos ? query.size() : close;
            out.push_back(query.substr(i, end - i) + "\"");
            i = end;
        } else if (c == '(' || c == ')') {
            flush();
            out.emplace_back(1, c);
        } else if (c == ' ' || c == '\t') {
            flush();
        } else {
            word += c;
        }
    }
    flush();
    return out;
}

std::string term(const std::string& piece) {
    if (piece.front() == '"') return quoted(piece.substr(1, piece.size() - 2));
    std::string w = piece;
    while (!w.empty() && (w.front() == '+' || w.front() == '-')) w.erase(0, 1);
    while (!w.empty() && std::string("?!.,;:").find(w.back()) != std::string::npos) w.pop_back();
    if (w.empty()) return {};
    if (w.back() == '*') return quoted(w.substr(0, w.size() - 1)) + " *";  // prefix query
    return quoted(w);
}

}  // namespace

std::string to_fts5_match(const std::string& kind, const std::string& query_in) {
    const std::string query = straighten_quotes(query_in);
    std::string expr;
    if (kind == "name") {
        expr = quoted(query);
    } else {
        const bool any_of = kind == "long";
        for (const std::string& p : pieces(query)) {
            std::string t = p == "(" || p == ")" || is_operator(p) ? p : term(p);
            if (t.empty()) continue;
            // graf's `-word` excludes; FTS5's NOT is binary ("a NOT b").
            const bool excluded = p.front() == '-' && !expr.empty();
            if (!expr.empty()) expr += excluded ? " NOT " : any_of ? " OR " : " ";
            expr += t;
        }
    }
    return "body : (" + expr + ")";
}

std::string to_fts5_any_words(const std::string& text) {
    std::string expr, word;
    auto flush = [&] {
        if (word.empty()) return;
        expr += (expr.empty() ? "\"" : " OR \"") + word + "\"";
        word.clear();
    };
    for (unsigned char c : text) {
        if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            word += static_cast<char>(c);
        else
            flush();
    }
    flush();
    return expr;
}

}  // namespace graf::bench::fts5
