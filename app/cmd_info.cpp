// graf stats: what is in an index.
#include <nlohmann/json.hpp>

#include <cctype>

#include "app/cli.hpp"
#include "schema/layout.hpp"
#include "searcher/index_info.hpp"
#include "searcher/searcher.hpp"

namespace graf::app {
namespace {

std::string human_bytes(std::uint64_t b) {
    if (b >= (1ull << 30)) return fmt::format("{:.1f} GiB", static_cast<double>(b) / (1ull << 30));
    if (b >= (1ull << 20)) return fmt::format("{:.1f} MiB", static_cast<double>(b) / (1ull << 20));
    return fmt::format("{:.1f} KiB", static_cast<double>(b) / 1024);
}

}  // namespace

int run_stats(int argc, char** argv) {
    cxxopts::Options options("graf stats", "What an index holds.");
    add_db_option(options);
    add_partial_option(options);
    add_json_option(options);
    add_help_option(options);
    cxxopts::ParseResult args;
    if (!parse_or_help(options, argc, argv, args)) return kOk;
    const std::string path = db_option(args);
    int status = kOk;
    try {
        searcher::OpenIndex index = searcher::open_index(path, args.count("allow-partial") > 0);
        status = warn_missing_shards(index.missing, index.shards.size());
        warn_stale_shards(index.stale);
        searcher::IndexSummary s = searcher::summarize(index.all, path);
        const bool merge = schema::read_stub(path).merge_pending;
        if (args.count("json")) {
            nlohmann::json sources = nlohmann::json::array();
            for (const auto& src : s.sources)
                sources.push_back({{"source", src.source}, {"paragraphs", src.paragraphs}});
            nlohmann::json j = {{"db", path},
                                {"articles", s.articles},
                                {"paragraphs", s.paragraphs},
                                {"distinct_words", s.distinct_words},
                                {"first_date", s.first_date},
                                {"last_date", s.last_date},
                                {"sources", sources},
                                {"bytes_on_disk", s.bytes_on_disk},
                                {"shards", index.shards.size()},
                                {"merge_pending", merge},
                                {"partial", !index.missing.empty()}};
            fmt::print("{}\n", j.dump());
        } else {
            fmt::print("index:          {}\n", path);
            if (index.shards.size() + index.missing.size() > 1)
                fmt::print("shards:         {} ({} answered){}\n",
                           index.shards.size() + index.missing.size(), index.shards.size(),
                           merge ? "; a parallel build not merged yet: the next complete graf "
                                   "index run, or graf compact, makes it one database"
                                 : "");
            fmt::print("articles:       {}\n", s.articles);
            fmt::print("paragraphs:     {}\n", s.paragraphs);
            fmt::print("distinct words: {}\n", s.distinct_words);
            fmt::print("dates:          {}\n",
                       s.first_date.empty() ? "none" : s.first_date + " .. " + s.last_date);
            std::string sources;
            for (const auto& src : s.sources)
                sources += fmt::format("{}{} ({})", sources.empty() ? "" : ", ", src.source,
                                       src.paragraphs);
            fmt::print("sources:        {}\n", sources.empty() ? "none" : sources);
            fmt::print("size on disk:   {}\n", human_bytes(s.bytes_on_disk));
        }
    } catch (const searcher::IndexMissing& e) {
        error("{}", e.what());
        return kNothing;
    }
    return status;
}

}  // namespace graf::app
