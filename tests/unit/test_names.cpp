#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analysis/names.hpp"
#include "analysis/tokenizer.hpp"

using namespace graf::analysis;

namespace {
// The names found in each paragraph of one article, "|"-separated, with a
// surname-only mention marked by "~".
std::vector<std::string> names_in(const std::vector<std::string>& paragraphs) {
    NameFinder finder;
    std::vector<std::string> out;
    for (const std::string& p : paragraphs) {
        std::vector<NameMention> mentions;
        finder.find(tokenize(p), mentions);
        std::string line;
        for (const auto& m : mentions)
            line += std::string(line.empty() ? "" : "|") + (m.surname_only ? "~" : "") + m.name;
        out.push_back(line);
    }
    return out;
}
}  // namespace

TEST_CASE("names: full names, titles and organisations") {
    struct Case {
        const char* paragraph;
        const char* names;
    };
    const Case cases[] = {
        {"That fracas has been dominated by Steve Bannon, the guru.", "steve bannon"},
        {"Chairman Donald Trump is quickly learning.", "donald trump"},
        {"Treasury Secretary James Baker said on Monday.", "james baker"},
        {"Bundesbank President Karl Otto Poehl said.", "karl otto poehl"},
        {"a proposal by House Speaker Jim Wright to tax", "jim wright"},
        {"Chancellor of the Exchequer Nigel Lawson said", "nigel lawson"},
        {"White House Chief of Staff Howard Baker said", "white house|howard baker"},
        {"trade representative Clayton Yeutter Monday warned", "clayton yeutter"},
        {"press secretary in the White House Caroline Leavitt said",
         "white house|caroline leavitt"},
        {"OpenAI’s Sam Altman, tweeting", "sam altman"},
        {"Steve BannonTrump’s former political strategist",
         "steve bannon"},  // the glue seam ends the name
        {"However, the market fell.", ""},
        {"The feud escalated on Wednesday.", ""},  // sentence-initial "The" is no name
        {"A piece by Ludwig van Beethoven.", "ludwig van beethoven"},
        {"REUTERS REPORTS THAT OIL FELL", ""},  // all capitals: not names
    };
    for (const Case& c : cases) {
        CAPTURE(c.paragraph);
        CHECK(names_in({c.paragraph})[0] == c.names);
    }
}

TEST_CASE("names: a surname after the full name is the same person, within one article") {
    auto found =
        names_in({"Steve Bannon spoke.", "Bannon said no. For the dogmatic Bannon, it is personal.",
                  "Mr Bannon left."});
    CHECK(found[0] == "steve bannon");
    CHECK(found[1] == "~steve bannon|~steve bannon");
    CHECK(found[2] == "~steve bannon");

    // Before the introduction, a surname names nobody yet.
    CHECK(names_in({"Bannon spoke.", "Steve Bannon left."})[0] == "");

    // The most recent full name wins when two share a surname.
    auto bakers = names_in({"James Baker met Howard Baker.", "Baker said."});
    CHECK(bakers[1] == "~howard baker");
}

TEST_CASE("name_key: what --name looks up") {
    CHECK(name_key("Steve Bannon") == "steve bannon");
    CHECK(name_key("Mr Blair") == "blair");
    CHECK(name_key("President Joe Biden") == "joe biden");
    CHECK(name_key("Karl Otto Pöhl") == "karl otto pohl");
    CHECK(name_key("  ") == "");
}
