#include "corpus/text_article.hpp"

#include "corpus/blocks.hpp"

namespace graf::corpus {

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
        blocks[first].text.size() <= kMaxTitleBytes) {
        article.title = std::move(blocks[first].text);
        ++first;
        date_from(first);  // "Title\n\ndate 2025-01-27 First paragraph…"
    }
    for (std::size_t i = first; i < blocks.size(); ++i)
        if (!blocks[i].text.empty()) article.paragraphs.push_back(std::move(blocks[i].text));
}

}  // namespace graf::corpus
