#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "corpus/html_article.hpp"

using namespace graf::corpus;

namespace {

// A page as news sites save it: navigation, a header, the story, a related
// story, a footer, scripts.
const char* const kPage = R"(<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Oil rises again - Example News</title>
<meta property="og:title" content="Oil rises again">
<meta property="article:published_time" content="2025-01-27T10:00:00Z">
<meta property="og:url" content="https://news.example/oil">
<link rel="canonical" href="https://news.example/canonical-oil">
<script>var tracking = "<p>not text</p>";</script>
<style>p { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><p>World</p></li></ul></nav>
<header><h1>Oil rises again</h1><p class="standfirst">In the header.</p></header>
<main>
<article>
  <p>Crude <b>oil</b> rose&nbsp;3% on
     Monday, traders said.</p>
  <script>document.write("<p>injected</p>")</script>
  <div class="share-tools"><p>Share this on Facebook</p></div>
  <p>Prices have risen<br>for a week &amp; more.</p>
  <figure><img src="x.jpg"><figcaption><p>A tanker.</p></figcaption></figure>
  <p hidden>Hidden text.</p>
  <p aria-hidden="true">Also hidden.</p>
  <p style="display: none">Not shown.</p>
  <p>   </p>
</article>
<aside><article><p>Related: gold falls, and this related story is much longer than the
story itself, which must not make it the story.</p></article></aside>
</main>
<footer><p>Copyright Example News</p></footer>
</body></html>)";

struct Parsed {
    Article article;
    std::optional<std::string> repair;
};

Parsed parse(const std::string& html) {
    Parsed p;
    p.repair = parse_html_article(html, p.article);
    return p;
}

}  // namespace

TEST_CASE("html articles: the story's paragraphs without page furniture, metadata from meta") {
    const Parsed p = parse(kPage);
    CHECK(p.article.title == "Oil rises again");
    CHECK(p.article.date == "2025-01-27");
    CHECK(p.article.url == "https://news.example/oil");
    CHECK(p.article.paragraphs ==
          std::vector<std::string>{"Crude oil rose 3% on Monday, traders said.",
                                   "Prices have risen for a week & more."});
    CHECK_FALSE(p.repair);
}

TEST_CASE("html articles: title, date and url fall back in order") {
    struct Case {
        const char* html;
        const char* title;
        const char* date;
        const char* url;
    };
    const Case cases[] = {
        // No og:title: the first <h1>; else <title>.
        {"<title>T</title><h1> The  headline </h1><p>x</p>", "The headline", "", ""},
        {"<title> Page   title </title><p>x</p>", "Page title", "", ""},
        // Dates: other meta names, itemprop, <time datetime>; not a date: none.
        {"<meta name=\"pubdate\" content=\"2024-02-29\"><p>x</p>", "", "2024-02-29", ""},
        {"<meta itemprop=\"datePublished\" content=\"2023-05-01 08:00\"><p>x</p>", "", "2023-05-01",
         ""},
        {"<p>x <time itemprop=\"datePublished\" datetime=\"2022-12-31T23:00\">Dec 31</time></p>",
         "", "2022-12-31", ""},
        {"<p>By me, <time datetime=\"2021-07-04\">July 4</time></p>", "", "2021-07-04", ""},
        {"<meta property=\"article:published_time\" content=\"January 5, 2025\"><p>x</p>", "", "",
         ""},
        {"<meta property=\"article:published_time\" content=\"2025-02-30\">"
         "<time datetime=\"2025-03-01\"></time><p>x</p>",
         "", "2025-03-01", ""},
        // url: og:url, else the canonical link.
        {"<link rel=\"canonical\" href=\"https://a.example/x\"><p>x</p>", "", "",
         "https://a.example/x"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.html);
        const Parsed p = parse(c.html);
        CHECK(p.article.title == c.title);
        CHECK(p.article.date == c.date);
        CHECK(p.article.url == c.url);
        CHECK(p.article.paragraphs.size() == 1);
    }
}

TEST_CASE("html articles: which element holds the story") {
    struct Case {
        const char* html;
        std::vector<std::string> paragraphs;
    };
    const Case cases[] = {
        // itemprop="articleBody" wins.
        {"<p>Menu</p><div itemprop=\"articleBody\"><p>Body one.</p><p>Body two.</p></div>",
         {"Body one.", "Body two."}},
        // The <article> with the most paragraph text.
        {"<article><p>Short teaser.</p></article><article><p>The real story, longer.</p>"
         "<p>More.</p></article>",
         {"The real story, longer.", "More."}},
        // No <article>: <main>; no <main>: the body.
        {"<div><p>Cookie banner text</p></div><main><p>In main.</p></main>", {"In main."}},
        {"<div><p>One.</p></div><p>Two.</p>", {"One.", "Two."}},
        // No <p>: blocks and double line breaks split paragraphs.
        {"<article><div>First block\nstill first.</div><div>Second<br>line two<br><br>Third"
         "</div></article>",
         {"First block still first.", "Second line two", "Third"}},
        // Furniture by class or id words and by role.
        {"<p>Story.</p><div id=\"comments\"><p>A comment.</p></div><div class=\"newsletter-box"
         "\"><p>Sign up</p></div><div role=\"navigation\"><p>Links</p></div>"
         "<div class=\"adverts\"><p>Kept: adverts is not a furniture word.</p></div>",
         {"Story.", "Kept: adverts is not a furniture word."}},
        // The frame's classes describe the page, not furniture.
        {"<body class=\"nav-open has-sidebar\"><main class=\"with-menu\"><article class=\"story "
         "has-comments\"><p>Story.</p></article></main></body>",
         {"Story."}},
        // Only furniture: nothing.
        {"<nav><p>Home</p></nav><script>x()</script>", {}},
        {"", {}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.html);
        CHECK(parse(c.html).article.paragraphs == c.paragraphs);
    }
}

TEST_CASE("html articles: encodings") {
    // Windows-1252 bytes the page declares: libxml2 decodes them.
    Parsed declared = parse(
        "<meta charset=\"windows-1252\"><p>\x93Quoted\x94 for \xA3"
        "5</p>");
    CHECK(declared.article.paragraphs == std::vector<std::string>{"“Quoted” for £5"});
    CHECK_FALSE(declared.repair);
    // Undeclared: read as text files are (Windows-1252), with the repair said.
    Parsed undeclared = parse(
        "<p>\x93Quoted\x94 for \xA3"
        "5</p>");
    CHECK(undeclared.article.paragraphs == std::vector<std::string>{"“Quoted” for £5"});
    REQUIRE(undeclared.repair);
    CHECK(undeclared.repair->find("Windows-1252") != std::string::npos);
    // Valid UTF-8 is UTF-8 whatever the page declares.
    Parsed utf8 = parse("<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>");
    CHECK(utf8.article.paragraphs == std::vector<std::string>{"café"});
}

TEST_CASE("html articles: hostile pages stay bounded") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<div>";
    deep += "<p>deep</p>";
    Parsed p = parse("<p>top</p>" + deep);  // must not overflow the stack
    CHECK(p.article.paragraphs.front() == "top");
    Parsed controls =
        parse(std::string("<p>a\x01"
                          "b\x7f"
                          "c</p>"));
    // libxml2 drops the control characters XML forbids; DEL becomes a space.
    CHECK(controls.article.paragraphs == std::vector<std::string>{"ab c"});
}
