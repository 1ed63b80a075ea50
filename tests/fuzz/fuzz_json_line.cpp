// libFuzzer: one JSON Lines record (any bytes): parse errors must be
// messages, never crashes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "corpus/json_article.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    graf::corpus::Article article;
    std::string warning;
    (void)graf::corpus::parse_json_article(
        std::string_view(reinterpret_cast<const char*>(data), size), article, warning);
    return 0;
}
