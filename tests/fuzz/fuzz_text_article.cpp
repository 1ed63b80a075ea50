// libFuzzer: raw bytes as a plain-text article file: decoding (UTF-8 repair,
// Windows-1252), control cleaning, title/date/paragraph parsing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "corpus/text_article.hpp"
#include "corpus/text_decoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    graf::corpus::DecodedText decoded =
        graf::corpus::decode_to_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
    graf::corpus::clean_controls(decoded.text);
    graf::corpus::Article article;
    graf::corpus::parse_text_article(decoded.text, article);
    return 0;
}
