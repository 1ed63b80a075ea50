#include "corpus/text_article.hpp"

#include "corpus/blocks.hpp"

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

void parse_text_article(std::string_view text, Article& article) {
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
    if (!inline_date && blocks.size() > first + 1 && blocks[first].lines == 1 &&
        looks_like_title(blocks[first].text)) {
        article.title = std::move(blocks[first].text);
        ++first;
        date_from(first);  // "Title\n\ndate 2025-01-27 First paragraph…"
    }
    for (std::size_t i = first; i < blocks.size(); ++i)
        if (!blocks[i].text.empty()) article.paragraphs.push_back(std::move(blocks[i].text));
}

}  // namespace graf::corpus
