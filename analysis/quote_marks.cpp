#include "analysis/quote_marks.hpp"

#include <unicode/utf8.h>

namespace graf::analysis {
namespace {

enum class Kind { Open, Close, Either };

struct Mark {
    std::uint32_t at = 0, len = 0;
    Kind kind = Kind::Either;
};

UChar32 cp_before(std::string_view s, std::uint32_t i) {
    if (i == 0) return -1;
    int32_t idx = static_cast<int32_t>(i);
    UChar32 c;
    U8_PREV(s.data(), 0, idx, c);
    return c;
}

UChar32 cp_at(std::string_view s, std::uint32_t i, std::uint32_t* len = nullptr) {
    if (i >= s.size()) return -1;
    int32_t idx = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(s.data(), idx, static_cast<int32_t>(s.size()), c);
    if (len) *len = static_cast<std::uint32_t>(idx) - i;
    return c;
}

bool is_space(UChar32 c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0;
}
bool is_letter_or_digit(UChar32 c) {
    if (c < 0) return false;
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? true : c >= '0' && c <= '9';
    return c >= 0xC0 && c != 0x2014 && c != 0x2013 && c != 0x2026 && (c < 0x2018 || c > 0x201F) &&
           c != 0xAB && c != 0xBB;
}
// Before an opening mark: nothing, a space, a bracket or a dash.
bool opens_after(UChar32 prev) {
    return prev < 0 || is_space(prev) || prev == '(' || prev == '[' || prev == '{' ||
           prev == 0x2014 || prev == 0x2013 || prev == '-' || prev == '/';
}
// After a closing mark: nothing, a space or punctuation.
bool closes_before(UChar32 next) {
    return next < 0 || is_space(next) || next == ',' || next == '.' || next == ';' || next == ':' ||
           next == '!' || next == '?' || next == ')' || next == ']' || next == 0x2014 ||
           next == 0x2013 || next == '-';
}

// A straight mark decides by its neighbours: "x → opens, x" → closes.
Kind straight_kind(UChar32 prev, UChar32 next) {
    if (opens_after(prev) && !is_space(next) && next >= 0) return Kind::Open;
    if (closes_before(next) && !is_space(prev) && prev >= 0) return Kind::Close;
    return Kind::Either;
}

// ’ and ' close a quote only where they cannot be an apostrophe: not before
// a letter (don’t), and not after an s before a space (the players’ union).
bool single_closes(UChar32 prev, UChar32 next) {
    if (is_letter_or_digit(next) || prev < 0 || is_space(prev)) return false;
    if (prev == ',' || prev == '.' || prev == '!' || prev == '?') return true;
    if (next == ',' || next == '.' || next == ';' || next == ':' || next == '!' || next == '?')
        return true;
    return closes_before(next) && prev != 's' && prev != 'S';
}

std::vector<Mark> marks(std::string_view s, bool single) {
    std::vector<Mark> out;
    for (std::uint32_t i = 0; i < s.size();) {
        std::uint32_t len = 1;
        const UChar32 c = cp_at(s, i, &len);
        const UChar32 prev = cp_before(s, i), next = cp_at(s, i + len);
        if (!single) {
            if (c == 0x201C || c == 0x201E || c == 0xAB) out.push_back({i, len, Kind::Open});
            if (c == 0x201D || c == 0xBB)
                out.push_back(
                    {i, len,
                     opens_after(prev) && is_letter_or_digit(next) ? Kind::Open : Kind::Close});
            if (c == '"') out.push_back({i, len, straight_kind(prev, next)});
        } else if (c == 0x2018 || c == '\'' || c == 0x2019) {
            if (opens_after(prev) && is_letter_or_digit(next))
                out.push_back({i, len, Kind::Open});
            else if (single_closes(prev, next))
                out.push_back({i, len, Kind::Close});
        }
        i += len;
    }
    return out;
}

void trim(std::string_view s, QuoteSpan& q) {
    while (q.begin < q.end && is_space(cp_at(s, q.begin))) ++q.begin;
    while (q.end > q.begin && (s[q.end - 1] == ' ' || s[q.end - 1] == '\n')) --q.end;
}

}  // namespace

std::vector<QuoteSpan> find_quote_spans(std::string_view text, bool carried) {
    std::vector<Mark> ms = marks(text, false);
    if (ms.empty()) ms = marks(text, true);
    std::vector<QuoteSpan> out;
    bool inside = false;
    QuoteSpan cur;
    // A carried quote continues only if this paragraph opens with a mark.
    std::uint32_t first = 0;
    while (first < text.size() && is_space(cp_at(text, first))) ++first;
    for (const Mark& m : ms) {
        const std::uint32_t after = m.at + m.len;
        if (!inside) {
            if (m.kind == Kind::Close) continue;
            cur = QuoteSpan{after, after, false, carried && m.at == first};
            inside = true;
            continue;
        }
        // An opening mark after a space inside a quote: the paragraphs of a
        // quote were run together ("… 26 weeks. "We are going …").
        if (m.kind == Kind::Open && is_space(cp_before(text, m.at))) {
            cur.end = m.at;
            cur.open = true;
            trim(text, cur);
            out.push_back(cur);
            cur = QuoteSpan{after, after, false, true};
            continue;
        }
        cur.end = m.at;
        trim(text, cur);
        out.push_back(cur);
        inside = false;
    }
    if (inside) {
        cur.end = static_cast<std::uint32_t>(text.size());
        cur.open = true;
        trim(text, cur);
        out.push_back(cur);
    }
    return out;
}

}  // namespace graf::analysis
