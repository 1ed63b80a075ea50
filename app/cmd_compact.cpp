// graf compact [--db DIR]
#include <nlohmann/json.hpp>

#include "app/cmd_compact.hpp"
#include "app/mapped_reads.hpp"
#include "indexer/compactor.hpp"
#include "indexer/index_builder.hpp"
#include "searcher/index_info.hpp"
#include "searcher/searcher.hpp"

namespace graf::app {
namespace {

// "How much faster": the index's own most-mentioned names, each searched as
// `graf search --name` would (snippets included), best of 3, summed.
struct Probe {
    std::vector<std::string> names;
    double ms = 0;
};

constexpr std::size_t kProbeNames = 10;

double time_searches(const std::string& db, const std::vector<std::string>& names) {
    searcher::Searcher s(db);
    double total = 0;
    for (const std::string& name : names) {
        searcher::SearchRequest req;
        req.name = name;
        req.suggest = false;
        double best = 1e300;
        for (int run = 0; run < 3; ++run) best = std::min(best, s.search(req).took_ms);
        total += best;
    }
    return total;
}

}  // namespace

cxxopts::Options compact_options() {
    cxxopts::Options options("graf compact",
                             "Rewrite an index in compact form: smaller and faster to search. "
                             "Searches may run meanwhile; graf index waits.");
    add_db_option(options, false);
    add_json_option(options);
    add_help_option(options);
    return options;
}

CompactSettings compact_settings(const cxxopts::ParseResult& args) {
    return {index_settings(args), args.count("json") > 0};
}

int run_compact(const CompactSettings& settings) {
    MappedFiles::set_enabled(false);  // bulk reads: mapped_reads.hpp
    const std::string db = use_index(settings.index);
    Probe before;
    {
        // Opening first gives a clear message for a missing or empty index.
        searcher::OpenIndex index = searcher::open_index(db);
        for (const auto& n : searcher::top_names_by_paragraphs(index.all, kProbeNames, ""))
            before.names.push_back(n.name);
    }  // closed before the files are swapped
    before.ms = time_searches(db, before.names);
    const indexer::CompactStats s = indexer::compact_index(db);
    const double after_ms = time_searches(db, before.names);
    if (settings.json) {
        nlohmann::json j = {{"db", db},
                            {"bytes_before", s.bytes_before},
                            {"bytes_after", s.bytes_after},
                            {"seconds", s.seconds},
                            {"probe_searches", before.names.size()},
                            {"probe_ms_before", before.ms},
                            {"probe_ms_after", after_ms}};
        fmt::print("{}\n", j.dump());
    } else {
        fmt::print("compacted {}: {:.1f} MB → {:.1f} MB ({:.0f}% smaller) in {:.2f} s\n", db,
                   static_cast<double>(s.bytes_before) / 1e6,
                   static_cast<double>(s.bytes_after) / 1e6,
                   s.bytes_before ? 100.0 * (1.0 - static_cast<double>(s.bytes_after) /
                                                       static_cast<double>(s.bytes_before))
                                  : 0.0,
                   s.seconds);
        if (!before.names.empty())
            fmt::print("searching its {} most-mentioned names: {:.2f} ms before, {:.2f} ms after\n",
                       before.names.size(), before.ms, after_ms);
    }
    return kOk;
}

}  // namespace graf::app
