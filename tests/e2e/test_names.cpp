// graf search --name and graf names through the binary, on a made-up corpus
// with one article per kind of mention issue 16 found missed, and on the
// bundled sample corpus.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;

namespace {

using Set = std::set<std::string>;

// The paragraphs `graf search --name who` finds, as "article#paragraph".
Set named_paragraphs(const std::filesystem::path& db, const std::string& who) {
    Set out;
    const json r = search_json(db, {"--paragraphs", "--limit", "50", "--name", who});
    for (const auto& h : r["hits"])
        out.insert(h["article"].get<std::string>() + "#" +
                   std::to_string(h["paragraph"].get<int>()));
    return out;
}

// The corpus folder `c` indexed into `c`/../db.
std::filesystem::path indexed(const std::filesystem::path& c) {
    const std::filesystem::path db = c.parent_path() / "db";
    RunResult r = run_graf({"index", "--db", db.string(), c.string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return db;
}

// `graf names --top 50 EXTRA...` as the text table it prints.
std::string names_table(const std::filesystem::path& db, const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"names", "--db", db.string(), "--top", "50"};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult out = run_graf(args);
    REQUIRE_MESSAGE(out.exit_code == 0, out.err);
    return out.out;
}

struct NamesCorpus {
    TempDir tmp;
    std::filesystem::path db = tmp / "db";
    NamesCorpus() {
        const std::filesystem::path c = tmp / "c";
        write_file(c / "bakers.txt",
                   "date 1987-03-02\n\n"
                   "Secretary of State George Shultz arrived in Paris.\n\n"
                   "Shultz said the talks went well.\n\n"
                   "Treasury Secretary James Baker met White House chief of staff Howard Baker.\n\n"
                   "Treasury Secretary Baker said the dollar was stable.\n\n"
                   "If Baker is right, the chief of staff Baker will agree.\n");
        write_file(c / "sport.txt",
                   "Briton Tim Henman beat Mark Lewis-Francis's friend in New York.\n\n"
                   "Lewis-Francis said Henman was great.\n\n"
                   "T. Boone Pickens and JK Rowling met Robert De Niro, Alex Ferguson and Arsene "
                   "Wenger.\n\n"
                   "De Niro said Pickens and Rowling were fun. The Ferguson-Wenger row went on.\n");
        write_file(c / "prince.txt",
                   "date 2004-06-01\n\nPrince Charles opened the hospital.\n\n"
                   "Charles said it was fine.\n");
        write_file(c / "singer.txt", "Ray Charles sang in New York.\n\nCharles was a legend.\n");
        RunResult r = run_graf({"index", "--db", db.string(), c.string()});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    Set name(const std::string& who) { return named_paragraphs(db, who); }
    json names(std::vector<std::string> args) {
        args.insert(args.begin(), {"names", "--db", db.string(), "--json", "--top", "100"});
        RunResult r = run_graf(args);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return json::parse(r.out);
    }
};

// "a#1 b#2": readable in a failed check.
std::string str(const Set& s) {
    std::string out;
    for (const std::string& x : s) out += (out.empty() ? "" : " ") + x;
    return out;
}

}  // namespace

TEST_CASE("names e2e: --name finds a person however the text names them") {
    NamesCorpus s;
    struct Row {
        const char* cls;
        const char* query;
        Set paragraphs;
    };
    const Row rows[] = {
        {"role", "George Shultz", {"bakers#1", "bakers#2"}},
        {"role", "Tim Henman", {"sport#1", "sport#2"}},
        {"hyphen", "Mark Lewis-Francis", {"sport#1", "sport#2"}},
        {"initials", "T. Boone Pickens", {"sport#3", "sport#4"}},
        {"initials", "Boone Pickens", {"sport#3", "sport#4"}},
        {"initials", "J.K. Rowling", {"sport#3", "sport#4"}},
        {"particle", "Robert De Niro", {"sport#3", "sport#4"}},
        {"compound", "Arsene Wenger", {"sport#3", "sport#4"}},
        {"compound", "Alex Ferguson", {"sport#3", "sport#4"}},
        // Two Bakers: each keeps the paragraphs whose titles are his.
        {"shared", "James Baker", {"bakers#3", "bakers#4"}},
        {"shared", "Howard Baker", {"bakers#3", "bakers#5"}},
        // A rank and one name is that person only.
        {"rank", "Prince Charles", {"prince#1", "prince#2"}},
        {"rank", "Ray Charles", {"singer#1", "singer#2"}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.cls);
        CAPTURE(row.query);
        CHECK(str(s.name(row.query)) == str(row.paragraphs));
    }
}

TEST_CASE("names e2e: graf names lists people and organisations, with their kind") {
    NamesCorpus s;
    std::map<std::string, json> listed;
    for (const auto& n : s.names({})) listed[n["name"]] = n;
    CHECK(listed.count("New York") == 0);  // a place: only with --kind
    CHECK(listed["White House"]["kind"] == "organisation");
    CHECK(listed["Tim Henman"]["kind"] == "person");
    CHECK(listed["Tim Henman"]["paragraphs"] == 2);
    CHECK(listed.count("JK Rowling") == 1);      // capitalised as written
    CHECK(listed.count("Robert De Niro") == 1);  // not "De Niro" on its own
    CHECK(listed.count("De Niro") == 0);
    CHECK(listed.count("Lewis Francis") == 0);
    CHECK(listed.count("State George Shultz") == 0);
    CHECK(listed.count("George Shultz") == 1);

    std::map<std::string, json> all;
    for (const auto& n : s.names({"--kind", "all"})) all[n["name"]] = n;
    CHECK(all["New York"]["kind"] == "place");
    CHECK(all["New York"]["articles"] == 2);

    // Dates and a query restrict the names to the matching articles.
    json since = s.names({"--since", "2004-01-01"});
    REQUIRE(since.size() == 1);
    CHECK(since[0]["name"] == "Prince Charles");
    json query = s.names({"--query", "dollar"});
    Set from_query;
    for (const auto& n : query) from_query.insert(n["name"]);
    CHECK(from_query == Set{"James Baker"});

    RunResult bad = run_graf({"names", "--db", s.db.string(), "--kind", "planet"});
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("--kind: 'planet'") != std::string::npos);

    // Text output has a kind column.
    RunResult text = run_graf({"names", "--db", s.db.string()});
    CHECK(text.out.find("kind") != std::string::npos);
    CHECK(text.out.find("organisation") != std::string::npos);
}

TEST_CASE("names e2e: an article that names only the surname, when the corpus knows who") {
    TempDir tmp;
    const std::filesystem::path c = tmp / "c";
    write_file(c / "a.txt", "President Ronald Reagan spoke.\n\nReagan left.\n");
    write_file(c / "b.txt", "Ronald Reagan vetoed the bill.\n");
    write_file(c / "c.txt", "President Reagan said no.\n\nReagan is tired.\n");
    // Two Bakers in the corpus: an article with Baker alone is nobody's.
    write_file(c / "d.txt", "James Baker spoke.\n\nHoward Baker spoke.\n");
    write_file(c / "e.txt", "Treasury Secretary Baker said.\n");
    write_file(c / "f.txt", "James Baker wrote.\n");
    const std::filesystem::path db = tmp / "db";
    RunResult r = run_graf({"index", "--db", db.string(), c.string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto found = [&](const char* who) { return named_paragraphs(db, who); };
    CHECK(str(found("Ronald Reagan")) == "a#1 a#2 b#1 c#1 c#2");
    CHECK(str(found("James Baker")) == "d#1 f#1");
    // graf facets, graf timeline and the web page count the same paragraphs.
    RunResult facets =
        run_graf({"facets", "--db", db.string(), "--json", "--name", "Ronald Reagan"});
    REQUIRE_MESSAGE(facets.exit_code == 0, facets.err);
    CHECK(json::parse(facets.out)["paragraphs"] == 5);

    // Incremental: a second full Reagan makes the surname shared, and the
    // unresolved article is nobody's again, without re-indexing it.
    write_file(c / "g.txt", "Nancy Reagan smiled.\n\nNancy Reagan waved.\n");
    r = run_graf({"index", "--db", db.string(), c.string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(str(found("Ronald Reagan")) == "a#1 a#2 b#1");
}

// The classes only the whole article or the corpus can resolve: team sheets
// (an initial), a rank written with the person ("Dr Fox"), Spanish and
// Portuguese names cut to a middle word ("Lula"), a shorter full name
// ("Lula da Silva"), a given name cut to two letters ("Mi Bergamasco"), a
// surname before the full name, a hyphen compound's parts, text in lower
// case, a relative named by given name.
TEST_CASE("names e2e: --name across articles that never give the full name") {
    TempDir tmp;
    const std::filesystem::path c = tmp / "c";
    write_file(c / "team1.txt", "Girvan Dempsey scored twice.\n\nDempsey said it was fine.\n");
    write_file(c / "team2.txt",
               "Ireland: G Murphy; G Dempsey, B O'Driscoll.\n\nBench: S Easterby.\n");
    write_file(c / "team3.txt", "Noel Dempsey, the minister, spoke.\n");
    write_file(c / "fox1.txt", "Dr Liam Fox spoke.\n\nMr Fox said more.\n");
    write_file(c / "fox2.txt", "Dr Fox attacked the plan.\n");
    write_file(c / "fox3.txt", "Chris Fox wrote a book.\n");
    write_file(c / "lula1.txt", "Luiz Inacio Lula da Silva arrived.\n\nLula said he was glad.\n");
    write_file(c / "lula2.txt", "President Lula spoke.\n");
    write_file(c / "lula3.txt", "Lula da Silva was there.\n");
    write_file(c / "lower.txt",
               "mexico city, april 24 - a banco de mexico spokesman said that central bank head "
               "miguel mancera aguayo held private talks here yesterday.\n");
    write_file(c / "upper.txt", "Miguel Mancera Aguayo spoke.\n");
    write_file(c / "kennedy.txt",
               "Mr Kennedy attacked the plan.\n\nCharles Kennedy, the party leader, said so.\n");
    write_file(c / "jfk.txt", "John Kennedy was president.\n");
    write_file(c / "bush.txt", "George Bush spoke.\n\nThe Bush-Cheney campaign went on.\n");
    write_file(c / "cheney.txt", "Dick Cheney spoke.\n\nCheney said no.\n");
    write_file(c / "ozzy.txt", "Ozzy Osbourne spoke.\n\nHis wife Sharon said no.\n");
    write_file(c / "ariel.txt", "Ariel Sharon met leaders.\n\nSharon said yes.\n");
    write_file(c / "berg1.txt", "Mirco Bergamasco scored.\n\nMauro Bergamasco too.\n");
    write_file(c / "berg2.txt", "Italy: Mi Bergamasco, Ma Bergamasco.\n");
    write_file(c / "princes.txt", "Princes William and Harry said they were happy.\n");
    write_file(c / "harry.txt", "Prince Harry spoke.\n");
    // A given name misspelt one letter off, with the surname no one else's:
    // the same person ("Tama Umaga" is Tana Umaga). Not when the other
    // spelling is a common word (Time Warner is no Tim Warner), nor for a
    // surname of several people (Jon Smith may be no John Smith).
    write_file(c / "umaga1.txt", "Tana Umaga led the side.\n\nUmaga said it was fine.\n");
    write_file(c / "umaga2.txt", "Tama Umaga scored.\n\nBut Umaga said no.\n");
    write_file(c / "umaga3.txt", "New Zealand: T Umaga, D Carter.\n");
    write_file(c / "warner1.txt", "Tim Warner, a spokesman, spoke.\n");
    write_file(c / "warner2.txt",
               "Time Warner said profits rose.\n\nIt was time to sell.\n\nThe time "
               "was right.\n\nNot this time.\n");
    write_file(c / "smith1.txt", "John Smith spoke.\n\nJon Smith spoke.\n");
    write_file(c / "smith2.txt", "Ann Smith spoke.\n");
    const std::filesystem::path db = tmp / "db";
    RunResult r = run_graf({"index", "--db", db.string(), c.string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto found = [&](const char* who) { return named_paragraphs(db, who); };
    struct Row {
        const char* cls;
        const char* query;
        const char* paragraphs;
    };
    const Row rows[] = {
        {"initials", "Girvan Dempsey", "team1#1 team1#2 team2#1"},
        {"initials", "Noel Dempsey", "team3#1"},
        {"title", "Liam Fox", "fox1#1 fox1#2 fox2#1"},
        {"title", "Dr Fox", "fox1#1 fox1#2 fox2#1"},
        {"title", "Chris Fox", "fox3#1"},
        {"particle", "Luiz Inacio Lula da Silva", "lula1#1 lula1#2 lula2#1 lula3#1"},
        {"particle", "Miguel Mancera Aguayo", "lower#1 upper#1"},
        {"nofull", "Charles Kennedy", "kennedy#1 kennedy#2"},
        {"compound", "Dick Cheney", "bush#2 cheney#1 cheney#2"},
        {"nofull", "Ariel Sharon", "ariel#1 ariel#2"},
        {"shared", "Mirco Bergamasco", "berg1#1 berg2#1"},
        {"shared", "Mauro Bergamasco", "berg1#2 berg2#1"},
        {"title", "Prince Harry", "harry#1 princes#1"},
        {"misspelt", "Tana Umaga", "umaga1#1 umaga1#2 umaga2#1 umaga2#2 umaga3#1"},
        {"misspelt", "Tim Warner", "warner1#1"},
        {"misspelt", "John Smith", "smith1#1"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.cls);
        CAPTURE(row.query);
        CHECK(str(found(row.query)) == row.paragraphs);
    }
}

// graf names decides kinds with the corpus and shows names as written: a
// film the news never shortens to a surname is no person, a name the corpus
// also writes as a firm's is an organisation, "Lib Dems" is the Liberal
// Democrats, "General Motors Corp" is General Motors.
TEST_CASE("names e2e: graf names kinds from the corpus, names as the text writes them") {
    TempDir tmp;
    const std::filesystem::path c = tmp / "c";
    for (int i = 0; i < 10; ++i) {
        const std::string n = std::to_string(i);
        write_file(c / ("film" + n + ".txt"), "Million Dollar Baby won " + n +
                                                  " prizes.\n\nLeonardo DiCaprio starred.\n\n"
                                                  "DiCaprio said he was glad.\n");
        write_file(c / ("firm" + n + ".txt"), "Merrill Lynch said " + n +
                                                  " things.\n\nMerrill Lynch and Co Inc "
                                                  "agreed.\n\nGeneral Motors Corp fell.\n");
        // Named in full every time: a role before the name makes a person,
        // "who" alone does not (bands are "who" too).
        write_file(c / ("music" + n + ".txt"),
                   "The band Franz Ferdinand, who toured " + n +
                       " times, won.\n\nIt starred actress Cate Blanchett.\n");
        write_file(c / ("party" + n + ".txt"),
                   "The Liberal Democrats met.\n\nLib Dems said " + n +
                       ".\n\nRobert Kilroy-Silk spoke.\n\nKilroy-Silk left.\n\nGeneral Motors "
                       "rose.\n");
    }
    const std::filesystem::path db = tmp / "db";
    RunResult r = run_graf({"index", "--db", db.string(), c.string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto list = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = {"names", "--db", db.string(), "--json", "--top", "50"};
        args.insert(args.end(), extra.begin(), extra.end());
        RunResult out = run_graf(args);
        REQUIRE_MESSAGE(out.exit_code == 0, out.err);
        std::map<std::string, json> by_name;
        for (const auto& n : json::parse(out.out)) by_name[n["name"]] = n;
        return by_name;
    };
    auto listed = list({});
    CHECK(listed.count("Million Dollar Baby") == 0);
    CHECK(listed["Leonardo DiCaprio"]["kind"] == "person");  // as written, not "Dicaprio"
    CHECK(listed["Robert Kilroy-Silk"]["kind"] == "person");
    CHECK(listed["Robert Kilroy-Silk"]["paragraphs"] == 20);
    CHECK(listed["Merrill Lynch"]["kind"] == "organisation");
    CHECK(listed["Merrill Lynch"]["paragraphs"] == 20);  // with "Merrill Lynch and Co Inc"
    CHECK(listed.count("Merrill Lynch and Co Inc") == 0);
    CHECK(listed["General Motors"]["paragraphs"] == 20);     // with "General Motors Corp"
    CHECK(listed["Liberal Democrats"]["paragraphs"] == 20);  // with "Lib Dems"
    CHECK(listed.count("Lib Dems") == 0);
    CHECK(listed["Cate Blanchett"]["kind"] == "person");
    auto all = list({"--kind", "all"});
    CHECK(all["Million Dollar Baby"]["kind"] == "other");
    auto other = list({"--kind", "other"});
    CHECK(other.size() == 2);
    CHECK(other.count("Million Dollar Baby") == 1);
    CHECK(other.count("Franz Ferdinand") == 1);
}

TEST_CASE("names e2e: one-word organisations, and what is no person or organisation") {
    TempDir tmp;
    const std::filesystem::path c = tmp / "c";
    for (int i = 0; i < 10; ++i) {
        const std::string n = std::to_string(i);
        write_file(c / ("pol" + n + ".txt"),
                   "Labour said it would cut taxes by " + n +
                       " percent.\n\nA Labour Party spokesman said the plan was costed.\n\n"
                       "Lib Dem Norman Baker said the plan was wrong.\n\n"
                       "Baker said voters would not believe it.\n");
        write_file(c / ("tech" + n + ".txt"),
                   "The BBC reported that a Microsoft spokesman denied " + n +
                       " claims.\n\nA BBC spokeswoman declined to comment.\n\n"
                       "Microsoft Windows users were told to update.\n\n"
                       "Windows was patched last week.\n");
        write_file(c / ("world" + n + ".txt"),
                   "Officials in London said trade grew " + n +
                       " percent.\n\nLondon traders were calm.\n\n"
                       "OPEC said in a statement that output would fall.\n\n"
                       "Farmers in Kansas City met on Monday.\n\n"
                       "The Kansas City market was quiet.\n\n"
                       "British officials said radio stations would close.\n\n"
                       "Radio listeners complained.\n");
        write_file(c / ("banks" + n + ".txt"),
                   "Shares of BankAmerica Corp fell " + n +
                       " cents.\n\nThe unit of BankAmerica Corp was sold.\n\n"
                       "The Federal Savings and Loan Insurance Corp paid the claims.\n");
    }
    const std::filesystem::path db = indexed(c);
    auto list = [&](const std::vector<std::string>& extra) { return names_table(db, extra); };
    // "Labour" is its party ("Labour Party" counts as it), "BBC" and "OPEC"
    // are written in capitals; "London" (after "in"), "British", "Radio"
    // (lower case elsewhere), "Norman" (a given name, never alone),
    // "Windows" (a surname of "Microsoft Windows") are no organisations.
    CHECK(list({}) ==
          "name                                     kind          paragraphs  articles\n"
          "BBC                                      organisation          20        10\n"
          "Labour                                   organisation          20        10\n"
          "Microsoft                                organisation          20        10\n"
          "Norman Baker                             person                20        10\n"
          "OPEC                                     organisation          10        10\n");
    // "Party" ends organisations' names: no organisation alone.
    // A product of a one-word organisation is other ("Windows was patched":
    // it, as a surname is); the ends of longer firms' names ("BankAmerica
    // Corp", "Federal Savings and Loan Insurance Corp") are fragments; "in
    // Kansas City": a place. ("Federal Savings", the start of the longer
    // name, is other, as it was: named in full, never alone.)
    CHECK(list({"--kind", "other,place,fragment"}) ==
          "name                                     kind          paragraphs  articles\n"
          "America Corp                             fragment              20        10\n"
          "Kansas City                              place                 20        10\n"
          "Microsoft Windows                        other                 20        10\n"
          "Federal Savings                          other                 10        10\n"
          "Loan Insurance Corp                      fragment              10        10\n");
}

TEST_CASE("names e2e: acronyms spelt out, datelines, common nouns and republics") {
    TempDir tmp;
    const std::filesystem::path c = tmp / "c";
    for (int i = 0; i < 10; ++i) {
        const std::string n = std::to_string(i);
        // A dateline's place ("WASHINGTON, March 3 -") is not counted: the
        // five paragraphs with "a Washington spokesman" are too few to tell.
        write_file(c / ("wire" + n + ".txt"),
                   "WASHINGTON, March " + std::to_string(i + 1) +
                       " - The International Monetary Fund (IMF) lent " + n +
                       " billion dlrs.\n\nThe IMF said the loan was approved.\n\n"
                       "The central bank cut rates and the Central Bank said so.\n\n"
                       "A central bank official agreed.\n\nAnother central bank did not.\n" +
                       (i < 5 ? "\nA Washington spokesman agreed.\n" : ""));
        write_file(c / ("team" + n + ".txt"), "The Republic of Ireland won " + n + " games.\n");
    }
    const std::filesystem::path db = indexed(c);
    auto list = [&](const std::vector<std::string>& extra) { return names_table(db, extra); };
    // "IMF", spelt out beside it, is the International Monetary Fund,
    // counted as one and shown as the form of more paragraphs.
    CHECK(list({}) ==
          "name                                     kind          paragraphs  articles\n"
          "IMF                                      organisation          20        10\n");
    // "Central Bank": mostly written in lower case, a common noun.
    CHECK(list({"--kind", "place,fragment"}) ==
          "name                                     kind          paragraphs  articles\n"
          "Central Bank                             fragment              10        10\n"
          "Republic of Ireland                      place                 10        10\n");
}

TEST_CASE("names e2e: the sample corpus's people are persons") {
    TempDir tmp;
    index_sample(tmp / "db");
    RunResult r = run_graf({"names", "--db", (tmp / "db").string(), "--json", "--top", "50"});
    REQUIRE(r.exit_code == 0);
    std::map<std::string, std::string> kind;
    for (const auto& n : json::parse(r.out)) kind[n["name"]] = n["kind"];
    for (const char* who : {"Steve Bannon", "Sam Altman", "Caroline Leavitt", "Elon Musk"}) {
        CAPTURE(who);
        CHECK(kind[who] == "person");
    }
    CHECK(kind["White House"] == "organisation");
}
