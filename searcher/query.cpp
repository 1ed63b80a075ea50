// The query language's entry points: lex → parse (tree) → compile, and
// the highlights from the same tree.
#include "searcher/query.hpp"

#include "searcher/query_compiler.hpp"
#include "searcher/query_highlight.hpp"
#include "searcher/query_lexer.hpp"
#include "searcher/query_parser.hpp"

namespace graf::searcher {
namespace {

bool has_free_group(const QueryNode& n) {
    std::size_t free = 0;
    for (Sign s : n.signs) free += s == Sign::Free;
    if (free >= 2) return true;
    for (const auto& c : n.children)
        if (has_free_group(*c)) return true;
    return false;
}

}  // namespace

// A lone word, or a group of free words (no sign, wildcard, phrase, field).
std::vector<const QueryNode*> only_free_words(const QueryNode& root) {
    using Kind = QueryNode::Kind;
    if (root.kind == Kind::Word) {
        if (root.wildcard) return {};
        return {&root};
    }
    if (root.kind != Kind::Group) return {};
    std::vector<const QueryNode*> words;
    for (std::size_t i = 0; i < root.children.size(); ++i) {
        const QueryNode& c = *root.children[i];
        if (root.signs[i] != Sign::Free || c.kind != Kind::Word || c.wildcard) return {};
        words.push_back(&c);
    }
    return words;
}

ParsedQuery parse_query(std::string_view text, QueryContext& context) {
    ParsedQuery out;
    LexedQuery lexed = lex_query(text);
    out.notes = std::move(lexed.notes);
    NodePtr root = parse_tree(lexed);
    if (!root) {
        out.notes.push_back("no word to search for");
        return out;
    }
    out.query = QueryCompiler(context).compile(*root);
    analysis::Stemmer stemmer;
    add_highlights(*root, out.highlight, stemmer);
    out.words = spelling_words(*root, [&](const QueryNode& w) {
        return !w.exact && !context.stem_variants(stemmer(w.term)).empty();
    });
    out.natural_language = has_free_group(*root);
    out.free_words_only = !only_free_words(*root).empty();
    out.tree = std::move(root);
    return out;
}

ParsedQuery parse_query(std::string_view text, const StemVariants& variants) {
    FixedQueryContext context(variants);
    return parse_query(text, context);
}

std::string explain(const ParsedQuery& parsed) {
    std::string out = "tree:   " + (parsed.tree ? to_string(*parsed.tree) : "(nothing)") + "\n";
    for (const std::string& note : parsed.notes) out += "note:   " + note + "\n";
    out += "xapian: " + parsed.query.get_description() + "\n";
    return out;
}

Xapian::Query name_query(std::string_view name, HighlightSpec& highlight) {
    NodePtr n = name_node(name);
    analysis::Stemmer stemmer;
    add_highlights(*n, highlight, stemmer);
    return name_terms_query(n->terms);
}

}  // namespace graf::searcher
