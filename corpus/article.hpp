#pragma once
// One news article as read from a corpus, before analysis.
#include <cstdint>
#include <string>
#include <vector>

namespace graf::corpus {

struct Article {
    std::string id;      ///< unique within the index: "politics/001", or JSON "id"
    std::string title;   ///< may be empty
    std::string date;    ///< YYYY-MM-DD, or empty when unknown
    std::string source;  ///< publisher label ("reuters"); may be empty
    std::string url;
    std::vector<std::string> paragraphs;  ///< original text, lines joined by one space
    std::string origin;                   ///< file, or file:line, for messages
    std::uint64_t bytes = 0;              ///< size of the input it was read from
};

}  // namespace graf::corpus
