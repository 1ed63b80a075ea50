// The docid arithmetic and posting source that find an article's
// paragraphs without a term per article (searcher/docid_list.hpp).
#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "searcher/docid_list.hpp"

using namespace graf::searcher;
namespace fs = std::filesystem;

namespace {

// Shards in a fresh temporary folder, each written by `fill(shard, s)`, the
// database combining them and their UUIDs; the folder goes with it.
struct TempShards {
    fs::path dir;
    std::vector<Xapian::Database> shards;
    Xapian::Database both;
    std::vector<std::string> uuids;

    TempShards(const std::string& name, std::size_t count,
               const std::function<void(Xapian::WritableDatabase&, std::size_t)>& fill)
        : dir(fs::temp_directory_path() / (name + "-" + std::to_string(getpid()))) {
        fs::remove_all(dir);
        fs::create_directories(dir);
        for (std::size_t s = 0; s < count; ++s) {
            Xapian::WritableDatabase w((dir / std::to_string(s)).string(), Xapian::DB_CREATE);
            fill(w, s);
            w.commit();
            shards.emplace_back((dir / std::to_string(s)).string());
            both.add_database(shards.back());
        }
        uuids = local_shard_uuids(shards);
    }
    ~TempShards() { fs::remove_all(dir); }
    TempShards(const TempShards&) = delete;
    TempShards& operator=(const TempShards&) = delete;
};

// Fills shard s as the writer adds articles: for each article, its
// paragraphs (terms "all" and "pA.B": article A, paragraph B), then its
// article document (the marker term). `layout[s]`: paragraphs per article.
std::function<void(Xapian::WritableDatabase&, std::size_t)> articles_as_written(
    const std::vector<std::vector<unsigned>>& layout) {
    return [&layout](Xapian::WritableDatabase& w, std::size_t s) {
        for (std::size_t a = 0; a < layout[s].size(); ++a) {
            for (unsigned p = 0; p < layout[s][a]; ++p) {
                Xapian::Document d;
                d.add_term("all");
                d.add_term("p" + std::to_string(a) + "." + std::to_string(p));
                w.add_document(d);
            }
            Xapian::Document article;
            article.add_boolean_term("XKarticle");
            w.add_document(article);
        }
    };
}

}  // namespace

TEST_CASE("docid list: an article's paragraphs are the ids before its article document") {
    struct Row {
        Xapian::docid article_doc;
        unsigned paragraphs;
        std::size_t shards;
        std::vector<Xapian::docid> expected;
    };
    const std::vector<Row> rows = {
        {5, 4, 1, {1, 2, 3, 4}},
        {9, 2, 1, {7, 8}},
        {1, 0, 1, {}},
        // Two shards: shard 1's local ids 1..5 are 2, 4, 6, 8, 10.
        {10, 4, 2, {2, 4, 6, 8}},
        {9, 1, 2, {7}},  // shard 0, local 5
        // Three shards, shard 2, local 3: locals 1, 2.
        {9, 2, 3, {3, 6}},
        // More paragraphs claimed than ids exist stops at id 1.
        {3, 9, 1, {1, 2}},
    };
    for (const Row& r : rows) {
        CAPTURE(r.article_doc);
        CAPTURE(r.shards);
        const ShardDocid at = locate(r.article_doc, r.shards);
        std::vector<Xapian::docid> combined;
        for (Xapian::docid local : paragraph_ids(at, r.paragraphs))
            combined.push_back(combined_id({at.shard, local}, r.shards));
        CHECK(combined == r.expected);
    }
}

TEST_CASE("docid list: each shard of a combined database matches its own ids") {
    // Xapian runs the source per shard with the shard's local ids.
    const TempShards db("graf-docids", 2, [](Xapian::WritableDatabase& w, std::size_t) {
        for (int i = 0; i < 10; ++i) {
            Xapian::Document d;
            d.add_term(i % 2 ? "odd" : "even");  // local ids 1, 3, 5...: "even"
            w.add_document(d);
        }
    });
    const std::vector<std::string>& uuids = db.uuids;
    REQUIRE(uuids.size() == 2);
    struct Row {
        std::vector<Xapian::docid> shard0, shard1;  // local ids
        Xapian::Query with;
        std::vector<Xapian::docid> expected;  // combined ids
    };
    const std::vector<Row> rows = {
        {{1, 2}, {}, Xapian::Query::MatchAll, {1, 3}},
        {{}, {1, 10}, Xapian::Query::MatchAll, {2, 20}},
        {{1, 2, 3}, {1, 2, 3}, Xapian::Query("even"), {1, 2, 5, 6}},
        {{}, {}, Xapian::Query::MatchAll, {}},
    };
    for (const Row& r : rows) {
        Xapian::Enquire enquire(db.both);
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_FILTER, r.with,
                          docid_list_query({{uuids[0], r.shard0}, {uuids[1], r.shard1}})));
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        std::vector<Xapian::docid> got;
        const Xapian::MSet m = enquire.get_mset(0, 100);
        for (auto it = m.begin(); it != m.end(); ++it) got.push_back(*it);
        CHECK(got == r.expected);
    }
}

TEST_CASE("docid list: the article documents of matching paragraphs, shard by shard") {
    // Each shard holds articles as the writer adds them: paragraphs, then
    // the article document (marker term).
    // Per shard: paragraphs per article; a paragraph's term is "pA.B"
    // (article A, paragraph B) and "all".
    const std::vector<std::vector<unsigned>> layout = {{2, 1, 3}, {1, 2}};
    const TempShards db("graf-articles", layout.size(), articles_as_written(layout));
    const std::vector<std::string>& uuids = db.uuids;
    REQUIRE(uuids.size() == 2);
    // Shard 0 locals: paragraphs 1 2 | article 3 | 4 | article 5 | 6 7 8 | article 9.
    // Shard 1 locals: 1 | article 2 | 3 4 | article 5.
    struct Row {
        Xapian::Query paragraphs;
        std::vector<Xapian::docid> shard0, shard1;  // local ids of article documents
    };
    const std::vector<Row> rows = {
        {Xapian::Query("all"), {3, 5, 9}, {2, 5}},
        {Xapian::Query("p0.1"), {3}, {}},
        {Xapian::Query("p2.2"), {9}, {}},
        {Xapian::Query("p1.1"), {}, {5}},
        {Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("p0.0"), Xapian::Query("p0.1")),
         {3},
         {2}},
        {Xapian::Query("none"), {}, {}},
    };
    for (const Row& r : rows) {
        CAPTURE(r.paragraphs.get_description());
        const DocidsByShard got = article_documents_of(db.both, db.shards, uuids, r.paragraphs);
        const auto of = [&](std::size_t s) {
            auto it = got.find(uuids[s]);
            return it == got.end() ? std::vector<Xapian::docid>{} : it->second;
        };
        CHECK(of(0) == r.shard0);
        CHECK(of(1) == r.shard1);
        CHECK(size_of(got) == r.shard0.size() + r.shard1.size());
    }
}

TEST_CASE("docid list: every paragraph of the articles a query matches a paragraph of") {
    // As above: per shard, paragraphs per article; terms "all" and "pA.B".
    const std::vector<std::vector<unsigned>> layout = {{2, 1, 3}, {1, 2}};
    const TempShards db("graf-excluded", layout.size(), articles_as_written(layout));
    // Shard 0 locals: paragraphs 1 2 | article 3 | 4 | article 5 | 6 7 8 | article 9.
    // Shard 1 locals: 1 | article 2 | 3 4 | article 5.
    struct Row {
        Xapian::Query paragraphs;
        std::size_t limit;
        std::vector<Xapian::docid> shard0, shard1;  // local ids of the articles' paragraphs
        std::size_t articles;
    };
    const std::vector<Row> rows = {
        {Xapian::Query("all"), 10, {1, 2, 4, 6, 7, 8}, {1, 3, 4}, 5},
        // One matching paragraph brings its whole article.
        {Xapian::Query("p2.1"), 10, {6, 7, 8}, {}, 1},
        {Xapian::Query("p1.0"), 10, {4}, {3, 4}, 2},
        {Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("p0.1"), Xapian::Query("p2.0")),
         10,
         {1, 2, 6, 7, 8},
         {},
         2},
        {Xapian::Query("none"), 10, {}, {}, 0},
        // Counting stops one past the limit: the caller refuses the query.
        {Xapian::Query("all"), 1, {1, 2, 4}, {}, 2},
    };
    for (const Row& r : rows) {
        CAPTURE(r.paragraphs.get_description());
        CAPTURE(r.limit);
        const auto got =
            paragraphs_of_articles(db.both, db.shards, db.uuids, r.paragraphs, r.limit);
        REQUIRE(got.has_value());
        const auto of = [&](std::size_t s) {
            auto it = got->ids.find(db.uuids[s]);
            return it == got->ids.end() ? std::vector<Xapian::docid>{} : it->second;
        };
        CHECK(of(0) == r.shard0);
        CHECK(of(1) == r.shard1);
        CHECK(got->articles == r.articles);
    }
}

TEST_CASE("docid list: an index without article documents has no paragraphs by article") {
    const TempShards db("graf-no-articles", 1, [](Xapian::WritableDatabase& w, std::size_t) {
        Xapian::Document d;
        d.add_term("all");
        w.add_document(d);
    });
    CHECK_FALSE(
        paragraphs_of_articles(db.both, db.shards, db.uuids, Xapian::Query("all"), 10).has_value());
    // Nothing matched: nothing to exclude, whatever the index holds.
    const auto none =
        paragraphs_of_articles(db.both, db.shards, db.uuids, Xapian::Query("none"), 10);
    REQUIRE(none.has_value());
    CHECK(none->articles == 0);
}
