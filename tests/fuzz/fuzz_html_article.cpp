// libFuzzer: raw bytes as an HTML page: libxml2's parser (declared and
// guessed encodings), the story, title, date and url.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "corpus/html_article.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    graf::corpus::Article article;
    graf::corpus::parse_html_article(std::string_view(reinterpret_cast<const char*>(data), size),
                                     article);
    return 0;
}
