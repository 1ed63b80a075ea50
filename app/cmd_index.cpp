// graf index [--db DIR] [options] CORPUS...
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>

#include "app/cli.hpp"
#include "corpus/corpus_reader.hpp"
#include "indexer/index_builder.hpp"

namespace graf::app {
namespace {

std::atomic<bool> g_stop{false};

extern "C" void on_signal(int) {
    g_stop = true;
}

}  // namespace

int run_index(int argc, char** argv) {
    cxxopts::Options options("graf index", "Add articles to an index; run again to update it.");
    add_db_option(options);
    // clang-format off
    options.add_options("Indexing")
        ("threads", "analysis threads, and writers of a new index (default: one per core)", cxxopts::value<unsigned>()->default_value("0"), "N")
        ("shards", "write N databases in parallel, one writer thread each (a new index; "
                   "later runs keep the count)", cxxopts::value<unsigned>()->default_value("0"), "N")
        ("prune", "delete articles no longer found in the given inputs")
        ("commit-every", "paragraphs per commit (a crash loses at most this many)",
         cxxopts::value<std::size_t>()->default_value("5000"), "N")
        ("progress", "progress line: auto (on a terminal), always, never",
         cxxopts::value<std::string>()->default_value("auto"), "WHEN")
        ("no-compact", "leave a newly built index uncompacted (faster to finish, twice the size)")
        ("q,quiet", "no per-file warnings, only the summary")
        ("corpus", "folders and files to index", cxxopts::value<std::vector<std::string>>());
    // clang-format on
    add_json_option(options);
    add_help_option(options);
    options.parse_positional({"corpus"});
    options.positional_help("CORPUS...");
    cxxopts::ParseResult args;
    if (!parse_or_help(options, argc, argv, args)) return kOk;
    if (!args.count("corpus")) {
        error("index: give at least one CORPUS folder or file (see `graf index --help`)");
        return kUsage;
    }

    indexer::IndexOptions opts;
    opts.db = db_option(args);
    for (const auto& c : args["corpus"].as<std::vector<std::string>>()) opts.inputs.emplace_back(c);
    opts.threads = args["threads"].as<unsigned>();
    opts.prune = args.count("prune") > 0;
    opts.shards = args["shards"].as<unsigned>();
    opts.commit_paragraphs = std::max<std::size_t>(1, args["commit-every"].as<std::size_t>());
    const std::string progress = args["progress"].as<std::string>();
    if (progress != "auto" && progress != "always" && progress != "never") {
        error("index: --progress takes auto, always or never");
        return kUsage;
    }
    opts.progress = progress == "always" || (progress == "auto" && isatty(fileno(stderr)));
    opts.stop = &g_stop;
    opts.compact_new = !args.count("no-compact");
    const bool quiet = args.count("quiet") > 0;
    const bool clear_line = opts.progress;

    auto report = [&](const corpus::Problem& p) {
        if (quiet) return;
        fmt::print(stderr, "{}graf: {}: {}: {}\n", clear_line ? "\r\x1b[K" : "",
                   p.kind == corpus::Problem::Kind::Skipped ? "skipped" : "warning", p.where,
                   p.what);
    };

    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    indexer::IndexStats s;
    try {
        s = indexer::build_index(opts, report);
    } catch (const corpus::CorpusError& e) {
        error("index: {}", e.what());
        return kUsage;
    } catch (const indexer::IndexError& e) {
        error("index: {}", e.what());
        return kIndexUnwritable;
    }

    const std::uint64_t articles = s.articles_added + s.articles_replaced + s.articles_unchanged;
    const double mbps = s.seconds > 0 ? static_cast<double>(s.bytes) / 1e6 / s.seconds : 0;
    if (args.count("json")) {
        nlohmann::json j = {{"db", opts.db.string()},
                            {"articles", articles},
                            {"added", s.articles_added},
                            {"replaced", s.articles_replaced},
                            {"unchanged", s.articles_unchanged},
                            {"pruned", s.articles_pruned},
                            {"paragraphs", s.paragraphs},
                            {"skipped", s.skipped_inputs},
                            {"warnings", s.warnings},
                            {"bytes", s.bytes},
                            {"seconds", s.seconds},
                            {"mb_per_s", mbps},
                            {"interrupted", s.interrupted},
                            {"compacted", s.compacted},
                            {"index_bytes", s.index_bytes},
                            {"shards", s.shards}};
        fmt::print("{}\n", j.dump());
    } else {
        fmt::print(
            "indexed {} articles ({} new, {} changed, {} unchanged, {} pruned), {} paragraphs "
            "written, "
            "{} skipped, {} warnings, {:.2f} s, {:.1f} MB/s, index {:.1f} MB{}{}\n",
            articles, s.articles_added, s.articles_replaced, s.articles_unchanged,
            s.articles_pruned, s.paragraphs, s.skipped_inputs, s.warnings, s.seconds, mbps,
            static_cast<double>(s.index_bytes) / 1e6, s.compacted ? " (compacted)" : "",
            s.interrupted ? " (interrupted: run again to finish)" : "");
    }
    if (!s.compact_error.empty())
        error("index: warning: {} (the index is complete)", s.compact_error);
    if (s.interrupted) return kInterrupted;
    if (articles == 0) {
        error("index: nothing could be indexed (no readable articles in the inputs)");
        return kNothing;
    }
    return s.skipped_inputs > 0 ? kPartial : kOk;
}

}  // namespace graf::app
