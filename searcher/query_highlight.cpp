#include "searcher/query_highlight.hpp"

namespace graf::searcher {
namespace {

using Kind = QueryNode::Kind;

// Calls `f` on every node that matches paragraph text positively.
template <typename F>
void for_each_positive(const QueryNode& n, const F& f) {
    switch (n.kind) {
        case Kind::Title:
        case Kind::Filter:
            return;
        case Kind::Not:
        case Kind::NotPara:
            return for_each_positive(*n.children[0], f);
        case Kind::Group:
            for (std::size_t i = 0; i < n.children.size(); ++i)
                if (n.signs[i] != Sign::Excluded) for_each_positive(*n.children[i], f);
            return;
        case Kind::Said:
            return for_each_positive(*n.children[0], f);
        case Kind::And:
        case Kind::Or:
        case Kind::Near:
            for (const auto& c : n.children) for_each_positive(*c, f);
            return;
        default:
            f(n);
    }
}

}  // namespace

void add_highlights(const QueryNode& root, HighlightSpec& spec, analysis::Stemmer& stemmer) {
    for_each_positive(root, [&](const QueryNode& n) {
        if (n.kind == Kind::Word) {
            if (n.wildcard)
                spec.prefixes.push_back(n.term);
            else if (n.exact)
                spec.exact.insert(n.term);
            else
                spec.stems.insert(stemmer(n.term));
        } else if (n.kind == Kind::Phrase) {
            spec.phrases.push_back(n.terms);
        } else if (n.kind == Kind::Name || n.kind == Kind::SaidBy) {
            if (n.terms.size() == 1)
                spec.exact.insert(n.terms[0]);
            else
                spec.names.push_back(n.terms);
        }
    });
}

std::vector<std::pair<std::string, std::string>> spelling_words(
    const QueryNode& root, const std::function<bool(const QueryNode&)>& known) {
    std::vector<std::pair<std::string, std::string>> words;
    for_each_positive(root, [&](const QueryNode& n) {
        if (n.kind == Kind::Word && !n.wildcard && !n.split && !known(n))
            words.emplace_back(n.typed, n.term);
    });
    return words;
}

}  // namespace graf::searcher
