#pragma once
// The tunable numbers of graf's ranking, in one place. The query compiler
// (searcher/query_compiler.cpp) reads the query-side ones; the Searcher
// owns the weighting scheme.
namespace graf::searcher {

struct RankingOptions {
    /// Free words are OR-ed; when this is > 0, a paragraph that has all of
    /// them gets this share of their weights again (OP_AND_MAYBE of the OR
    /// with the scaled AND), so the paragraphs with every word rank first.
    /// 0: measured neutral on `make eval` (0.3: every collection within
    /// +-0.005 MAP) and it costs an AND per query; free-word-only queries are
    /// ranked by article documents anyway.
    double coordination = 0.0;
};

}  // namespace graf::searcher
