// Paragraph records compressed with a dictionary of the index's own
// (schema/record_codec.hpp).
#include <doctest/doctest.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

#include "schema/record_codec.hpp"
#include "schema/schema.hpp"

using namespace graf::schema;
namespace fs = std::filesystem;

namespace {

// Records like an index's first ones: the same source and id head, dates
// of one month, sentences built from a few dozen words.
std::vector<std::string> sample_records(std::size_t n, const std::string& topic) {
    const char* words[] = {"minister", "said",   "prices",  "rose",   "the",    "bank",
                           "of",       "trade",  "deficit", "market", "shares", "fell",
                           "company",  "profit", "quarter", "oil",    "output", "year"};
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) {
        std::string text = "The " + topic;
        for (std::size_t w = 0; w < 25; ++w) text += ' ' + std::string(words[(i * 7 + w * w) % 18]);
        out.push_back(encode({std::to_string(i / 4), topic + " report " + std::to_string(i / 4),
                              "1987-03-" + std::to_string(10 + i % 20), "reuters", "",
                              static_cast<unsigned>(i % 4 + 1), text,
                              "reuters21578:" + std::to_string(i / 4), ""}));
    }
    return out;
}

}  // namespace

TEST_CASE("record codec: records compressed with a trained dictionary read back exactly") {
    const std::vector<std::string> records = sample_records(600, "cocoa");
    const auto compressor = RecordCompressor::train(records);
    REQUIRE(compressor);
    CHECK(compressor->id().size() == 8);
    CHECK(record_dictionary_key(compressor->id()) == "graf:record-dict:" + compressor->id());
    std::size_t plain = 0, packed = 0;
    for (const std::string& r : records) {
        const std::string stored = compressor->compress(r);
        CHECK(stored[0] == kPackedRecordMarker);
        CHECK(expand_record(stored) == r);
        plain += r.size();
        packed += stored.size();
    }
    CHECK(packed * 3 < plain);  // what the dictionary is for
    // A record unlike the samples still reads back.
    const std::string odd = encode({"x", "Ünïcödé “quotes”", "", "", "", 1, "zzz", "s:x", ""});
    CHECK(expand_record(compressor->compress(odd)) == odd);
    // The same dictionary read back from metadata is the same compressor.
    const RecordCompressor again(compressor->dictionary());
    CHECK(again.id() == compressor->id());
}

TEST_CASE("record codec: too little text trains no dictionary") {
    CHECK_FALSE(RecordCompressor::train({}));
    CHECK_FALSE(RecordCompressor::train(sample_records(20, "cocoa")));  // ~4 KB
}

TEST_CASE("record codec: records stored without a dictionary") {
    struct Case {
        std::string record, stored;
    };
    const std::string nul(1, '\0');
    const std::vector<Case> cases = {
        {"17\nTitle\n\nreuters\n\n1\ntext\n", "17\nTitle\n\nreuters\n\n1\ntext\n"},  // schema 10
        {"", ""},
        // An id that starts with the marker byte: wrapped, dictionary id 0.
        {nul + "id\n", nul + nul + nul + nul + nul + nul + "id\n"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.record);
        CHECK(plain_stored_record(c.record) == c.stored);
        CHECK(expand_record(c.stored) == c.record);
    }
}

TEST_CASE("record codec: a record whose dictionary the index lacks is a corrupt index") {
    const std::string nul(1, '\0');
    CHECK_THROWS_AS(expand_record(nul + "\x7f\x01\x02\x03" + "frame"),
                    Xapian::DatabaseCorruptError);
    CHECK_THROWS_AS(expand_record(nul + "\x01"), Xapian::DatabaseCorruptError);  // cut short
}

TEST_CASE("record codec: read_record reads packed, plain and schema 4 records") {
    const auto compressor = RecordCompressor::train(sample_records(600, "sugar"));
    REQUIRE(compressor);
    const ParagraphData d{"9", "Sugar",       "1987-04-01",     "reuters", "",
                          2,   "Sugar rose.", "reuters21578:9", ""};
    Xapian::Document packed, plain, legacy;
    packed.add_value(kRecordSlot, compressor->compress(encode(d)));
    plain.add_value(kRecordSlot, encode(d));
    legacy.set_data("article=9\ntitle=Sugar\nparagraph=2\ntext=Sugar rose.\n");
    for (const Xapian::Document* doc : {&packed, &plain}) {
        const ParagraphData back = read_record(*doc);
        CHECK(back.title == "Sugar");
        CHECK(back.id == "reuters21578:9");
        CHECK(back.paragraph == 2);
        CHECK(back.text == "Sugar rose.");
    }
    const ParagraphData old = read_record(legacy);
    CHECK(old.title == "Sugar");
    CHECK(old.text == "Sugar rose.");
}

TEST_CASE("record codec: learning a database's dictionaries skips keys that name none") {
    // (A dictionary only an index's metadata knows is read by another
    // process: tests/e2e/test_records.cpp, indexes built apart.)
    const auto compressor = RecordCompressor::train(sample_records(600, "coffee"));
    REQUIRE(compressor);
    // (The in-memory backend lists no metadata keys: a glass database.)
    const fs::path dir = fs::temp_directory_path() / ("graf-records-" + std::to_string(getpid()));
    fs::remove_all(dir);
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE);
    db.set_metadata(record_dictionary_key(compressor->id()), compressor->dictionary());
    db.set_metadata(record_dictionary_key("nothex!!"), "ignored");
    db.commit();
    CHECK_NOTHROW(learn_record_dictionaries(db));
    db.close();
    fs::remove_all(dir);
    CHECK(expand_record(compressor->compress("x\n")) == "x\n");
}
