// Searcher on a small index built in-process with the indexer's analyzer:
// operators, totals, collapse counts and suggestions, without a child
// process per case (the e2e suite runs the binary for what users do).
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <set>

#include "indexer/article_analyzer.hpp"
#include "indexer/article_norms.hpp"
#include "schema/schema.hpp"
#include "searcher/query.hpp"
#include "searcher/searcher.hpp"

namespace fs = std::filesystem;
using namespace graf;

namespace {

corpus::Article article(std::string id, std::string title, std::string date, std::string source,
                        std::vector<std::string> paragraphs) {
    corpus::Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.date = std::move(date);
    a.source = std::move(source);
    a.paragraphs = std::move(paragraphs);
    return a;
}

// Written like `graf index` writes it: the analyzer's documents (article
// documents length-normalised), the stem variant lists, the schema version.
class TempIndex {
  public:
    TempIndex() {
        static std::atomic<int> n{0};
        dir_ = fs::temp_directory_path() /
               ("graf-searcher-" + std::to_string(getpid()) + "-" + std::to_string(n++));
        fs::remove_all(dir_);
        add(articles());
    }
    ~TempIndex() { fs::remove_all(dir_); }
    const fs::path& path() const { return dir_; }

    /// Adds and commits `more` (new articles, new variants).
    void add(const std::vector<corpus::Article>& more) {
        Xapian::WritableDatabase db(dir_.string(), Xapian::DB_CREATE_OR_OPEN);
        indexer::ArticleAnalyzer analyzer;
        // The mean article length is measured on the first articles, as the
        // writer set does (indexer/article_norms.hpp).
        schema::ArticleLengths sample =
            schema::parse_article_lengths(db.get_metadata(std::string(schema::kArticleLengthsKey)));
        std::vector<indexer::AnalyzedArticle> analyzed;
        for (const corpus::Article& a : more) {
            indexer::ArticleChange change;
            change.key = schema::article_key(schema::full_id(a.source_name, a.id));
            analyzed.push_back(analyzer.analyze(a, change));
            sample.articles += 1;
            sample.words += indexer::article_length(analyzed.back().article);
        }
        std::map<std::string, std::string> variants;
        for (indexer::AnalyzedArticle& one : analyzed) {
            for (Xapian::Document& doc : one.paragraphs) db.add_document(doc);
            db.add_document(indexer::normalised_article(one.article, sample.mean()));
            for (const auto& [stem, word] : one.new_variants)
                schema::add_variant(variants[stem], word);
        }
        for (auto& [stem, list] : variants) {
            std::string known = db.get_metadata(schema::stem_key(stem));
            schema::for_each_variant(list,
                                     [&](std::string_view w) { schema::add_variant(known, w); });
            db.set_metadata(schema::stem_key(stem), known);
        }
        db.set_metadata(std::string(schema::kVersionKey), std::string(schema::kVersion));
        db.set_metadata(std::string(schema::kArticleLengthsKey),
                        schema::format_article_lengths(sample));
        db.commit();
    }

  private:
    static std::vector<corpus::Article> articles() {
        return {
            article("politics/001", "Oil prices climb", "2025-01-10", "Reuters",
                    {"Crude oil prices rose on Monday as OPEC met in Vienna.",
                     "Analysts said the rally in prices may not last.",
                     "Tony Blair commented on the Iraq situation."}),
            article("politics/002", "Blair visits Baghdad", "2025-02-03", "BBC",
                    {"Tony Blair arrived in Baghdad on Tuesday.",
                     "Blair said Iraq needed more support.", "The visit was brief."}),
            article("business/003", "", "2025-02-20", "Reuters",
                    {"Gold and oil markets were quiet.",
                     "Traders expect the authorities to act on inflation."}),
        };
    }
    fs::path dir_;
};

struct Searched {
    std::vector<std::string> hits;  ///< article, or article#paragraph with --paragraphs
    searcher::SearchResult result;
};

Searched search(const TempIndex& index, const std::string& query, bool paragraphs = false) {
    searcher::Searcher s(index.path());
    searcher::SearchRequest req;
    req.query = query;
    req.paragraphs = paragraphs;
    req.limit = 50;
    Searched out{{}, s.search(req)};
    for (const searcher::Hit& h : out.result.hits)
        out.hits.push_back(paragraphs ? h.article + "#" + std::to_string(h.paragraph) : h.article);
    return out;
}

std::set<std::string> found(const TempIndex& index, const std::string& query,
                            bool paragraphs = false) {
    std::vector<std::string> hits = search(index, query, paragraphs).hits;
    return {hits.begin(), hits.end()};
}

}  // namespace

TEST_CASE("searcher: operators on an in-process index") {
    TempIndex index;
    using Set = std::set<std::string>;
    struct Case {
        const char* query;
        bool paragraphs;
        Set hits;
    };
    const Case cases[] = {
        {"oil", false, Set{"politics/001", "business/003"}},
        {"baghdad visit", false, Set{"politics/002"}},
        {"gold Vienna", false, Set{"politics/001", "business/003"}},  // free words: any
        {"+gold Vienna", false, Set{"business/003"}},
        {"oil -Iraq", false, Set{"business/003"}},  // politics/001 mentions Iraq
        {"Blair NOT Iraq", false, Set{}},           // both Blair articles mention it
        // Per paragraph: politics/002 ¶1 names Blair without Iraq (¶3 only
        // by the title, which is the article's alone since schema 12).
        {"Blair NOTPARA Iraq", true, Set{"politics/002#1"}},
        {"\"Tony Blair\" NEAR/5 Iraq", true, Set{"politics/001#3"}},
        // name: NEAR counts from the surname, also a surname-only mention.
        {"name:\"Tony Blair\" NEAR/3 Iraq", true, Set{"politics/002#2"}},
        {"name:\"Tony Blair\" NEAR/5 Iraq", true, Set{"politics/001#3", "politics/002#2"}},
        {"authority", true, Set{"business/003#2"}},  // stem variants: authorities
        {"source:bbc", false, Set{"politics/002"}},
        {"date:2025-02 oil", false, Set{"business/003"}},
        {"title:oil", true, Set{"politics/001#1", "politics/001#2", "politics/001#3"}},
        {"Blair", false, Set{"politics/001", "politics/002"}},
    };
    for (const Case& c : cases) {
        CAPTURE(std::string(c.query));
        std::set<std::string> got = found(index, c.query, c.paragraphs);
        std::string shown;
        for (const std::string& h : got) shown += h + " ";
        CAPTURE(shown);
        CHECK(got == c.hits);
    }
}

TEST_CASE("searcher: ranking, totals and collapse counts") {
    TempIndex index;
    Searched oil = search(index, "oil prices");
    // politics/001 has both words, in its title and its paragraphs.
    REQUIRE(oil.hits == std::vector<std::string>{"politics/001", "business/003"});
    CHECK(oil.result.total_estimate == 2);
    CHECK(oil.result.total_exact);
    CHECK(oil.result.natural_language);
    // Ranked by article documents: the paragraphs that count are those whose
    // own text has a word (politics/001 #1 and #2); the title ranks the article.
    CHECK(oil.result.hits[0].matching_paragraphs == 2);
    CHECK(oil.result.hits[1].matching_paragraphs == 1);
    // --paragraphs: the paragraphs with a word of their own (politics/001 ¶3
    // only has them in its article's title).
    Searched paragraphs = search(index, "oil prices", true);
    CHECK(paragraphs.result.total_estimate == 3);
    CHECK(paragraphs.hits.front() == "politics/001#1");  // oil and prices
}

// Schema 10 writes the length normalisation into the article documents'
// wdf and ranks with b = 0: a word once in a short article outranks it once
// in a long one. The long one comes first by id, so a tie (wdf not
// normalised, or normalised twice into equality) fails.
TEST_CASE("searcher: article lengths are normalised in the wdf") {
    TempIndex index;
    std::vector<std::string> long_text;
    for (int i = 0; i < 12; ++i)
        long_text.push_back("Farmers reported steady harvests in every region this year.");
    long_text.push_back("A late frost hit the saffron fields.");
    index.add(
        {article("world/010", "", "2025-03-01", "BBC", long_text),
         article("world/011", "", "2025-03-02", "BBC", {"Saffron growers counted their losses."})});
    CHECK(search(index, "saffron").hits == std::vector<std::string>{"world/011", "world/010"});
}

TEST_CASE("searcher: suggestions for words the index does not know") {
    TempIndex index;
    Searched typo = search(index, "Bagdad");
    CHECK(typo.hits.empty());
    REQUIRE(typo.result.suggestion);
    CHECK(*typo.result.suggestion == "Baghdad");
    CHECK_FALSE(search(index, "Baghdad").result.suggestion);
    // An inflected form of an indexed word finds its variants: no suggestion.
    Searched inflected = search(index, "authorized");
    CHECK(inflected.hits == std::vector<std::string>{"business/003"});
    CHECK_FALSE(inflected.result.suggestion);
    Searched lower = search(index, "crued oil");
    REQUIRE(lower.result.suggestion);
    CHECK(*lower.result.suggestion == "crude oil");
}

// A Searcher answers from the revision it holds, with what it read from it
// (stem variants, the article count); refresh() takes the newest and reads
// them again: a word added since is found by its other forms too.
TEST_CASE("searcher: refresh takes new articles and their word forms") {
    TempIndex index;
    searcher::Searcher s(index.path());
    searcher::SearchRequest req;
    req.query = "puffin";
    CHECK(s.search(req).hits.empty());
    index.add({article("nature/004", "", "2025-03-01", "BBC", {"Puffins nest on the cliffs."})});
    CHECK(s.search(req).hits.empty());  // still the revision it opened
    s.refresh();
    const searcher::SearchResult r = s.search(req);
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].article == "nature/004");
}

// Name pairs of a paragraph written without capitals are found by lookup but
// count nothing towards its length (the article ranking normalises lengths by
// the database's mean, which they nearly doubled in all-lower-case archives);
// pairs of capitalised words keep their mentions as wdf.
TEST_CASE("analyzer: caseless name pairs have wdf 0, capitalised ones count") {
    struct Row {
        const char* paragraph;
        Xapian::termcount wdf;  ///< of XPmancera aguayo
    };
    const Row rows[] = {
        {"central bank head miguel mancera aguayo held private talks here yesterday.", 0},
        {"Central bank head Miguel Mancera Aguayo held private talks here yesterday.", 1},
    };
    indexer::ArticleAnalyzer analyzer;
    for (const Row& row : rows) {
        CAPTURE(row.paragraph);
        indexer::ArticleChange change;
        change.key = "x";
        indexer::AnalyzedArticle a =
            analyzer.analyze(article("x/1", "", "", "", {row.paragraph}), change);
        const Xapian::Document& p = a.paragraphs.at(0);
        auto pair = p.termlist_begin();
        pair.skip_to("XPmancera aguayo");
        REQUIRE(pair != p.termlist_end());
        REQUIRE(*pair == "XPmancera aguayo");
        CHECK(pair.get_wdf() == row.wdf);
    }
}

TEST_CASE("analyzer: a paragraph's date is a value alone") {
    indexer::ArticleAnalyzer analyzer;
    indexer::ArticleChange change;
    change.key = "x";
    indexer::AnalyzedArticle a = analyzer.analyze(
        article("x/1", "Oil prices climb", "2025-01-10", "Reuters", {"Oil prices rose."}), change);
    const Xapian::Document& p = a.paragraphs.at(0);
    CHECK(p.get_value(graf::schema::kDateSlot) == "20250110");
    // No D<date> term (schema 9 and older wrote one that nothing read).
    auto t = p.termlist_begin();
    t.skip_to("D");
    CHECK((t == p.termlist_end() || (*t)[0] != 'D'));
}
