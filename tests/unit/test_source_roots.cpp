// What a source name stands for, and which inputs a run refuses.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "corpus/corpus_reader.hpp"
#include "indexer/source_roots.hpp"

using namespace graf;
namespace fs = std::filesystem;

namespace {

// /tmp/graf-roots-PID with a/news/, b/news/, bbc/politics/, feeds/x/feed.jsonl,
// feeds/y/feed.jsonl and notes/a.txt.
struct Tree {
    fs::path dir = fs::temp_directory_path() / ("graf-roots-" + std::to_string(::getpid()));
    Tree() {
        for (const char* d : {"a/news", "b/news", "bbc/politics", "feeds/x", "feeds/y", "notes"})
            fs::create_directories(dir / d);
        for (const char* f : {"feeds/x/feed.jsonl", "feeds/y/feed.jsonl", "notes/a.txt"})
            std::ofstream(dir / f) << "x\n";
    }
    ~Tree() { fs::remove_all(dir); }
    std::string operator()(const std::string& rel) const { return (dir / rel).string(); }
};

}  // namespace

TEST_CASE("source roots: the path a source name stands for") {
    Tree t;
    CHECK(corpus::source_root(t("a/news")) == t("a/news"));
    CHECK(corpus::source_root(t("a/news") + "/") == t("a/news"));
    CHECK(corpus::source_root(t("a/news/../news")) == t("a/news"));
    CHECK(corpus::source_root(t("notes/a.txt")) == t("notes"));  // its folder, as its name
    CHECK(corpus::source_root(t("feeds/x/feed.jsonl")) == t("feeds/x/feed.jsonl"));
    CHECK(corpus::source_root("-").empty());
}

TEST_CASE("source roots: what a run refuses, warns about and records") {
    Tree t;
    struct Case {
        indexer::SourceRoots known;
        std::vector<fs::path> inputs;
        std::string source;   // --source, or empty
        std::string refusal;  // part of the message, or empty: accepted
        std::size_t notes = 0;
    };
    const Case cases[] = {
        // A new index, the same folder again, a file of a known folder.
        {{}, {t("a/news")}, "", "", 0},
        {{{"news", {t("a/news")}}}, {t("a/news") + "/"}, "", "", 0},
        {{{"notes", {t("notes")}}}, {t("notes/a.txt")}, "", "", 0},
        // Another folder or feed of the same name.
        {{{"news", {t("a/news")}}}, {t("b/news")}, "", "the source name 'news' already stands for"},
        {{{"feed", {t("feeds/x/feed.jsonl")}}},
         {t("feeds/y/feed.jsonl")},
         "",
         "the source name 'feed' already stands for"},
        {{}, {t("a/news"), t("b/news")}, "", "both have the source name 'news'"},
        // --source says which source it is.
        {{{"news", {t("a/news")}}}, {t("b/news")}, "news", "", 0},
        {{}, {t("a/news"), t("b/news")}, "archive", "", 0},
        // Inside an indexed folder; holding one.
        {{{"bbc", {t("bbc")}}}, {t("bbc/politics")}, "", "is inside " + t("bbc")},
        {{{"bbc", {t("bbc")}}}, {t("bbc/politics")}, "politics", "", 0},
        {{{"politics", {t("bbc/politics")}}}, {t("bbc")}, "", "", 1},
        // A sibling whose name starts alike is not inside.
        {{{"new", {t("a/new")}}}, {t("a/news")}, "", "", 0},
        // Standard input has no path.
        {{{"stdin", {t("a/news")}}}, {"-"}, "", "", 0},
    };
    for (const Case& c : cases) {
        CAPTURE(c.inputs.front().string());
        CAPTURE(c.source);
        if (!c.refusal.empty()) {
            CHECK_THROWS_WITH_AS(indexer::plan_sources(c.known, c.inputs, c.source),
                                 doctest::Contains(c.refusal.c_str()), corpus::CorpusError);
            continue;
        }
        indexer::SourcePlan plan = indexer::plan_sources(c.known, c.inputs, c.source);
        CHECK(plan.notes.size() == c.notes);
    }
    // What is recorded: the index's paths of each name read, and this run's.
    indexer::SourcePlan plan = indexer::plan_sources(
        {{"news", {t("a/news")}}, {"other", {t("notes")}}}, {t("b/news")}, "news");
    CHECK(plan.record == indexer::SourceRoots{{"news", {t("a/news"), t("b/news")}}});
    std::set<std::string> roots;
    indexer::split_roots(indexer::join_roots({t("a/news"), t("b/news")}), roots);
    CHECK(roots == std::set<std::string>{t("a/news"), t("b/news")});
}
