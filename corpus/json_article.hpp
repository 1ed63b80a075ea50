#pragma once
// One line of a JSON Lines corpus: {"id", "title", "date", "source", "url",
// "body"}; other keys are ignored.
#include <optional>
#include <string>
#include <string_view>

#include "corpus/article.hpp"

namespace graf::corpus {

/// Parses one line into `article`. Returns an error message (no file or line
/// number: the caller adds them) when the line cannot be indexed; `warning`
/// is set for a problem that was repaired (e.g. an invalid date dropped).
std::optional<std::string> parse_json_article(std::string_view line, Article& article,
                                              std::string& warning);

}  // namespace graf::corpus
