// graf compact [--db DIR]
#include <nlohmann/json.hpp>

#include "app/cli.hpp"
#include "indexer/compactor.hpp"
#include "indexer/index_builder.hpp"
#include "searcher/searcher.hpp"

namespace graf::app {

int run_compact(int argc, char** argv) {
    cxxopts::Options options("graf compact",
                             "Rewrite an index in compact form: smaller and faster to search. "
                             "Searches may run meanwhile; graf index waits.");
    add_db_option(options);
    add_json_option(options);
    add_help_option(options);
    cxxopts::ParseResult args;
    if (!parse_or_help(options, argc, argv, args)) return kOk;
    const std::string db = args["db"].as<std::string>();
    try {
        (void)searcher::open_index(db);  // a clear message for a missing or empty index
    } catch (const searcher::IndexMissing& e) {
        error("compact: {}", e.what());
        return kNothing;
    }
    indexer::CompactStats s;
    try {
        s = indexer::compact_index(db);
    } catch (const indexer::IndexError& e) {
        error("compact: {}", e.what());
        return kIndexUnwritable;
    }
    if (args.count("json")) {
        nlohmann::json j = {{"db", db},
                            {"bytes_before", s.bytes_before},
                            {"bytes_after", s.bytes_after},
                            {"seconds", s.seconds}};
        fmt::print("{}\n", j.dump());
    } else {
        fmt::print("compacted {}: {:.1f} MB → {:.1f} MB ({:.0f}% smaller) in {:.2f} s\n", db,
                   static_cast<double>(s.bytes_before) / 1e6,
                   static_cast<double>(s.bytes_after) / 1e6,
                   s.bytes_before ? 100.0 * (1.0 - static_cast<double>(s.bytes_after) /
                                                       static_cast<double>(s.bytes_before))
                                  : 0.0,
                   s.seconds);
    }
    return kOk;
}

}  // namespace graf::app
