#pragma once
// The query's characters → lexemes. Syntax is read only where the user wrote
// syntax: AND OR NOT NOTPARA NEAR in capitals (not in a query written all in
// capitals), +/- at the start of a word, balanced ( ) and quotes, field:.
// Anything else — an unbalanced bracket, an unclosed quote, a pasted
// question — is text; the lexer notes what it read as text for --explain.
#include <string>
#include <string_view>
#include <vector>

namespace graf::searcher {

inline constexpr unsigned kDefaultNear = 10;

enum class Lex {
    Word,
    Phrase,
    Field,
    LParen,
    RParen,
    And,
    Or,
    Not,
    NotPara,
    Near,
    Plus,
    Minus,
    End
};

struct Lexeme {
    Lex kind;
    std::string text;     ///< Word: the chunk; Phrase: inside the quotes; Field: the operand
    std::string field;    ///< Field: title, name, source, date, article (folded)
    bool quoted = false;  ///< Field: the operand was a "quoted phrase"
    unsigned near = kDefaultNear;  ///< Near: the window
};

struct LexedQuery {
    std::vector<Lexeme> lexemes;     ///< ends with Lex::End
    std::vector<std::string> notes;  ///< what was read as text, and why
    bool prose = false;              ///< a pasted question or sentence: every chunk is a word
    bool shouting = false;           ///< all letters upper case: AND/OR/NOT/NEAR are words
};

/// Throws QueryError only for syntax the user clearly wrote and got wrong
/// (NEAR/x, a field with nothing after its colon, an unknown field) and for
/// a query of operators alone (AND OR NOT).
LexedQuery lex_query(std::string_view text);

/// A query that reads as prose: it has a question mark, or a sentence ends
/// in it (. or ! after two letters, then a space or the end).
bool is_prose(std::string_view text);

}  // namespace graf::searcher
