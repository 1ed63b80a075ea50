// Micro-benchmarks of the inner loops a search pays per hit and the indexer
// pays per paragraph: tokenizing (with folding), stemming, name finding,
// matching and snippet building. Input: the bundled sample corpus, or the
// files named in GRAF_MICRO_CORPUS (a few MB of real news makes steadier
// figures). Run with `make bench-micro`.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/names.hpp"
#include "analysis/stemmer.hpp"
#include "analysis/tokenizer.hpp"
#include "searcher/query.hpp"
#include "searcher/snippet.hpp"

namespace {

namespace fs = std::filesystem;
using namespace graf;

// Non-empty lines of the corpus files: paragraphs, roughly.
const std::vector<std::string>& paragraphs() {
    static const std::vector<std::string> all = [] {
        std::vector<std::string> out;
        const char* env = std::getenv("GRAF_MICRO_CORPUS");
        fs::path root = env ? env : GRAF_SAMPLE_CORPUS;
        std::vector<fs::path> files;
        if (fs::is_directory(root)) {
            for (const auto& e : fs::recursive_directory_iterator(root))
                if (e.is_regular_file() && e.path().extension() == ".txt")
                    files.push_back(e.path());
        } else {
            files.push_back(root);
        }
        for (const fs::path& f : files) {
            std::ifstream in(f);
            std::string line;
            while (std::getline(in, line))
                if (line.size() > 40) out.push_back(line);
        }
        return out;
    }();
    return all;
}

std::int64_t total_bytes() {
    std::int64_t n = 0;
    for (const std::string& p : paragraphs()) n += static_cast<std::int64_t>(p.size());
    return n;
}

void BM_Tokenize(benchmark::State& state) {
    std::vector<analysis::Token> tokens;
    for (auto _ : state)
        for (const std::string& p : paragraphs()) {
            analysis::tokenize(p, tokens);
            benchmark::DoNotOptimize(tokens.data());
        }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}
BENCHMARK(BM_Tokenize);

// Everything the indexer does to a paragraph before Xapian: tokens, stems of
// new words (cached by the stemmer) and names.
void BM_AnalyseParagraph(benchmark::State& state) {
    std::vector<analysis::Token> tokens;
    std::vector<analysis::NameMention> mentions;
    analysis::Stemmer stemmer;
    for (auto _ : state) {
        analysis::NameFinder names;
        for (const std::string& p : paragraphs()) {
            analysis::tokenize(p, tokens);
            for (const analysis::Token& t : tokens)
                if (analysis::is_stemmable(t.term))
                    benchmark::DoNotOptimize(stemmer(t.term).size());
            mentions.clear();
            names.find(tokens, mentions);
        }
    }
    state.SetBytesProcessed(state.iterations() * total_bytes());
}
BENCHMARK(BM_AnalyseParagraph);

// Per hit at search time: re-tokenize the paragraph, find the query's
// matches, cut the snippet. Reported per paragraph.
void BM_Snippet(benchmark::State& state) {
    searcher::ParsedQuery q = searcher::parse_query("said market \"interest rates\" Bannon");
    analysis::Stemmer stemmer;
    std::vector<analysis::Token> tokens;
    for (auto _ : state)
        for (const std::string& p : paragraphs()) {
            analysis::tokenize(p, tokens);
            searcher::Snippet s = searcher::make_snippet(
                p, tokens, searcher::find_matches(tokens, q.highlight, stemmer), 240);
            benchmark::DoNotOptimize(s.text.data());
        }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(paragraphs().size()));
    state.SetBytesProcessed(state.iterations() * total_bytes());
}
BENCHMARK(BM_Snippet);

}  // namespace

BENCHMARK_MAIN();
