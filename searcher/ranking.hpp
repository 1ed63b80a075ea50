#pragma once
// The tunable numbers of graf's ranking, in one place. The query compiler
// (searcher/query_compiler.cpp) reads the query-side ones; the Searcher
// owns the weighting scheme.
namespace graf::searcher {

struct RankingOptions {
    /// A free word matches the body OR the title; a title match weighs this
    /// much against a body match (OP_SCALE_WEIGHT on the `S` term). 0: titles
    /// are not searched by free words.
    double title_weight = 1.0;
    /// Free words are OR-ed; when this is > 0, a paragraph that has all of
    /// them gets this share of their weights again (OP_AND_MAYBE of the OR
    /// with the scaled AND), so the paragraphs with every word rank first.
    double coordination = 0.0;
};

}  // namespace graf::searcher
