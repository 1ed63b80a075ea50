#pragma once
// The plain-text article format: an optional title line, an optional
// `date YYYY-MM-DD` header, then paragraphs separated by blank lines.
#include <string>
#include <string_view>

#include "corpus/article.hpp"

namespace graf::corpus {

/// Longest first line that still counts as a title, in bytes.
inline constexpr std::size_t kMaxTitleBytes = 200;

/// Fills title, date and paragraphs of `article` from decoded UTF-8 text.
void parse_text_article(std::string_view text, Article& article);

}  // namespace graf::corpus
