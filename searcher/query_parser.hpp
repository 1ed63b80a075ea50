#pragma once
// Lexemes → the QueryNode tree. Precedence, loosest first: OR, AND, NOT and
// NOTPARA, juxtaposition (a group), NEAR. In a group, plain words are free
// (the ranked OR group); +, phrases, fields, names, NEAR and ( ) are
// required; - excludes.
#include <string_view>
#include <vector>

#include "searcher/query_lexer.hpp"
#include "searcher/query_tree.hpp"

namespace graf::searcher {

/// Null when the query has no searchable word (punctuation only). Throws
/// QueryError for an empty query or misused operators.
NodePtr parse_tree(const LexedQuery& lexed);

/// name:"…" and --name: a Name node of the name key's words.
NodePtr name_node(std::string_view text);

}  // namespace graf::searcher
