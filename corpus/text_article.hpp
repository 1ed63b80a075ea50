#pragma once
// The plain-text article format: an optional title line, an optional
// `date YYYY-MM-DD` header, then paragraphs separated by blank lines.
#include <string>
#include <string_view>

#include "corpus/article.hpp"

namespace graf::corpus {

/// Longest first line that still counts as a title, in bytes and words.
inline constexpr std::size_t kMaxTitleBytes = 200;
inline constexpr std::size_t kMaxTitleWords = 20;

/// The title rule for a first line that is alone in its block with more text
/// below: at most kMaxTitleBytes and kMaxTitleWords, and not ending like a
/// sentence — a full stop (an ellipsis is fine), also inside closing quotes
/// or brackets (`.”`, `.)`). A one-line news lead ends with a full stop
/// ("Maternity pay is to rise by £1,400."); headlines don't, and may ask
/// ("Could Yukos be a blessing in disguise?"). All 2,225 BBC titles pass;
/// their longest is 9 words, 52 bytes.
bool looks_like_title(std::string_view line);

/// A front matter block ends within this many lines, or is not one.
inline constexpr std::size_t kMaxFrontMatterLines = 64;

/// A leading front matter block — a `---` line, `key: value` lines, a `---`
/// (or `...`) line — sets title, date (YYYY-MM-DD, or a timestamp starting
/// so), source and url of `article` (other keys are ignored, quotes around a
/// value dropped); returns the text after it, or `text` when there is none.
std::string_view take_front_matter(std::string_view text, Article& article);

/// Fills title, date and paragraphs of `article` from decoded UTF-8 text
/// (front matter first; then a first line may be the title, see below).
void parse_text_article(std::string_view text, Article& article);

}  // namespace graf::corpus
