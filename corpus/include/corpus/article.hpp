#pragma once
// One news article as read from a corpus, before analysis.
#include <cstdint>
#include <string>
#include <vector>

namespace graf::corpus {

struct Article {
    /// The id its input gives it: "politics/001" (the .txt path relative to
    /// the folder given, without .txt), or the JSON "id". Unique within its
    /// source, not across sources.
    std::string id;
    /// The name of the input it came from (`graf index --source`, default the
    /// folder's or feed's name): with `id`, the article's identity in the index.
    std::string source_name;
    std::string title;   ///< may be empty
    std::string date;    ///< YYYY-MM-DD, or empty when unknown
    std::string source;  ///< label shown and filtered on: the JSON "source", else source_name
    std::string url;
    std::vector<std::string> paragraphs;  ///< original text, lines joined by one space
    std::string origin;                   ///< file, or file:line, as given: for messages
    std::string location;                 ///< absolute file, or file:line: stored in the index
    std::size_t input = 0;                ///< which of the CORPUS arguments it came from
    std::uint64_t bytes = 0;              ///< size of the input it was read from
};

}  // namespace graf::corpus
