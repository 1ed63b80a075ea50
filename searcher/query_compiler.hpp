#pragma once
// The QueryNode tree → one Xapian::Query. Each ranking rule of the query
// language lives in one function here: free_words() (the OR group and its
// coordination boost), body_word() (a free word matches the paragraph's own
// words), title() (the paragraphs of the articles so titled),
// exclude_articles() (NOT and -word leave out whole articles).
#include <xapian.h>

#include "analysis/stemmer.hpp"
#include "searcher/query_context.hpp"
#include "searcher/query_tree.hpp"

namespace graf::searcher {

class QueryCompiler {
  public:
    explicit QueryCompiler(QueryContext& context) : ctx_(context) {}
    Xapian::Query compile(const QueryNode& root);

  private:
    struct Compiled {
        Xapian::Query query;
        bool filter = false;  ///< source:, date:, article: restrict without scoring
    };
    Compiled node(const QueryNode& n);
    Compiled group(const QueryNode& g);
    Compiled all_of(const QueryNode& n);
    Xapian::Query any_of(const QueryNode& n);
    Xapian::Query free_words(const std::vector<const QueryNode*>& words);
    Xapian::Query body_word(const QueryNode& word);
    Xapian::Query exclude_articles(Xapian::Query positive, const Xapian::Query& excluded,
                                   const std::string& what);
    Xapian::Query word(const QueryNode& w, const std::string& prefix);
    Xapian::Query positional(const QueryNode& w);
    Xapian::Query near(const QueryNode& n);
    Xapian::Query title(const QueryNode& t);
    Xapian::Query phrase(const QueryNode& n, bool in_quotes);
    Xapian::Query filter(const QueryNode& f);
    static Xapian::Query standalone(const Compiled& c);
    std::vector<std::string> variants(const QueryNode& w);

    QueryContext& ctx_;
    analysis::Stemmer stemmer_;
};

/// The name's own terms: XN<key> (also surname-only mentions) OR all its
/// XP word pairs (full names the name finder did not tag).
Xapian::Query name_terms_query(const std::vector<std::string>& words);
/// A name's words as they are adjacent in the text: all its XP pairs.
Xapian::Query name_pairs_query(const std::vector<std::string>& words);
/// A name's words as its XN / AN term spells them: joined by one space.
std::string name_key_of(const std::vector<std::string>& words);

/// saidby:"Elon Musk", saidby:Musk, graf quotes --name: XQS<speaker key>
/// for each speaker (QueryContext::speakers_named), the quotations the quote
/// finder gave them.
Xapian::Query speakers_query(const std::vector<std::string>& speakers);

}  // namespace graf::searcher
