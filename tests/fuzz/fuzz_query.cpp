// libFuzzer: the query language on any bytes: a query compiles or throws
// QueryError (shown to the user as one line); nothing else may escape.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "searcher/query.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto variants = [](const std::string& stem) {
        return std::vector<std::string>{stem, stem + "s"};
    };
    try {
        graf::searcher::ParsedQuery q = graf::searcher::parse_query(text, variants);
        (void)q.query.get_description();
    } catch (const graf::searcher::QueryError&) {
    }
    try {
        graf::searcher::HighlightSpec spec;
        (void)graf::searcher::name_query(text, spec);
    } catch (const graf::searcher::QueryError&) {
    }
    return 0;
}
