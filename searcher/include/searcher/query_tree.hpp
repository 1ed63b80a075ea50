#pragma once
// The parsed query: a small tree that the compiler turns into a
// Xapian::Query and from which the highlight terms are derived, so what is
// matched and what is highlighted come from one structure.
#include <memory>
#include <string>
#include <vector>

namespace graf::searcher {

struct QueryNode;
using NodePtr = std::unique_ptr<QueryNode>;

/// How a word was written: decides exact (a name) or stemmed.
enum class WordCase { Lower, Capitalised, AllCaps };

/// The role of an item in a group of juxtaposed items.
enum class Sign {
    Free,      ///< a plain word: ranks (the OR group)
    Required,  ///< +word, a phrase, a field, a name, NEAR, ( ): must match
    Excluded,  ///< -item: the article must not mention it
};

struct QueryNode {
    enum class Kind {
        Word,     ///< one analysed term
        Phrase,   ///< consecutive terms (a quoted phrase, or a required split word)
        Name,     ///< name:"Steve Bannon"
        Title,    ///< title:word, title:"words": one child, a Word or a Phrase
        Filter,   ///< source:, article:, date: (restricts, does not score)
        Group,    ///< juxtaposed items, each with its Sign
        And,      ///< a AND b AND c
        Or,       ///< a OR b
        Not,      ///< a NOT b: articles that do not mention b
        NotPara,  ///< a NOTPARA b: paragraphs without b
        Near,     ///< a NEAR/n b …
        Said,     ///< said:word, said:"words": inside a quotation; one child, a Word or a Phrase
        SaidBy,   ///< saidby:"Elon Musk": a quotation of that speaker (terms: the name key's words)
    };
    Kind kind;

    // Word
    std::string term;   ///< folded, as indexed
    std::string typed;  ///< as the user wrote it (a split word's parts: the part)
    WordCase word_case = WordCase::Lower;
    bool exact = false;     ///< matched as written (a name, a number), not by stem
    bool wildcard = false;  ///< elect*: every term starting with `term`
    bool stopword = false;
    bool split = false;     ///< a part (or the glued alias) of a split word: alt-right
    unsigned position = 0;  ///< which word of the query, from 0

    // Phrase (terms; `alias` is the glued form of a split word, or empty),
    // Name (terms = the name key's words)
    std::vector<std::string> terms;
    std::string alias;

    // Filter: field is source, article or date; value is the folded source,
    // the article id, or "LO..HI" (YYYYMMDD, either may be empty)
    std::string field, value;

    // Group: one sign per child. Near: the window in words.
    std::vector<Sign> signs;
    unsigned window = 0;

    std::vector<NodePtr> children;

    explicit QueryNode(Kind k) : kind(k) {}
};

/// One line, S-expression style, for --explain and tests:
///   (group bannon= authorities~ +"good authority" -musk~)
///   word~ stemmed, word= exact, word* wildcard, "a b" phrase ("a b"|ab with
///   its glued alias), name:"…", title:(…), said:(…), saidby:"…", source:x, date:LO..HI,
///   (AND …) (OR …) (NOT a b) (NOTPARA a b) (NEAR/10 …)
std::string to_string(const QueryNode& node);

}  // namespace graf::searcher
