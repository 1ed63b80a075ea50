#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "corpus/corpus_reader.hpp"
#include "corpus/csv_columns.hpp"

using namespace graf::corpus;
namespace fs = std::filesystem;

namespace {

struct Read {
    std::vector<Article> articles;
    std::vector<std::string> problems;  // "skipped|warning WHERE: WHAT", WHERE without the folder
};

// Reads `bytes` as the CSV file news.csv through the corpus reader.
Read read_csv(const std::string& bytes, const CsvColumns& columns = {}) {
    const fs::path dir = fs::temp_directory_path() / ("graf-csv-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path file = dir / "news.csv";
    std::ofstream(file, std::ios::binary) << bytes;
    Read out;
    ProblemSink sink = [&](const Problem& p) {
        std::string where = p.where;
        if (where.rfind(dir.string() + "/", 0) == 0) where.erase(0, dir.string().size() + 1);
        out.problems.push_back(
            std::string(p.kind == Problem::Kind::Skipped ? "skipped " : "warning ") + where + ": " +
            p.what);
    };
    CorpusReader reader(list_inputs({file}, sink), sink, ReadOptions{columns});
    for (Article a; reader.next(a);) out.articles.push_back(a);
    fs::remove_all(dir);
    return out;
}

}  // namespace

TEST_CASE("csv: columns by header name, RFC 4180 quoting, multi-line fields") {
    const Read r = read_csv(
        "id,title,publication,author,date,url,content\r\n"
        "17,Oil rises,Daily Example,Ann,2025-01-27T10:00:00,https://x.example/17,\"Crude rose.\r\n"
        "\r\n"
        "Traders said \"\"enough\"\", and left.\"\r\n"
        "\r\n"
        "18,\"Gold, again\",,Bob,2025-01-28,,Gold fell\r\n");
    REQUIRE(r.articles.size() == 2);
    CHECK(r.problems.empty());
    const Article& a = r.articles[0];
    CHECK(a.id == "17");
    CHECK(a.title == "Oil rises");
    CHECK(a.source == "Daily Example");
    CHECK(a.source_name == "news");
    CHECK(a.date == "2025-01-27");
    CHECK(a.url == "https://x.example/17");
    CHECK(a.paragraphs ==
          std::vector<std::string>{"Crude rose.", "Traders said \"enough\", and left."});
    CHECK(a.origin.substr(a.origin.size() - 10) == "news.csv:2");
    const Article& b = r.articles[1];
    CHECK(b.title == "Gold, again");
    CHECK(b.source == "news");  // an empty publication: the source name
    CHECK(b.origin.substr(b.origin.size() - 10) == "news.csv:6");
    CHECK(b.location.substr(b.location.size() - 10) == "news.csv:6");
}

TEST_CASE("csv: bad rows are skipped and named, the rest is read") {
    struct Case {
        const char* csv;
        std::vector<std::string> ids;
        std::vector<std::string> problems;
    };
    const Case cases[] = {
        {"title,text\nA,one\nB,two,extra\nC,three\n",
         {"news:1", "news:3"},
         {"skipped news.csv:3: row has 3 fields, the header 2"}},
        {"\xEF\xBB\xBFHeadline,Body\nA,\nB,b\n",
         {"news:2"},
         {"skipped news.csv:2: article \"news:1\" has no body text"}},
        {"title,text\nA,one\nB,\"two\nnever closed\nC,three\n",
         {"news:1"},
         {"skipped news.csv:3: a quoted field is never closed: the row starting here (and the "
          "rest of the file, which it swallows) was not read"}},
        {"title,text\nA,one\nB,t\"wo\nC,three\n",
         {"news:1"},
         {"skipped news.csv:3: malformed CSV (error parsing data while strict checking enabled: a "
          "quote inside an unquoted field, or text after a closing quote); stopped reading this "
          "file, the rows before were read"}},
        {"id,headline,story\n1,A,b\n",
         {},
         {"skipped news.csv:1: no body column: the header row has id, headline, story; graf reads "
          "the body from a column named content, body or text (or name it: --csv-columns "
          "body=COLUMN)"}},
        {"", {}, {"skipped news.csv: empty CSV file (no header row)"}},
        {"id,date,text\n1,27/01/2025,x\n",
         {"1"},
         {"warning news.csv:2: date \"27/01/2025\" is not YYYY-MM-DD; indexed without a date"}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.csv);
        const Read r = read_csv(c.csv);
        std::vector<std::string> ids;
        for (const Article& a : r.articles) ids.push_back(a.id);
        CHECK(ids == c.ids);
        CHECK(r.problems == c.problems);
    }
}

TEST_CASE("csv: --csv-columns chooses columns by name") {
    CsvColumns columns;
    REQUIRE_FALSE(parse_csv_columns("title=Headline,body=story", columns));
    const Read r = read_csv("headline,story,title\nReal title,The story.,not this\n", columns);
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title == "Real title");
    CHECK(r.articles[0].paragraphs == std::vector<std::string>{"The story."});

    CsvColumns missing;
    REQUIRE_FALSE(parse_csv_columns("body=story", missing));
    CHECK(read_csv("title,text\na,b\n", missing).problems ==
          std::vector<std::string>{"skipped news.csv:1: --csv-columns body=story: the header has "
                                   "no column 'story' (columns: title, text)"});

    struct Bad {
        const char* spec;
        const char* error;
    };
    const Bad bad[] = {
        {"author=by",
         "--csv-columns: unknown field 'author' (fields: id, title, date, source, "
         "url, body)"},
        {"title",
         "--csv-columns: 'title' is not FIELD=COLUMN (fields: id, title, date, source, "
         "url, body)"},
        {"title=",
         "--csv-columns: 'title=' is not FIELD=COLUMN (fields: id, title, date, source, "
         "url, body)"},
    };
    for (const Bad& b : bad) {
        CsvColumns c;
        auto error = parse_csv_columns(b.spec, c);
        REQUIRE(error);
        CHECK(*error == b.error);
    }
}
