// Each command's options parsed into its settings, as `graf COMMAND ARGS`
// reads them: defaults, bounds and their messages, $GRAF_DB, conflicts.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/cmd_bench.hpp"
#include "app/cmd_compact.hpp"
#include "app/cmd_eval.hpp"
#include "app/cmd_facets.hpp"
#include "app/cmd_index.hpp"
#include "app/cmd_info.hpp"
#include "app/cmd_names.hpp"
#include "app/cmd_quotes.hpp"
#include "app/cmd_search.hpp"
#include "app/cmd_serve.hpp"
#include "app/cmd_show.hpp"
#include "app/cmd_timeline.hpp"
#include "app/cmd_web.hpp"

using namespace graf::app;
namespace fs = std::filesystem;

namespace {

// What parsing `args` throws (empty when they parse), and whether it is a
// usage error (exit 1): every refusal must be.
struct Refusal {
    std::string message;
    bool usage = false;
};

template <typename Settings>
Refusal refusal(cxxopts::Options (*options)(), Settings (*settings)(const cxxopts::ParseResult&),
                const Args& args) {
    try {
        parse_settings(options, settings, args);
        return {};
    } catch (const graf::Error& e) {
        return {e.what(), e.exit_code() == graf::kUsage};
    } catch (const cxxopts::exceptions::exception& e) {
        return {e.what(), true};  // errors.cpp: exit 1
    }
}

// $GRAF_DB for the test's duration (nullptr: unset).
class DbVariable {
  public:
    explicit DbVariable(const char* value) {
        if (const char* old = std::getenv("GRAF_DB")) old_ = old;
        value ? setenv("GRAF_DB", value, 1) : unsetenv("GRAF_DB");
    }
    ~DbVariable() { old_.empty() ? unsetenv("GRAF_DB") : setenv("GRAF_DB", old_.c_str(), 1); }

  private:
    std::string old_;
};

}  // namespace

TEST_CASE("settings: search defaults and what each option sets") {
    DbVariable unset(nullptr);
    struct Row {
        Args args;
        std::string query, name;
        std::size_t limit, offset;
        bool paragraphs, by_date, oldest;
        std::optional<ExportFormat> format;
        std::size_t export_max;
    };
    using F = ExportFormat;
    const std::vector<Row> rows = {
        {{"oil"}, "oil", "", 10, 0, false, false, false, {}, 0},
        {{"oil", "prices", "--limit", "0", "--offset", "20"},
         "oil prices",
         "",
         0,
         20,
         false,
         false,
         false,
         {},
         0},
        {{"--sort", "date", "--paragraphs", "oil"}, "oil", "", 10, 0, true, true, false, {}, 0},
        {{"--sort", "oldest", "oil"}, "oil", "", 10, 0, false, true, true, {}, 0},
        {{"--name", "Tony Blair"}, "", "Tony Blair", 10, 0, false, false, false, {}, 0},
        // --export: matching paragraphs, every one unless --limit is given.
        {{"--export", "csv", "oil"}, "oil", "", 10, 0, true, false, false, F::Csv, 0},
        {{"--export", "jsonl", "--articles", "--limit", "5", "oil"},
         "oil",
         "",
         5,
         0,
         false,
         false,
         false,
         F::JsonLines,
         5},
    };
    for (const Row& r : rows) {
        CAPTURE(r.args);
        const SearchSettings s = parse_settings(search_options, search_settings, r.args);
        CHECK(s.request.query == r.query);
        CHECK(s.request.name == r.name);
        CHECK(s.request.limit == r.limit);
        CHECK(s.request.offset == r.offset);
        CHECK(s.request.paragraphs == r.paragraphs);
        CHECK(s.request.sort_by_date == r.by_date);
        CHECK(s.request.oldest_first == r.oldest);
        CHECK(s.export_format == r.format);
        CHECK(s.export_max == r.export_max);
        CHECK(s.request.snippet_chars == 240);
        CHECK(s.request.snippets);
        CHECK(s.request.feedback);
        CHECK_FALSE(s.request.expand);
        CHECK_FALSE(s.explain);
        CHECK_FALSE(s.json);
        CHECK(s.color == When::Auto);
        CHECK(s.index.db == (fs::current_path() / "graf-index").string());
        CHECK_FALSE(s.index.connect_timeout_ms);
        CHECK_FALSE(s.index.allow_partial);
    }
    const SearchSettings s = parse_settings(
        search_options, search_settings,
        {"--no-snippets", "--no-feedback", "--snippet-chars", "20", "--json", "--color", "never",
         "--explain", "--allow-partial", "--connect-timeout", "0.25", "oil"});
    CHECK_FALSE(s.request.snippets);
    CHECK_FALSE(s.request.feedback);
    CHECK(s.request.snippet_chars == 20);
    CHECK(s.json);
    CHECK(s.color == When::Never);
    CHECK(s.explain);
    CHECK(s.index.allow_partial);
    CHECK(s.index.connect_timeout_ms == 250u);
    CHECK(parse_settings(search_options, search_settings, {"--expand", "oil"}).request.expand);
}

TEST_CASE("settings: --db is made absolute, and $GRAF_DB is its default") {
    struct Row {
        const char* env;
        Args args;
        std::string db;
    };
    const std::string cwd = fs::current_path().string();
    const std::vector<Row> rows = {
        {nullptr, {"oil"}, cwd + "/graf-index"},
        {"", {"oil"}, cwd + "/graf-index"},
        {"/srv/news/", {"oil"}, "/srv/news"},
        {"/srv/news", {"--db", "archive//", "oil"}, cwd + "/archive"},
        {nullptr, {"--db", "./a/../b", "oil"}, cwd + "/b"},
        {nullptr, {"--db", "/", "oil"}, "/"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.args);
        CAPTURE(r.env);
        DbVariable env(r.env);
        CHECK(parse_settings(search_options, search_settings, r.args).index.db == r.db);
        // Every command that opens an index reads --db the same way.
        Args stats_args(r.args.begin(), r.args.end() - 1);
        CHECK(parse_settings(stats_options, stats_settings, stats_args).index.db == r.db);
    }
}

TEST_CASE("settings: refused values name the option and its limits") {
    DbVariable unset(nullptr);
    struct Row {
        Args args;
        std::string message;
    };
    const std::vector<Row> search = {
        {{}, "give a query or --name (see `graf search --help`)"},
        {{"--limit", "-1", "oil"}, "--limit must be a whole number from 0 to 1000000, not '-1'"},
        {{"--limit", "1000001", "oil"},
         "--limit must be a whole number from 0 to 1000000, not '1000001'"},
        {{"--offset", "x", "oil"}, "--offset must be a whole number from 0 to 1000000, not 'x'"},
        {{"--snippet-chars", "19", "oil"},
         "--snippet-chars must be a whole number from 20 to 1000000, not '19'"},
        {{"--sort", "size", "oil"},
         "--sort takes relevance, date (newest first) or oldest, not 'size'"},
        {{"--export", "xml", "oil"}, "--export takes jsonl or csv, not 'xml'"},
        {{"--articles", "oil"}, "--articles goes with --export"},
        {{"--expand", "--no-feedback", "oil"}, "--expand and --no-feedback contradict: give one"},
        {{"--explain", "--name", "Tony Blair"}, "--explain needs a QUERY"},
        {{"--color", "sometimes", "oil"}, "--color takes auto, always or never, not 'sometimes'"},
        {{"--connect-timeout", "0", "oil"},
         "--connect-timeout takes seconds from 0.001 to 600, not '0'"},
        {{"--connect-timeout", "2s", "oil"},
         "--connect-timeout takes seconds from 0.001 to 600, not '2s'"},
        {{"--limt", "5", "oil"}, "unknown option --limt; did you mean --limit?"},
    };
    for (const Row& r : search) {
        CAPTURE(r.args);
        const Refusal got = refusal(search_options, search_settings, r.args);
        CHECK(got.message == r.message);
        CHECK(got.usage);
    }
    const std::vector<Row> index = {
        {{}, "give at least one CORPUS folder or file (see `graf index --help`)"},
        {{"--shards", "65", "in"}, "--shards must be a whole number from 0 to 64, not '65'"},
        {{"--threads", "-2", "in"}, "--threads must be a whole number from 0 to 256, not '-2'"},
        {{"--commit-every", "0", "in"},
         "--commit-every must be a whole number from 1 to 100000, not '0'"},
        {{"--source", "a b", "in"},
         "--source must not contain spaces or ':' (it is written before the ':' of article ids)"},
        {{"--stdin-format", "xml", "-"}, "--stdin-format takes jsonl or csv, not 'xml'"},
        {{"--progress", "often", "in"}, "--progress takes auto, always or never, not 'often'"},
        {{"--prune", "in", "-"},
         "--prune cannot read - (standard input): a stream cut short looks complete, and "
         "pruning would delete what it did not reach; save the feed to a file and index that "
         "with --prune, or index - without --prune"},
    };
    for (const Row& r : index) {
        CAPTURE(r.args);
        const Refusal got = refusal(index_options, index_settings_of, r.args);
        CHECK(got.message == r.message);
        CHECK(got.usage);
    }
    struct Other {
        Refusal (*parse)(const Args&);
        Args args;
        std::string message;
    };
    auto quotes = [](const Args& a) { return refusal(quotes_options, quotes_settings, a); };
    auto timeline = [](const Args& a) { return refusal(timeline_options, timeline_settings, a); };
    auto facets = [](const Args& a) { return refusal(facets_options, facets_settings, a); };
    auto show = [](const Args& a) { return refusal(show_options, show_settings, a); };
    auto names = [](const Args& a) { return refusal(names_options, names_settings, a); };
    auto bench = [](const Args& a) { return refusal(bench_options, bench_settings, a); };
    auto eval = [](const Args& a) { return refusal(eval_options, eval_settings, a); };
    auto serve = [](const Args& a) { return refusal(serve_options, serve_settings, a); };
    auto shard = [](const Args& a) {
        return refusal(serve_shard_options, serve_shard_settings, a);
    };
    const std::vector<Other> others = {
        {quotes, {}, "give a query or --name (see `graf quotes --help`)"},
        {quotes,
         {"--limit", "0", "oil"},
         "--limit must be a whole number from 1 to 1000000, not '0'"},
        {timeline, {"oil"}, ""},
        {timeline, {}, "give a query or --name (see `graf timeline --help`)"},
        {timeline, {"--by", "hour", "oil"}, "--by takes day, week, month or year"},
        {timeline,
         {"--width", "0", "oil"},
         "--width must be a whole number from 1 to 10000, not '0'"},
        {facets, {"--name", "Tony Blair"}, ""},
        {facets, {}, "give a query or --name (see `graf facets --help`)"},
        {facets, {"--top", "101", "oil"}, "--top must be a whole number from 1 to 100, not '101'"},
        {show, {}, "give an article id, as graf search prints it (see `graf show --help`)"},
        {show,
         {"-p", "0", "bbc:1"},
         "--paragraph must be a whole number from 1 to 1000000, not '0'"},
        {names,
         {"--kind", "person,robot"},
         "--kind: 'robot' is not person, organisation, place, event, fragment, other or all"},
        {bench, {}, "--queries FILE is required (lines of `kind<TAB>query`)"},
        {bench,
         {"--queries", "q.tsv", "--runs", "0"},
         "--runs must be a whole number from 1 to 10000, not '0'"},
        {bench,
         {"--queries", "q.tsv", "--threads", "0"},
         "--threads must be a whole number from 1 to 256, not '0'"},
        {bench,
         {"--queries", "q.tsv", "--url", "http://127.0.0.1:1", "--k", "101"},
         "with --url, --k takes 1 to 100 (what /api/search's limit allows)"},
        {eval,
         {"--queries", "q.tsv"},
         "--queries FILE and --qrels FILE are required (see `graf eval --help`)"},
        {serve, {"--port", "70000"}, "--port must be a whole number from 0 to 65535, not '70000'"},
        {serve, {"--threads", "0"}, "--threads must be a whole number from 1 to 256, not '0'"},
        {shard, {}, "give --port P (1-65535)"},
        {shard, {"--port", "0"}, "--port must be a whole number from 1 to 65535, not '0'"},
    };
    for (const Other& o : others) {
        CAPTURE(o.args);
        const Refusal got = o.parse(o.args);
        CHECK(got.message == o.message);
        CHECK(got.usage == !o.message.empty());
    }
}

TEST_CASE("settings: the other commands' defaults") {
    DbVariable unset(nullptr);
    const IndexingSettings index = parse_settings(index_options, index_settings_of, {"in", "-"});
    CHECK(index.run.inputs == std::vector<fs::path>{"in", "-"});
    CHECK(index.run.threads == 0);
    CHECK(index.run.shards == 0);
    CHECK(index.run.commit_paragraphs == 5000);
    CHECK(index.run.read.stdin_format == graf::corpus::Format::JsonLines);
    CHECK_FALSE(index.run.prune);
    CHECK_FALSE(index.run.dry_run);
    CHECK(index.run.compact_new);
    CHECK(index.progress == When::Auto);
    CHECK_FALSE(index.quiet);

    // --k is read as -k (the benchmarks' spelling), = or not.
    for (const Args& args : std::vector<Args>{{"--queries", "q", "-k", "7"},
                                              {"--queries", "q", "--k", "7"},
                                              {"--queries", "q", "--k=7"}}) {
        CAPTURE(args);
        CHECK(parse_settings(bench_options, bench_settings, args).k == 7);
    }
    const BenchSettings bench = parse_settings(bench_options, bench_settings, {"--queries", "q"});
    CHECK(bench.method.runs == 5);
    CHECK(bench.method.seed == 42);
    CHECK(bench.method.threads == 1);
    CHECK(bench.k == 10);
    CHECK(bench.snippets);
    CHECK(bench.url.empty());

    const TimelineSettings t = parse_settings(timeline_options, timeline_settings, {"oil"});
    CHECK(t.by == graf::web::Granularity::kMonth);
    CHECK(t.width == 50);
    CHECK(t.counting.filters.query == "oil");
    CHECK(parse_settings(facets_options, facets_settings, {"oil"}).top == 10);

    const NamesSettings n = parse_settings(names_options, names_settings, {});
    CHECK(n.top == 20);
    CHECK(n.kinds == std::vector<graf::analysis::NameKind>{graf::analysis::NameKind::Person,
                                                           graf::analysis::NameKind::Organisation});
    const ServeSettings serve = parse_settings(serve_options, serve_settings, {});
    CHECK(serve.serve.host == "127.0.0.1");
    CHECK(serve.serve.port == 8080);
    CHECK(serve.serve.threads == 8);
    CHECK(serve.serve.db == serve.index.db);
    const ShowSettings show = parse_settings(show_options, show_settings, {"bbc:1", "-p", "3"});
    CHECK(show.article == "bbc:1");
    CHECK(show.paragraph == 3);
    const QuotesSettings quotes = parse_settings(quotes_options, quotes_settings, {"--name", "X"});
    CHECK(quotes.request.speaker == "X");
    CHECK(quotes.request.limit == 10);
    const EvalSettings eval =
        parse_settings(eval_options, eval_settings, {"--queries", "q", "--qrels", "r"});
    CHECK(eval.report.queries == "q");
    CHECK(eval.qrels == "r");
    CHECK(eval.report.run.empty());
    CHECK_FALSE(eval.name_queries);
    CHECK_FALSE(parse_settings(compact_options, compact_settings, {}).json);
}
