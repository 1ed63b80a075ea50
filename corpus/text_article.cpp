#include "corpus/text_article.hpp"

#include "corpus/blocks.hpp"

#include <algorithm>
#include <cctype>

namespace graf::corpus {

bool looks_like_title(std::string_view line) {
    if (line.empty() || line.size() > kMaxTitleBytes) return false;
    std::size_t words = 0;
    for (std::size_t i = 0; i < line.size(); ++i)
        if (line[i] != ' ' && (i == 0 || line[i - 1] == ' ')) ++words;
    if (words > kMaxTitleWords) return false;
    // Closing quotes and brackets (ASCII, and UTF-8 ’ ” » as their last byte
    // sequences) do not change how the sentence ends.
    std::string_view end = line;
    for (bool trimmed = true; trimmed && !end.empty();) {
        trimmed = false;
        for (std::string_view close : {"\"", "'", ")", "]", "\u2019", "\u201d", "\u00bb"}) {
            if (end.size() >= close.size() && end.substr(end.size() - close.size()) == close) {
                end.remove_suffix(close.size());
                trimmed = true;
            }
        }
    }
    if (end.empty() || end.back() != '.') return true;
    return end.size() >= 2 && end[end.size() - 2] == '.';  // "..." is an ellipsis
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::string_view next_line(std::string_view& text) {
    const std::size_t nl = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(std::min(nl + 1, text.size()));
    return line;
}

// One `key: value` line of a front matter block into the article.
void front_matter_line(std::string_view line, Article& article) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return;
    std::string key(trim(line.substr(0, colon)));
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view value = trim(line.substr(colon + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front())
        value = value.substr(1, value.size() - 2);
    if (key == "title") article.title = value;
    if (key == "source") article.source = value;
    if (key == "url") article.url = value;
    if (key == "date" && value.size() >= 10 && is_valid_date(value.substr(0, 10)) &&
        (value.size() == 10 || value[10] == 'T' || value[10] == ' '))
        article.date = value.substr(0, 10);
}

}  // namespace

std::string_view take_front_matter(std::string_view text, Article& article) {
    std::string_view rest = text;
    if (trim(next_line(rest)) != "---") return text;
    std::string_view scan = rest;
    for (std::size_t n = 0; n < kMaxFrontMatterLines && !scan.empty(); ++n) {
        const std::string_view line = trim(next_line(scan));
        if (line == "---" || line == "...") {
            for (std::string_view block = rest; block.data() < scan.data();) {
                std::string_view l = next_line(block);
                if (trim(l) == "---" || trim(l) == "...") break;
                front_matter_line(l, article);
            }
            return scan;
        }
    }
    return text;  // no closing line: an ordinary first line of dashes
}

void parse_text_article(std::string_view text, Article& article) {
    text = take_front_matter(text, article);
    const bool titled = !article.title.empty();
    std::vector<Block> blocks = split_blocks(text);
    std::size_t first = 0;
    auto date_from = [&](std::size_t i) {
        if (i >= blocks.size() || !article.date.empty()) return;
        if (auto date = take_date_header(blocks[i].text)) article.date = *date;
    };
    date_from(0);  // a header line above everything, or inline before the first paragraph
    if (!blocks.empty() && blocks[0].text.empty()) first = 1;
    // Text after an inline date header is the first paragraph, never a title.
    const bool inline_date = !article.date.empty() && first == 0;
    // A title is a short single line with a blank line after it and more text
    // below; a file whose first block is a long paragraph has no title.
    if (!titled && !inline_date && blocks.size() > first + 1 && blocks[first].lines == 1 &&
        looks_like_title(blocks[first].text)) {
        article.title = std::move(blocks[first].text);
        ++first;
        date_from(first);  // "Title\n\ndate 2025-01-27 First paragraph…"
    }
    for (std::size_t i = first; i < blocks.size(); ++i)
        if (!blocks[i].text.empty()) article.paragraphs.push_back(std::move(blocks[i].text));
}

}  // namespace graf::corpus
