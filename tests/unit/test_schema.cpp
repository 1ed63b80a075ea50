#include <doctest/doctest.h>

#include "schema/schema.hpp"

using namespace graf::schema;

TEST_CASE("schema: document data round-trips and survives newlines") {
    ParagraphData d{"politics/001",
                    "A title",
                    "2025-01-27",
                    "bbc",
                    "https://x.invalid/a",
                    3,
                    "Text with = signs\nand a newline"};
    ParagraphData back = decode(encode(d));
    CHECK(back.article == d.article);
    CHECK(back.title == d.title);
    CHECK(back.date == d.date);
    CHECK(back.source == d.source);
    CHECK(back.url == d.url);
    CHECK(back.paragraph == 3);
    CHECK(back.text == "Text with = signs and a newline");
}

TEST_CASE("schema: long article ids are hashed to fit Xapian's term limit") {
    std::string id(500, 'x');
    CHECK(article_term(id).size() < 245);
    CHECK(article_term(id) != article_term(id + "y"));
    CHECK(article_term("politics/001") == "XApolitics/001");
    CHECK(unique_term("politics/001", 2) == "Qpolitics/001#2");
    CHECK(date_value("2025-01-27") == "20250127");
}
