// libFuzzer: the query language on any bytes: a query compiles or throws
// QueryError (shown to the user as one line); nothing else may escape. A
// fixed context stands in for the index, so exclusions compile too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "searcher/query.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    graf::searcher::FixedQueryContext context(
        [](const std::string& stem) {
            return std::vector<std::string>{stem, stem + "s"};
        },
        [](const Xapian::Query&) {
            return std::vector<std::string>{"a/1", "b/2"};
        });
    try {
        graf::searcher::ParsedQuery q = graf::searcher::parse_query(text, context);
        (void)graf::searcher::explain(q);
    } catch (const graf::searcher::QueryError&) {
    }
    try {
        graf::searcher::HighlightSpec spec;
        (void)graf::searcher::name_query(text, spec);
    } catch (const graf::searcher::QueryError&) {
    }
    return 0;
}
