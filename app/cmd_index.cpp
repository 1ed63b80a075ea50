// graf index [--db DIR] [options] CORPUS...
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <csignal>

#include "app/cmd_index.hpp"
#include "app/mapped_reads.hpp"
#include "app/option_bounds.hpp"
#include "corpus/corpus_reader.hpp"

namespace graf::app {
namespace {

std::atomic<bool> g_stop{false};

// Limits that catch typos, not real needs: shards are folders with one
// writer thread each (two digits in their names); a commit batch is held in
// memory (about 8 KB a paragraph, so 100,000 is ~800 MB).
constexpr std::uint64_t kMaxShards = 64;
constexpr std::uint64_t kMaxThreads = 256;
constexpr std::uint64_t kMaxCommitParagraphs = 100'000;

// Whether "-" (standard input) is among the inputs.
bool reads_stdin(const indexer::IndexOptions& opts) {
    return std::count(opts.inputs.begin(), opts.inputs.end(),
                      std::filesystem::path(corpus::kStdinInput)) > 0;
}

extern "C" void on_signal(int) {
    g_stop = true;
}

void print_json(const indexer::IndexOptions& opts, const indexer::IndexStats& s) {
    const std::uint64_t articles = s.articles_added + s.articles_replaced + s.articles_unchanged;
    const double mbps = s.seconds > 0 ? static_cast<double>(s.bytes) / 1e6 / s.seconds : 0;
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
                        {"shards", s.shards},
                        {"dry_run", opts.dry_run}};
    if (!s.prune_refused.empty()) j["prune_refused"] = s.prune_refused;
    if (opts.dry_run && opts.prune) j["would_prune"] = s.would_prune;
    fmt::print("{}\n", j.dump());
}

void print_dry_run(const indexer::IndexOptions& opts, const indexer::IndexStats& s) {
    fmt::print(
        "dry run: {} articles read: {} would be added, {} changed, {} are unchanged; nothing "
        "was written\n",
        s.articles_added + s.articles_replaced + s.articles_unchanged, s.articles_added,
        s.articles_replaced, s.articles_unchanged);
    if (!opts.prune) return;
    fmt::print("--prune would delete {} article{}{}\n", s.would_prune.size(),
               s.would_prune.size() == 1 ? "" : "s", s.would_prune.empty() ? "" : ":");
    for (const std::string& id : s.would_prune) fmt::print("  {}\n", id);
}

}  // namespace

cxxopts::Options index_options() {
    cxxopts::Options options("graf index", "Add articles to an index; run again to update it.");
    add_db_option(options, false);
    // clang-format off
    options.add_options("Indexing")
        ("source", "the source name of every input, part of each article's id (default: each "
                   "folder's or feed's own name)", cxxopts::value<std::string>(), "NAME")
        ("threads", "analysis threads, and writers of a new index (default 0: one per core)", cxxopts::value<std::string>(), "N")
        ("shards", "write N databases in parallel, one writer thread each (a new index; "
                   "later runs keep the count; 0: as the index is)", cxxopts::value<std::string>(), "N")
        ("csv-columns", "the CSV columns of the fields, e.g. title=headline,body=story (default: "
                        "by header name; see README)", cxxopts::value<std::string>(), "FIELD=COLUMN,...")
        ("stdin-format", "what - (standard input) holds: jsonl or csv",
         cxxopts::value<std::string>()->default_value("jsonl"), "FORMAT")
        ("prune", "delete the articles of these inputs' sources that the inputs no longer hold")
        ("yes", "with --prune: delete even when that is more than half of the index")
        ("dry-run", "read the inputs and say what would change (with --prune: list what would "
                    "be deleted); write nothing")
        ("commit-every", "paragraphs per commit (a crash loses at most this many)",
         cxxopts::value<std::string>()->default_value("5000"), "N")
        ("progress", "progress line: auto (on a terminal), always, never",
         cxxopts::value<std::string>()->default_value("auto"), "WHEN")
        ("no-compact", "leave a newly built index uncompacted (faster to finish, twice the size)")
        ("q,quiet", "no per-file warnings, only the summary")
        ("corpus", "folders and files to index; - reads standard input (see --stdin-format)",
         cxxopts::value<std::vector<std::string>>());
    // clang-format on
    add_json_option(options);
    add_help_option(options);
    options.parse_positional({"corpus"});
    options.positional_help("CORPUS...");
    return options;
}

IndexingSettings index_settings_of(const cxxopts::ParseResult& args) {
    if (!args.count("corpus"))
        throw UsageError("give at least one CORPUS folder or file (see `graf index --help`)");
    IndexingSettings s;
    indexer::IndexOptions& opts = s.run;
    opts.db = index_settings(args).db;
    for (const auto& c : args["corpus"].as<std::vector<std::string>>()) opts.inputs.emplace_back(c);
    // 0 is the default for both: one thread per core; as the index already is.
    if (args.count("threads"))
        opts.threads = static_cast<unsigned>(bounded_number(args, "threads", 0, kMaxThreads));
    if (args.count("shards"))
        opts.shards = static_cast<unsigned>(bounded_number(args, "shards", 0, kMaxShards));
    opts.commit_paragraphs = bounded_number(args, "commit-every", 1, kMaxCommitParagraphs);
    if (args.count("source")) {
        opts.source = args["source"].as<std::string>();
        if (std::string why = corpus::source_name_problem(opts.source); !why.empty())
            throw UsageError("--source " + why);
    }
    if (args.count("csv-columns"))
        if (auto why = corpus::parse_csv_columns(args["csv-columns"].as<std::string>(),
                                                 opts.read.csv_columns))
            throw UsageError(*why);
    if (const std::string f = args["stdin-format"].as<std::string>(); f == "csv")
        opts.read.stdin_format = corpus::Format::Csv;
    else if (f != "jsonl")
        throw UsageError(fmt::format("--stdin-format takes jsonl or csv, not '{}'", f));
    opts.prune = args.count("prune") > 0;
    // A pipe that ended early (its producer died) looks like a complete feed:
    // pruning would delete every article it did not get to.
    if (opts.prune && reads_stdin(opts))
        throw UsageError(
            "--prune cannot read - (standard input): a stream cut short looks complete, and "
            "pruning would delete what it did not reach; save the feed to a file and index that "
            "with --prune, or index - without --prune");
    opts.prune_yes = args.count("yes") > 0;
    opts.dry_run = args.count("dry-run") > 0;
    opts.compact_new = !args.count("no-compact");
    s.progress = when_setting(args, "progress");
    s.quiet = args.count("quiet") > 0;
    s.json = args.count("json") > 0;
    return s;
}

int run_index(const IndexingSettings& settings) {
    MappedFiles::set_enabled(false);  // bulk reads: mapped_reads.hpp
    indexer::IndexOptions opts = settings.run;
    if (isatty(STDIN_FILENO) && reads_stdin(opts))
        error("index: reading standard input, a terminal (end with Ctrl-D)");
    opts.progress = settings.progress == When::Always ||
                    (settings.progress == When::Auto && isatty(fileno(stderr)));
    opts.stop = &g_stop;
    const bool quiet = settings.quiet;
    const bool clear_line = opts.progress;

    auto report = [&](const corpus::Problem& p) {
        if (quiet) return;
        fmt::print(stderr, "{}graf: {}: {}: {}\n", clear_line ? "\r\x1b[K" : "",
                   p.kind == corpus::Problem::Kind::Skipped ? "skipped" : "warning", p.where,
                   p.what);
    };

    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    const indexer::IndexStats s = indexer::build_index(opts, report);

    const std::uint64_t articles = s.articles_added + s.articles_replaced + s.articles_unchanged;
    if (settings.json) {
        print_json(opts, s);
    } else if (opts.dry_run) {
        print_dry_run(opts, s);
    } else {
        const double mbps = s.seconds > 0 ? static_cast<double>(s.bytes) / 1e6 / s.seconds : 0;
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
    // Re-indexing in place leaves Xapian's tables half empty: once an index
    // has doubled, rewriting it wins the space back.
    if (!opts.dry_run && s.index_bytes_before > 0 && s.index_bytes >= 2 * s.index_bytes_before)
        error(
            "index: note: the index grew from {:.1f} to {:.1f} MB; `graf compact --db {}` "
            "rewrites it compactly",
            static_cast<double>(s.index_bytes_before) / 1e6,
            static_cast<double>(s.index_bytes) / 1e6, opts.db.string());
    if (!s.prune_refused.empty()) error("index: {}", s.prune_refused);
    if (s.interrupted) return kInterrupted;
    if (articles == 0) {
        error("index: nothing could be indexed (no readable articles in the inputs)");
        return kNothing;
    }
    if (!s.prune_refused.empty() && !opts.dry_run) return kUsage;
    return s.skipped_inputs > 0 ? kPartial : kOk;
}

}  // namespace graf::app
