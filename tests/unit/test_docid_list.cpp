// The docid arithmetic and posting source that find an article's
// paragraphs without a term per article (searcher/docid_list.hpp).
#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <vector>

#include "searcher/docid_list.hpp"

using namespace graf::searcher;
namespace fs = std::filesystem;

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
    const fs::path dir = fs::temp_directory_path() / ("graf-docids-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    Xapian::Database both;
    std::vector<Xapian::Database> shards;
    for (int s = 0; s < 2; ++s) {
        Xapian::WritableDatabase w((dir / std::to_string(s)).string(), Xapian::DB_CREATE);
        for (int i = 0; i < 10; ++i) {
            Xapian::Document d;
            d.add_term(i % 2 ? "odd" : "even");  // local ids 1, 3, 5...: "even"
            w.add_document(d);
        }
        w.commit();
        shards.emplace_back((dir / std::to_string(s)).string());
        both.add_database(shards.back());
    }
    const std::vector<std::string> uuids = local_shard_uuids(shards);
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
        Xapian::Enquire enquire(both);
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
    fs::remove_all(dir);
}

TEST_CASE("docid list: the article documents of matching paragraphs, shard by shard") {
    // Each shard holds articles as the writer adds them: paragraphs, then
    // the article document (marker term).
    const fs::path dir = fs::temp_directory_path() / ("graf-articles-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    // Per shard: paragraphs per article; a paragraph's term is "pA.B"
    // (article A, paragraph B) and "all".
    const std::vector<std::vector<unsigned>> layout = {{2, 1, 3}, {1, 2}};
    Xapian::Database both;
    std::vector<Xapian::Database> shards;
    for (std::size_t s = 0; s < layout.size(); ++s) {
        Xapian::WritableDatabase w((dir / std::to_string(s)).string(), Xapian::DB_CREATE);
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
        w.commit();
        shards.emplace_back((dir / std::to_string(s)).string());
        both.add_database(shards.back());
    }
    const std::vector<std::string> uuids = local_shard_uuids(shards);
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
        const DocidsByShard got = article_documents_of(both, shards, uuids, r.paragraphs);
        const auto of = [&](std::size_t s) {
            auto it = got.find(uuids[s]);
            return it == got.end() ? std::vector<Xapian::docid>{} : it->second;
        };
        CHECK(of(0) == r.shard0);
        CHECK(of(1) == r.shard1);
        CHECK(size_of(got) == r.shard0.size() + r.shard1.size());
    }
    fs::remove_all(dir);
}
