#include "corpus/blocks.hpp"

#include <cctype>

namespace graf::corpus {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

}  // namespace

std::vector<Block> split_blocks(std::string_view text) {
    std::vector<Block> blocks;
    Block current;
    auto flush = [&] {
        if (!current.text.empty()) blocks.push_back(std::move(current));
        current = Block{};
    };
    while (!text.empty()) {
        std::size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        line = trim(line);
        if (line.empty()) {
            flush();
            continue;
        }
        if (!current.text.empty()) current.text += ' ';
        current.text.append(line);
        ++current.lines;
    }
    flush();
    return blocks;
}

bool is_valid_date(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
    int year = std::stoi(std::string(d.substr(0, 4)));
    int month = std::stoi(std::string(d.substr(5, 2)));
    int day = std::stoi(std::string(d.substr(8, 2)));
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > kDays[month - 1]) return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

std::optional<std::string> day_of(std::string_view t) {
    if (t.size() < 10 || !is_valid_date(t.substr(0, 10))) return std::nullopt;
    if (t.size() > 10 && t[10] != 'T' && t[10] != ' ') return std::nullopt;
    return std::string(t.substr(0, 10));
}

std::optional<std::string> take_date_header(std::string& block) {
    std::string_view s = block;
    if (s.size() < 15) return std::nullopt;
    if (!(s.substr(0, 4) == "date" || s.substr(0, 4) == "Date" || s.substr(0, 4) == "DATE"))
        return std::nullopt;
    std::size_t i = 4;
    if (i < s.size() && s[i] == ':') ++i;
    std::size_t spaces = i;
    while (i < s.size() && is_space(s[i])) ++i;
    if (i == spaces || i + 10 > s.size()) return std::nullopt;
    std::string_view date = s.substr(i, 10);
    if (!is_valid_date(date)) return std::nullopt;
    std::size_t after = i + 10;
    if (after < s.size() && !is_space(s[after])) return std::nullopt;  // "2025-01-27T…" is not ours
    std::string result(date);
    block = std::string(trim(s.substr(after)));
    return result;
}

std::size_t split_long_paragraphs(std::vector<std::string>& paragraphs, std::size_t max_bytes) {
    std::size_t split = 0;
    std::vector<std::string> out;
    for (std::string& p : paragraphs) {
        if (p.size() <= max_bytes) {
            out.push_back(std::move(p));
            continue;
        }
        ++split;
        std::string_view rest = p;
        while (rest.size() > max_bytes) {
            std::size_t cut = rest.rfind(' ', max_bytes);
            if (cut == std::string_view::npos || cut < max_bytes / 2) {
                cut = max_bytes;  // no space: cut before a UTF-8 continuation byte
                while (cut > 0 && (static_cast<unsigned char>(rest[cut]) & 0xC0) == 0x80) --cut;
            }
            out.emplace_back(rest.substr(0, cut));
            rest.remove_prefix(cut);
            while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        }
        if (!rest.empty()) out.emplace_back(rest);
    }
    paragraphs = std::move(out);
    return split;
}

}  // namespace graf::corpus
