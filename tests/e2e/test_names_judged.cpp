// `graf search --name` against names judged by reading BBC paragraphs
// (tests/names/bbc_judged.tsv, README there): paragraph recall and precision
// per class of issue 16. The table is checked everywhere; the scores need ../shared.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "e2e/cli_runner.hpp"

using namespace graf::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A paragraph: "bbc:sport/302#4".
using ParagraphSet = std::set<std::string>;

struct JudgedName {
    std::string klass;
    ParagraphSet relevant;
};

const std::vector<std::string> kClasses = {"role",   "hyphen",   "initials", "particle", "merge",
                                           "shared", "compound", "title",    "nofull"};

fs::path judged_file() {
    return fs::path(GRAF_SOURCE_DIR) / "tests" / "names" / "bbc_judged.tsv";
}

// Reads name<TAB>class<TAB>article-id<TAB>paragraph rows; a bad row fails the
// test naming its line.
std::map<std::string, JudgedName> load_judged() {
    std::map<std::string, JudgedName> names;
    std::ifstream in(judged_file());
    REQUIRE_MESSAGE(in, "cannot read " << judged_file());
    std::string line;
    for (int no = 1; std::getline(in, line); ++no) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f;
        std::stringstream ss(line);
        for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
        INFO(judged_file().string() << ":" << no << ": " << line);
        REQUIRE(f.size() == 4);
        REQUIRE(f[2].rfind("bbc:", 0) == 0);
        REQUIRE(std::find(kClasses.begin(), kClasses.end(), f[1]) != kClasses.end());
        REQUIRE(std::stoi(f[3]) >= 1);
        JudgedName& n = names[f[0]];
        REQUIRE((n.klass.empty() || n.klass == f[1]));
        n.klass = f[1];
        REQUIRE(n.relevant.insert(f[2] + "#" + f[3]).second);  // no duplicate rows
    }
    return names;
}

// The paragraphs `graf search --name NAME` finds.
ParagraphSet found_paragraphs(const fs::path& db, const std::string& name) {
    RunResult r = run_graf({"search", "--db", db.string(), "--name", name, "--paragraphs", "--json",
                            "--limit", "10000"});
    INFO(name << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    const json out = json::parse(r.out);  // kept: a loop over a temporary's ["hits"] dangles
    ParagraphSet found;
    for (const auto& h : out["hits"])
        found.insert(h["id"].get<std::string>() + "#" + std::to_string(h["paragraph"].get<int>()));
    return found;
}

struct Score {
    double recall_sum = 0, precision_sum = 0;  // means over names (macro)
    int names = 0;
};

// Adds one name's recall and precision; a name with no hits has precision 1
// (nothing wrong was returned) and recall 0.
void add(Score& s, const ParagraphSet& relevant, const ParagraphSet& found) {
    int hit = 0;
    for (const auto& p : found) hit += relevant.count(p);
    s.recall_sum += relevant.empty() ? 1.0 : double(hit) / relevant.size();
    s.precision_sum += found.empty() ? 1.0 : double(hit) / found.size();
    ++s.names;
}

// Regression floors: the latest measured values minus about 0.02. Raise
// them as the finder improves; issue 16's target is 0.98 overall, no class
// below 0.9. The misses left need guessing from context, see
// tests/names/README.md.
struct Floor {
    double recall, precision;
};
const std::map<std::string, Floor> kFloors = {
    // class       recall precision   measured (recall, precision): names5, names3, first set
    {"role", {0.91, 0.98}},      // 0.933 1.000   0.933 1.000   0.923 1.000
    {"hyphen", {0.98, 0.98}},    // 1.000 1.000   0.980 1.000   0.974 1.000
    {"initials", {0.95, 0.98}},  // 0.969 1.000   0.969 1.000   0.835 1.000
    {"particle", {0.98, 0.98}},  // 1.000 1.000   1.000 1.000   0.852 1.000
    {"merge", {0.98, 0.98}},     // 1.000 1.000   0.879 1.000   0.860 1.000
    {"shared", {0.96, 0.98}},    // 0.983 1.000   0.983 1.000   0.750 1.000
    {"compound", {0.98, 0.98}},  // 1.000 1.000   1.000 1.000   0.867 1.000
    {"title", {0.95, 0.98}},     // 0.976 1.000   0.976 1.000   0.849 1.000
    {"nofull", {0.98, 0.98}},    // 1.000 1.000   1.000 1.000   1.000 0.951
    {"all", {0.96, 0.98}},       // 0.983 1.000   0.968 1.000   0.884 0.993
};

}  // namespace

TEST_CASE("judged BBC names: the table covers every class with at least 60 names") {
    auto names = load_judged();
    CHECK(names.size() >= 60);
    std::map<std::string, int> per_class;
    for (const auto& [name, n] : names) {
        ++per_class[n.klass];
        CHECK_MESSAGE(!n.relevant.empty(), name);
    }
    for (const auto& c : kClasses) CHECK_MESSAGE(per_class[c] >= 3, c);
}

TEST_CASE("judged BBC names: paragraph recall and precision per class hold their floors") {
    auto shared = shared_dir();
    if (!shared) MESSAGE("../shared not present: skipped");
    if (!shared) return;
    auto names = load_judged();
    TempDir tmp;
    auto db = tmp / "db";
    RunResult ix = run_graf({"index", "--db", db.string(), (*shared / "corpus" / "bbc").string()});
    INFO(ix.err);
    REQUIRE(ix.exit_code == 0);

    std::map<std::string, Score> scores;
    std::ostringstream misses;
    for (const auto& [name, n] : names) {
        ParagraphSet found = found_paragraphs(db, name);
        add(scores[n.klass], n.relevant, found);
        add(scores["all"], n.relevant, found);
        for (const auto& p : n.relevant)
            if (!found.count(p)) misses << "  missed  " << name << "  " << p << "\n";
        for (const auto& p : found)
            if (!n.relevant.count(p)) misses << "  extra   " << name << "  " << p << "\n";
    }
    std::ostringstream table;
    table << "class      names  recall  precision\n";
    for (const auto& [klass, floor] : kFloors) {
        const Score& s = scores[klass];
        REQUIRE(s.names > 0);
        double recall = s.recall_sum / s.names, precision = s.precision_sum / s.names;
        table << std::left << std::setw(11) << klass << std::right << std::setw(5) << s.names
              << std::fixed << std::setprecision(3) << std::setw(8) << recall << std::setw(11)
              << precision << "\n";
        CHECK_MESSAGE(recall >= floor.recall, klass << " recall " << recall);
        CHECK_MESSAGE(precision >= floor.precision, klass << " precision " << precision);
    }
    std::cout << "judged BBC names (mean per name):\n" << table.str();
    if (const char* v = std::getenv("GRAF_NAMES_JUDGED_VERBOSE"); v && *v)
        std::cout << misses.str();
}
