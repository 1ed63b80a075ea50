#include <doctest/doctest.h>

#include <optional>

#include "corpus/blocks.hpp"
#include "corpus/json_article.hpp"
#include "corpus/text_article.hpp"
#include "corpus/text_decoding.hpp"

using namespace graf::corpus;
using namespace std::string_literals;

TEST_CASE("text articles: title, date header and paragraphs") {
    struct Case {
        const char* text;
        const char* title;
        const char* date;
        std::vector<std::string> paragraphs;
    };
    const Case cases[] = {
        {"Title line\n\nFirst para\ncontinues.\n\nSecond.\n",
         "Title line",
         "",
         {"First para continues.", "Second."}},
        {" date 2025-01-27 That fracas has been.\n\nNext.",
         "",
         "2025-01-27",
         {"That fracas has been.", "Next."}},
        {"date 2025-01-27\n\nTitle\n\nBody.", "Title", "2025-01-27", {"Body."}},
        {"Title\n\ndate 2025-01-27 Body text.\n\nMore.",
         "Title",
         "2025-01-27",
         {"Body text.", "More."}},
        {"Only one block, no title.", "", "", {"Only one block, no title."}},
        {"date 2025-13-45 is no date.\n\nx", "", "", {"date 2025-13-45 is no date.", "x"}},
        // A one-line news lead is the first paragraph, not a title.
        {"Maternity pay is to rise by £1,400, the minister said.\n\nMore.",
         "",
         "",
         {"Maternity pay is to rise by £1,400, the minister said.", "More."}},
        {"Could Yukos be a blessing in disguise?\n\nBody.",
         "Could Yukos be a blessing in disguise?",
         "",
         {"Body."}},
        {"Title\r\n\r\nWindows line endings.\r\n", "Title", "", {"Windows line endings."}},
        {"Title\n \t \nBlank lines with spaces count.\n\n\n\nYes.",
         "Title",
         "",
         {"Blank lines with spaces count.", "Yes."}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        std::string text = c.text;
        clean_controls(text);
        Article a;
        parse_text_article(text, a);
        CHECK(a.title == c.title);
        CHECK(a.date == c.date);
        CHECK(a.paragraphs == c.paragraphs);
    }
}

TEST_CASE("text articles: the title rule keeps headlines and leaves out one-line leads") {
    struct Case {
        std::string line;
        bool title;
    };
    const std::vector<Case> cases = {
        {"Labour plans maternity pay rise", true},
        {"Could Yukos be a blessing in disguise?", true},
        {"Analysis: No pain, no gain?", true},
        {"Rivals of the £400 Apple...", true},  // an ellipsis, not a full stop
        {"Goal!", true},
        {"“Wait for it” says Brown", true},
        {"Rates rise again.", false},
        {"He said: \"We will win.\"", false},
        {"He said: “We will win.”", false},
        {"The plan (as agreed.)", false},
        {"Kim Jong-il visits St. Petersburg", true},
        {"one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen twenty",
         true},  // 20 words
        {"one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen twenty twentyone",
         false},  // 21 words: a sentence without its full stop
        {std::string(200, 'x'), true},
        {std::string(201, 'x'), false},
        {"", false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.line);
        CHECK(looks_like_title(c.line) == c.title);
    }
}

TEST_CASE("text articles: a front matter block sets title, date, source and url") {
    struct Case {
        std::string text;
        std::string title, date, source, url;
        std::vector<std::string> paragraphs;
    };
    const std::vector<Case> cases = {
        {"---\ntitle: Labour plans maternity pay rise\ndate: 2005-03-04\nsource: BBC News\n"
         "url: https://x.invalid/1\n---\nMaternity pay is to rise.\n\nMore.\n",
         "Labour plans maternity pay rise",
         "2005-03-04",
         "BBC News",
         "https://x.invalid/1",
         {"Maternity pay is to rise.", "More."}},
        // Quotes dropped, a timestamp's day kept, other keys and case ignored.
        {"---\nTitle: \"Quoted: yes\"\nDATE: 2025-01-27T10:00:00Z\nauthor: x\n...\n\nBody.",
         "Quoted: yes",
         "2025-01-27",
         "",
         "",
         {"Body."}},
        // A bad date is left out; the first line below is not taken as a title then.
        {"---\ntitle: T\ndate: 2025-13-45\n---\nShort line\n\nBody.",
         "T",
         "",
         "",
         "",
         {"Short line", "Body."}},
        // No closing line: not front matter, the dashes are text.
        {"---\ntitle: T\n\nBody.", "", "", "", "", {"--- title: T", "Body."}},
        // Without front matter the first-line rule applies as before.
        {"Headline\n\nBody.", "Headline", "", "", "", {"Body."}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        Article a;
        parse_text_article(c.text, a);
        CHECK(a.title == c.title);
        CHECK(a.date == c.date);
        CHECK(a.source == c.source);
        CHECK(a.url == c.url);
        CHECK(a.paragraphs == c.paragraphs);
    }
}

TEST_CASE("decoding: UTF-16 with a byte order mark becomes UTF-8") {
    struct Case {
        std::string bytes;
        std::optional<std::string> utf8;
    };
    const std::vector<Case> cases = {
        {"\xFF\xFE"
         "A\0\xA3\0"s,
         "A\u00a3"},  // little-endian: A£
        {"\xFE\xFF"
         "\0A\x20\xAC"s,
         "A\u20ac"},  // big-endian: A€
        {"\xFF\xFE"
         "\x3D\xD8\x00\xDE"s,
         "\U0001F600"},  // a surrogate pair
        {"\xFF\xFE"
         "\x3D\xD8"
         "A\0"s,
         "\uFFFDA"},  // an unpaired surrogate
        {"plain text", std::nullopt},
        {"\xEF\xBB\xBFUTF-8 BOM", std::nullopt},
    };
    for (const Case& c : cases) {
        CAPTURE(c.bytes);
        CHECK(decode_utf16_bom(c.bytes) == c.utf8);
    }
}

TEST_CASE("dates") {
    CHECK(is_valid_date("2025-01-27"));
    CHECK(is_valid_date("2024-02-29"));
    CHECK_FALSE(is_valid_date("2025-02-29"));
    CHECK_FALSE(is_valid_date("2025-13-01"));
    CHECK_FALSE(is_valid_date("2025-1-1"));
    CHECK_FALSE(is_valid_date("abcd-ef-gh"));
}

TEST_CASE("decoding: UTF-8 kept, Windows-1252 decoded, damaged UTF-8 repaired") {
    CHECK(decode_to_utf8("plain").text == "plain");
    CHECK_FALSE(decode_to_utf8("plain").repair);
    CHECK(decode_to_utf8("\xEF\xBB\xBFwith BOM").text == "with BOM");

    DecodedText latin = decode_to_utf8(
        "costs \xA3"
        "5 \x96 caf\xE9");  // Windows-1252 £, en dash, é
    CHECK(latin.text == "costs £5 – café");
    REQUIRE(latin.repair);
    CHECK(latin.repair->find("offset 6") != std::string::npos);

    DecodedText damaged = decode_to_utf8("Musk’s \xFF bad");
    CHECK(damaged.text == "Musk’s \uFFFD bad");
    REQUIRE(damaged.repair);
    CHECK(damaged.repair->find("U+FFFD") != std::string::npos);

    std::string controls = "a\0b\rc\r\nd"s;
    clean_controls(controls);
    CHECK(controls == "a b\nc\nd");
    CHECK(looks_binary("PNG\0\0"s));
}

TEST_CASE("JSON Lines articles") {
    Article a;
    std::string warning;
    auto err = parse_json_article(
        R"({"id": 7, "title": "T", "date": "1987-02-26T10:00:00Z", "source": "reuters", "body": "One.\n\nTwo\nlines.", "extra": [1]})",
        a, warning);
    CHECK_FALSE(err);
    CHECK(a.id == "7");
    CHECK(a.date == "1987-02-26");
    CHECK(a.paragraphs == std::vector<std::string>{"One.", "Two lines."});
    CHECK(warning.empty());

    struct Bad {
        const char* line;
        const char* message;
    };
    const Bad bad[] = {
        {R"({"id": "1", "body": "truncated)", "malformed JSON"},
        {R"([1, 2])", "expected a JSON object"},
        {R"({"id": "1", "body": 42})", "field \"body\" must be a string"},
        {R"({"id": {"x": 1}, "body": "b"})", "field \"id\" must be a string"},
    };
    for (const Bad& b : bad) {
        CAPTURE(b.line);
        Article x;
        auto e = parse_json_article(b.line, x, warning);
        REQUIRE(e);
        CHECK(e->find(b.message) != std::string::npos);
    }

    Article d;
    warning.clear();
    CHECK_FALSE(parse_json_article(R"({"id": "x", "date": "yesterday", "body": "b"})", d, warning));
    CHECK(d.date.empty());
    CHECK(warning.find("yesterday") != std::string::npos);
}

TEST_CASE("long paragraphs are split at spaces or character boundaries, losing nothing") {
    struct Case {
        std::string paragraph;
        std::size_t max;
        std::vector<std::string> pieces;
    };
    const Case cases[] = {
        {"short", 10, {"short"}},
        {"aaaa bbbb cccc", 10, {"aaaa bbbb", "cccc"}},       // at the last space
        {"aaaaaaaaaaaaaaa", 10, {"aaaaaaaaaa", "aaaaa"}},    // no space: hard cut
        {"ééééééé", 5, {"éé", "éé", "éé", "é"}},             // never inside a character
        {"a bbbbbbbbbbbbbb", 10, {"a bbbbbbbb", "bbbbbb"}},  // space too early: hard cut
    };
    for (const Case& c : cases) {
        CAPTURE(c.paragraph);
        std::vector<std::string> ps = {c.paragraph};
        CHECK(split_long_paragraphs(ps, c.max) == (c.pieces.size() > 1 ? 1u : 0u));
        CHECK(ps == c.pieces);
    }
}
