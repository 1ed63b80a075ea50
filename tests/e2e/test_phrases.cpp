// Phrases through `graf search` on an index of schema 12, which keeps no
// positions for stopwords and quotation words (searcher/phrase_check.hpp):
// a phrase with a stopword, or said:"…", is still exact.
#include <doctest/doctest.h>
#include <xapian.h>

#include <set>
#include <string>
#include <utility>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {

struct Phrases {
    TempDir tmp;
    std::filesystem::path db = tmp / "db";
    Phrases() {
        const std::filesystem::path in = tmp / "in";
        write_file(in / "england.txt",
                   "Rates rise\n\nThe Bank of England raised rates on Thursday.\n");
        // Every word of "bank of england", none side by side.
        write_file(in / "course.txt",
                   "Course notes\n\nA bank in England said it would, of course, lend more.\n");
        write_file(in / "hamlet.txt",
                   "Hamlet\n\nTo be or not to be is the question he asked.\n\n"
                   "Not to be, or to be: be to not or.\n");
        write_file(
            in / "quoted.txt",
            "Trader speaks\n\n\"The Bank of England is wrong,\" said John Smith, a trader.\n");
        // The words inside the quotation, the phrase outside it.
        write_file(in / "outside.txt",
                   "Doe speaks\n\n\"Rates are wrong for England, the bank and all of us,\" said "
                   "Jane Doe. The Bank of England disagreed.\n");
        REQUIRE(run_graf({"index", "--db", db.string(), "-q", in.string()}).exit_code == 0);
    }
    std::set<std::string> found(const std::string& query) { return paragraph_hits(db, query); }
};

using Set = std::set<std::string>;

}  // namespace

TEST_CASE("phrases: a stopword in a phrase holds its place exactly") {
    Phrases p;
    CHECK(p.found("\"bank of england\"") == Set{"england#1", "outside#1", "quoted#1"});
    CHECK(p.found("\"bank in england\"") == Set{"course#1"});
    CHECK(p.found("\"of england\"") == Set{"england#1", "outside#1", "quoted#1"});
    CHECK(p.found("\"to be or not to be\"") == Set{"hamlet#1"});
    CHECK(p.found("\"be to not\"") == Set{"hamlet#2"});
    CHECK(p.found("\"the bank of\"") == Set{"england#1", "outside#1", "quoted#1"});
    CHECK(p.found("\"bank of england\" NEAR/3 rates") == Set{"england#1"});
    CHECK(p.found("\"bank of england\" -trader") == Set{"england#1", "outside#1"});
    // The totals count only the paragraphs that have the phrase.
    json r = search_json(p.db, {"--paragraphs", "\"bank in england\""});
    CHECK(r["total_estimate"] == 1);
    CHECK(r["total_exact"] == true);
}

TEST_CASE("phrases: said:\"…\" is a phrase inside one quotation") {
    Phrases p;
    CHECK(p.found("said:\"bank of england\"") == Set{"quoted#1"});
    CHECK(p.found("said:\"the bank\"") == Set{"outside#1", "quoted#1"});
    CHECK(p.found("said:\"england is wrong\"") == Set{"quoted#1"});
    CHECK(p.found("said:\"wrong said\"").empty());
}

TEST_CASE("phrases: the index keeps positions for words, none for stopwords or quotations") {
    Phrases p;
    Xapian::Database db(p.db.string());
    std::size_t stopwords = 0, quote_words = 0;
    for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) {
        const Xapian::Document doc = db.get_document(id);
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            const std::string term = *t;
            if (term == "of" || term == "the" || term == "to") {
                ++stopwords;
                CHECK(t.positionlist_count() == 0);
            } else if (term.rfind("XQ", 0) == 0 && term.rfind("XQS", 0) != 0) {
                ++quote_words;
                CHECK(t.positionlist_count() == 0);
            } else if (term == "bank" || term == "england") {
                CHECK(t.positionlist_count() > 0);
            }
        }
    }
    CHECK(stopwords > 5);
    CHECK(quote_words > 5);
}
