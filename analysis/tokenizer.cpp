#include "analysis/tokenizer.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <string>

#include "analysis/fold.hpp"

// Rules, each for a kind of mess found in scraped news text:
//
// * Apostrophes U+2019 ’, U+2018 ‘, U+02BC ʼ and U+FF07 ＇ count as U+0027 ',
//   and only join letters (don't, O’Brien); anywhere else they are quotes.
// * A trailing 's is a possessive and is removed (Musk’s → musk), as Lucene's
//   EnglishPossessiveFilter does: a search for Musk must find "Musk’s".
// * Hyphens U+002D, U+2010 and U+2011 join words (alt-right); the parts are
//   indexed at consecutive positions, so "alt right" and alt-right match each
//   other, and the joined form (altright) as an alias at the first position.
//   En and em dashes (U+2013, U+2014) separate words: "fail—but".
// * A scraper that drops the space between sentences glues words together at
//   a lower→upper case seam (BannonTrump’s). Such a word is split at the seam
//   when both sides have three or more letters and the right side continues
//   in lower case, so McDonald, iPhone and OpenAI stay whole; the glued form
//   stays findable as an alias.
// * Digits joined by , or . form one number (1,400 → 1400; 5.93); a currency
//   sign is punctuation ($500 → 500).
// * Single letters joined by periods are an acronym (U.S. → us), and a period
//   after Mr, Dr, Inc… does not end a sentence: both matter to name detection.
// * Han, Hiragana and Katakana have no spaces between words: each character
//   is a token, so a phrase query over characters finds a CJK word.

namespace graf::analysis {
namespace {

enum class Cls { Word, Cjk, Apostrophe, Hyphen, Period, Comma, Terminal, Space, Other };

struct Cp {
    UChar32 value;
    std::uint32_t begin, end;  // byte range
};

// Decodes the code point at byte `i`; malformed UTF-8 decodes as U+FFFD, a
// separator, so garbage never glues two words together.
[[gnu::noinline]] Cp decode_multibyte(std::string_view s, std::uint32_t i) {
    int32_t idx = static_cast<int32_t>(i);
    UChar32 cp;
    U8_NEXT(s.data(), idx, static_cast<int32_t>(s.size()), cp);
    if (cp < 0) cp = 0xFFFD;
    return {cp, i, static_cast<std::uint32_t>(idx)};
}

// Called for every byte of every paragraph: the ASCII case must inline.
[[gnu::always_inline]] inline Cp decode_at(std::string_view s, std::uint32_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return {c, i, i + 1};
    return decode_multibyte(s, i);
}

bool is_cjk(UChar32 cp) {
    UErrorCode ec = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript(cp, &ec);
    return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA;
}

// The class of each ASCII character, computed once.
constexpr std::array<Cls, 128> kAsciiClass = [] {
    std::array<Cls, 128> t{};
    for (int c = 0; c < 128; ++c) {
        Cls k = Cls::Other;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            k = Cls::Word;
        else if (c == '\'')
            k = Cls::Apostrophe;
        else if (c == '-')
            k = Cls::Hyphen;
        else if (c == '.')
            k = Cls::Period;
        else if (c == ',')
            k = Cls::Comma;
        else if (c == '!' || c == '?')
            k = Cls::Terminal;
        else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            k = Cls::Space;
        t[static_cast<std::size_t>(c)] = k;
    }
    return t;
}();

[[gnu::noinline]] Cls classify_non_ascii(UChar32 cp) {
    switch (cp) {
        case 0x2019:
        case 0x2018:
        case 0x02BC:
        case 0xFF07:
            return Cls::Apostrophe;
        case 0x2010:
        case 0x2011:
            return Cls::Hyphen;
        case 0x3002:  // ideographic full stop
        case 0xFF01:
        case 0xFF1F:
            return Cls::Terminal;
        default:
            break;
    }
    if (u_isUWhiteSpace(cp)) return Cls::Space;
    if (u_isalnum(cp)) return is_cjk(cp) ? Cls::Cjk : Cls::Word;
    // Combining marks continue the word they follow (decomposed accents).
    if (U_GET_GC_MASK(cp) & U_GC_M_MASK) return Cls::Word;
    return Cls::Other;
}

[[gnu::always_inline]] inline Cls classify(UChar32 cp) {
    return cp < 0x80 ? kAsciiClass[static_cast<std::size_t>(cp)] : classify_non_ascii(cp);
}

// ASCII answers inline: English news is nearly all ASCII, and an ICU call
// per character was a third of tokenizing time (graf-micro-bench).
bool is_digit_cp(UChar32 cp) {
    return cp < 0x80 ? (cp >= '0' && cp <= '9') : u_isdigit(cp);
}
bool is_upper_cp(UChar32 cp) {
    return cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : (u_isupper(cp) || u_istitle(cp));
}
bool is_lower_cp(UChar32 cp) {
    return cp < 0x80 ? (cp >= 'a' && cp <= 'z') : u_islower(cp);
}
bool is_alpha_cp(UChar32 cp) {
    return cp < 0x80 ? is_upper_cp(cp) || is_lower_cp(cp) : u_isalpha(cp);
}

// Abbreviations whose period does not end a sentence (lower case, no period).
bool is_abbreviation(std::string_view folded) {
    static constexpr std::array<std::string_view, 30> kAbbrev = {
        "mr",  "mrs", "ms",  "dr",   "st",   "jr",  "sr",   "prof", "gen", "sen",
        "rep", "gov", "lt",  "col",  "capt", "inc", "corp", "co",   "ltd", "vs",
        "jan", "feb", "aug", "sept", "sep",  "oct", "nov",  "dec",  "no",  "messrs"};
    return std::find(kAbbrev.begin(), kAbbrev.end(), folded) != kAbbrev.end();
}

class Tokenizer {
  public:
    Tokenizer(std::string_view text, std::vector<Token>& out) : s_(text), out_(out) {}

    void run() {
        std::uint32_t i = 0;
        const auto n = static_cast<std::uint32_t>(s_.size());
        while (i < n) {
            Cp cp = decode_at(s_, i);
            switch (classify(cp.value)) {
                case Cls::Word:
                    i = word_at(cp);
                    break;
                case Cls::Cjk:
                    emit_part(cp.begin, cp.end, flags_for_start());
                    sentence_start_ = false;
                    pending_break_ = true;  // a CJK character never continues a name run
                    i = cp.end;
                    break;
                case Cls::Period:
                case Cls::Terminal:
                    sentence_start_ = true;
                    pending_break_ = true;
                    i = cp.end;
                    break;
                case Cls::Space:
                    i = cp.end;
                    break;
                default:
                    pending_break_ = true;
                    i = cp.end;
                    break;
            }
        }
    }

  private:
    struct Part {
        std::uint32_t begin, end;
        bool glued;  // starts at a glue seam
    };

    std::uint8_t flags_for_start() {
        std::uint8_t f = 0;
        if (sentence_start_) f |= kSentenceStart;
        if (pending_break_) f |= kRunBreak;
        return f;
    }

    // Single ASCII letters joined by periods: U.S., e.g. Returns the end of the
    // acronym (after its final period) or 0 when there is none at `i`.
    std::uint32_t acronym_end(std::uint32_t i) const {
        std::uint32_t k = i;
        int letters = 0;
        const auto n = s_.size();
        while (k + 1 < n && std::isalpha(static_cast<unsigned char>(s_[k])) && s_[k + 1] == '.') {
            ++letters;
            k += 2;
        }
        if (letters < 2) return 0;
        if (k < n) {
            Cls next = classify(decode_at(s_, k).value);
            if (next == Cls::Word) return 0;  // "a.b.c" inside something longer
        }
        return k;
    }

    // Scans the raw word starting at `first`, emits its tokens, returns where
    // scanning resumes.
    std::uint32_t word_at(Cp first) {
        if (std::uint32_t end = acronym_end(first.begin)) {
            std::string letters;
            bool upper = true;
            for (std::uint32_t k = first.begin; k < end; k += 2) {
                letters += static_cast<char>(std::tolower(static_cast<unsigned char>(s_[k])));
                upper &= std::isupper(static_cast<unsigned char>(s_[k])) != 0;
            }
            std::uint8_t f = flags_for_start() | (upper ? kAllCaps : 0);
            push(std::move(letters), first.begin, end, f);
            return end;
        }

        std::vector<std::uint32_t>& hyphens = hyphens_;
        hyphens.clear();
        std::uint32_t end = first.begin;
        UChar32 prev = 0;
        Cp cp = first;
        const auto n = static_cast<std::uint32_t>(s_.size());
        for (;;) {
            Cls c = classify(cp.value);
            if (c == Cls::Word) {
                prev = cp.value;
                end = cp.end;
                // The ASCII letters and digits that follow need no decoding.
                while (end < n) {
                    const auto b = static_cast<unsigned char>(s_[end]);
                    if (b >= 0x80 || kAsciiClass[b] != Cls::Word) break;
                    prev = b;
                    ++end;
                }
            } else if (c == Cls::Apostrophe || c == Cls::Hyphen || c == Cls::Period ||
                       c == Cls::Comma) {
                if (cp.end >= n) break;
                Cp next = decode_at(s_, cp.end);
                if (classify(next.value) != Cls::Word) break;
                bool numeric = is_digit_cp(prev) && is_digit_cp(next.value);
                if ((c == Cls::Period || c == Cls::Comma) && !numeric) break;
                if (c == Cls::Hyphen) hyphens.push_back(cp.begin);
                end = cp.end;
            } else {
                break;
            }
            if (end >= n) break;
            cp = decode_at(s_, end);
        }
        emit_word(first.begin, end, hyphens);

        // A period after an abbreviation is part of it, not a sentence end.
        if (end < n && s_[end] == '.' && !out_.empty() && out_.back().end == end &&
            !out_.back().has(kAlias) && is_abbreviation(out_.back().term))
            return end + 1;
        return end;
    }

    void emit_word(std::uint32_t begin, std::uint32_t end,
                   const std::vector<std::uint32_t>& hyphens) {
        parts_.clear();
        std::uint32_t seg_begin = begin;
        for (std::size_t h = 0; h <= hyphens.size(); ++h) {
            std::uint32_t seg_end = h < hyphens.size() ? hyphens[h] : end;
            std::uint32_t hyphen_len = 0;
            if (h < hyphens.size()) hyphen_len = decode_at(s_, seg_end).end - seg_end;
            split_segment(seg_begin, seg_end);
            seg_begin = seg_end + hyphen_len;
        }
        std::uint8_t start_flags = flags_for_start();
        sentence_start_ = false;
        pending_break_ = false;
        if (parts_.size() == 1) {
            emit_part(parts_[0].begin, parts_[0].end, start_flags);
            return;
        }
        std::string joined;
        std::uint32_t first_position = next_position_;
        std::size_t first_index = out_.size();
        bool any = false;
        for (std::size_t p = 0; p < parts_.size(); ++p) {
            std::uint8_t f = p == 0 ? start_flags : (parts_[p].glued ? kRunBreak : 0);
            if (emit_part(parts_[p].begin, parts_[p].end, f)) {
                joined += out_.back().term;
                any = true;
            }
        }
        if (!any || joined.size() > kMaxTermBytes) return;
        Token alias;
        alias.term = std::move(joined);
        alias.begin = parts_.front().begin;
        alias.end = parts_.back().end;
        alias.position = first_position;
        alias.flags = static_cast<std::uint8_t>(kAlias | (out_[first_index].flags & kCapitalised) |
                                                (out_.back().flags & kPossessive));
        out_.insert(out_.begin() + static_cast<std::ptrdiff_t>(first_index) + 1, std::move(alias));
    }

    // Splits one hyphen-free segment at glue seams (BannonTrump → Bannon|Trump).
    void split_segment(std::uint32_t begin, std::uint32_t end) {
        if (begin >= end) return;
        if (is_ascii(begin, end)) {
            split_ascii_segment(begin, end);
            return;
        }
        // Code points of the segment, to look at case around each position.
        cps_.clear();
        for (std::uint32_t i = begin; i < end;) {
            Cp cp = decode_at(s_, i);
            cps_.push_back(cp);
            i = cp.end;
        }
        std::size_t part_start = 0;
        for (std::size_t k = 1; k + 1 < cps_.size(); ++k) {
            bool seam = is_lower_cp(cps_[k - 1].value) && is_upper_cp(cps_[k].value) &&
                        is_lower_cp(cps_[k + 1].value);
            if (!seam || k - part_start < 3) continue;
            std::size_t right = k + 1;
            while (right < cps_.size() && is_lower_cp(cps_[right].value)) ++right;
            if (right - k < 3) continue;
            parts_.push_back({cps_[part_start].begin, cps_[k].begin, part_start != 0});
            part_start = k;
        }
        parts_.push_back({cps_[part_start].begin, end, part_start != 0});
    }

    // Only ASCII letters and digits (no apostrophe, comma, hyphen, period).
    bool is_plain_ascii(std::uint32_t begin, std::uint32_t end) const {
        if (begin >= end) return false;
        for (std::uint32_t i = begin; i < end; ++i) {
            const char c = s_[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                return false;
        }
        return true;
    }

    bool is_ascii(std::uint32_t begin, std::uint32_t end) const {
        unsigned char any = 0;
        for (std::uint32_t i = begin; i < end; ++i) any |= static_cast<unsigned char>(s_[i]);
        return any < 0x80;
    }

    // split_segment's rule on bytes: one byte is one code point, so no
    // decoding and no code point buffer (most words of English news).
    void split_ascii_segment(std::uint32_t begin, std::uint32_t end) {
        auto lower = [&](std::uint32_t i) { return s_[i] >= 'a' && s_[i] <= 'z'; };
        auto upper = [&](std::uint32_t i) { return s_[i] >= 'A' && s_[i] <= 'Z'; };
        std::uint32_t part_start = begin;
        for (std::uint32_t k = begin + 1; k + 1 < end; ++k) {
            if (!(lower(k - 1) && upper(k) && lower(k + 1)) || k - part_start < 3) continue;
            std::uint32_t right = k + 1;
            while (right < end && lower(right)) ++right;
            if (right - k < 3) continue;
            parts_.push_back({part_start, k, part_start != begin});
            part_start = k;
        }
        parts_.push_back({part_start, end, part_start != begin});
    }

    // emit_part for a part of ASCII letters and digits only: the term is the
    // lower-cased bytes, with no copy to clean and no fold call (tokenizing
    // is the largest cost of a snippet; graf-micro-bench BM_Tokenize).
    bool emit_plain_ascii(std::uint32_t begin, std::uint32_t end, std::uint8_t flags) {
        if (end - begin > kMaxTermBytes) return false;
        Token& t = out_.emplace_back();
        t.term.assign(s_.data() + begin, end - begin);
        int letters = 0, upper = 0;
        for (char& c : t.term) {
            const bool up = c >= 'A' && c <= 'Z';
            letters += up || (c >= 'a' && c <= 'z');
            upper += up;
            if (up) c = static_cast<char>(c + 32);
        }
        const char first = s_[begin];
        if (letters >= 2 && upper == letters)
            flags |= kAllCaps;
        else if (first >= 'A' && first <= 'Z')
            flags |= kCapitalised;
        if (first >= '0' && first <= '9') flags |= kNumeric;
        t.begin = begin;
        t.end = end;
        t.position = next_position_++;
        t.flags = flags;
        return true;
    }

    // Folds and pushes one part; returns false when nothing was kept.
    bool emit_part(std::uint32_t begin, std::uint32_t end, std::uint8_t flags) {
        // Possessive: a final apostrophe + s.
        std::uint32_t text_end = end;
        if (end - begin >= 3 && (s_[end - 1] == 's' || s_[end - 1] == 'S')) {
            auto apos = static_cast<int32_t>(end - 1);
            U8_BACK_1(reinterpret_cast<const std::uint8_t*>(s_.data()), static_cast<int32_t>(begin),
                      apos);
            if (apos > static_cast<int32_t>(begin) &&
                classify(decode_at(s_, static_cast<std::uint32_t>(apos)).value) ==
                    Cls::Apostrophe) {
                text_end = static_cast<std::uint32_t>(apos);
                flags |= kPossessive;
            }
        }
        if (is_plain_ascii(begin, text_end)) return emit_plain_ascii(begin, text_end, flags);
        // Surface → matching form: ASCII apostrophes, no thousands separators.
        cleaned_.clear();
        int letters = 0, upper = 0, lower = 0;
        UChar32 first_cp = -1;
        for (std::uint32_t i = begin; i < text_end;) {
            Cp cp = decode_at(s_, i);
            i = cp.end;
            if (first_cp < 0) first_cp = cp.value;
            Cls c = classify(cp.value);
            if (c == Cls::Apostrophe) {
                cleaned_ += '\'';
                continue;
            }
            if (c == Cls::Comma) continue;
            if (is_alpha_cp(cp.value)) {
                ++letters;
                upper += is_upper_cp(cp.value);
                lower += is_lower_cp(cp.value);
            }
            cleaned_.append(s_.data() + cp.begin, cp.end - cp.begin);
        }
        if (cleaned_.empty()) return false;
        Token t;
        fold(cleaned_, t.term);
        if (t.term.empty() || t.term.size() > kMaxTermBytes) return false;
        if (letters >= 2 && lower == 0 && upper > 0)
            flags |= kAllCaps;
        else if (first_cp >= 0 && is_upper_cp(first_cp))
            flags |= kCapitalised;
        if (first_cp >= 0 && is_digit_cp(first_cp)) flags |= kNumeric;
        t.begin = begin;
        t.end = text_end;
        t.position = next_position_++;
        t.flags = flags;
        out_.push_back(std::move(t));
        return true;
    }

    void push(std::string term, std::uint32_t begin, std::uint32_t end, std::uint8_t flags) {
        sentence_start_ = false;
        pending_break_ = false;
        if (term.size() > kMaxTermBytes) return;
        Token t;
        t.term = std::move(term);
        t.begin = begin;
        t.end = end;
        t.position = next_position_++;
        t.flags = flags;
        out_.push_back(std::move(t));
    }

    std::string_view s_;
    std::vector<Token>& out_;
    std::uint32_t next_position_ = 0;
    bool sentence_start_ = true;
    bool pending_break_ = true;
    // Scratch buffers, reused across words.
    std::vector<std::uint32_t> hyphens_;
    std::vector<Part> parts_;
    std::vector<Cp> cps_;
    std::string cleaned_;
};

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out) {
    out.clear();
    Tokenizer(text, out).run();
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> out;
    tokenize(text, out);
    return out;
}

}  // namespace graf::analysis
