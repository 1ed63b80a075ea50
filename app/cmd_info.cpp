// graf stats: what is in an index.
#include <nlohmann/json.hpp>

#include <cctype>

#include "app/cmd_info.hpp"
#include "schema/layout.hpp"
#include "searcher/index_info.hpp"
#include "searcher/open_index.hpp"
#include "web/search_json.hpp"

namespace graf::app {
namespace {

std::string human_bytes(std::uint64_t b) {
    if (b >= (1ull << 30)) return fmt::format("{:.1f} GiB", static_cast<double>(b) / (1ull << 30));
    if (b >= (1ull << 20)) return fmt::format("{:.1f} MiB", static_cast<double>(b) / (1ull << 20));
    return fmt::format("{:.1f} KiB", static_cast<double>(b) / 1024);
}

}  // namespace

cxxopts::Options stats_options() {
    cxxopts::Options options("graf stats", "What an index holds.");
    add_db_option(options);
    add_partial_option(options);
    add_json_option(options);
    add_help_option(options);
    return options;
}

StatsSettings stats_settings(const cxxopts::ParseResult& args) {
    return {index_settings(args), args.count("json") > 0};
}

int run_stats(const StatsSettings& settings) {
    const std::string path = use_index(settings.index);
    searcher::OpenIndex index = searcher::open_index(path, settings.index.allow_partial);
    const int status = warn_missing_shards(index.missing, index.shards.size());
    warn_stale_shards(index.stale);
    const searcher::IndexSummary s = searcher::summarize(index.all, path);
    const bool merge = schema::read_stub(path).merge_pending;
    if (settings.json) {
        nlohmann::json j = web::stats_json(s, index.shards.size(), merge, !index.missing.empty());
        j["db"] = path;
        fmt::print("{}\n", j.dump());
        return status;
    }
    fmt::print("index:          {}\n", path);
    if (index.shards.size() + index.missing.size() > 1)
        fmt::print("shards:         {} ({} answered){}\n",
                   index.shards.size() + index.missing.size(), index.shards.size(),
                   merge ? "; a parallel build not merged yet: the next complete graf index run, "
                           "or graf compact, makes it one database"
                         : "");
    fmt::print("articles:       {}\n", s.articles);
    fmt::print("paragraphs:     {}\n", s.paragraphs);
    fmt::print("distinct words: {}\n", s.distinct_words);
    fmt::print("dates:          {}\n",
               s.first_date.empty() ? "none" : s.first_date + " .. " + s.last_date);
    std::string sources;
    for (const auto& src : s.sources)
        sources +=
            fmt::format("{}{} ({})", sources.empty() ? "" : ", ", src.source, src.paragraphs);
    fmt::print("sources:        {}\n", sources.empty() ? "none" : sources);
    fmt::print("size on disk:   {}\n", human_bytes(s.bytes_on_disk));
    return status;
}

}  // namespace graf::app
