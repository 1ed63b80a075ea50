#include "corpus/html_article.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "corpus/blocks.hpp"
#include "corpus/text_decoding.hpp"

namespace graf::corpus {
namespace {

using Node = const xmlNode*;
using Doc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

// Deeper nesting than this is not an article (news pages nest < 50 deep);
// the walks below recurse, so a hostile page must not overflow the stack.
constexpr int kMaxDepth = 256;

constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_NONET | HTML_PARSE_COMPACT;

// Elements that never hold article text.
constexpr std::string_view kFurnitureTags[] = {
    "script", "style",  "noscript", "template", "nav",    "header",   "footer", "aside",
    "form",   "button", "iframe",   "svg",      "select", "textarea", "figure", "object",
    "embed",  "canvas", "audio",    "video",    "menu",   "dialog",   "head"};
constexpr std::string_view kFrameTags[] = {"html", "body", "main", "article"};
// Words of a class or id that name page furniture, not the story.
constexpr std::string_view kFurnitureWords[] = {
    "share",     "sharing",       "social",  "related",    "newsletter",  "promo",
    "advert",    "advertisement", "ad",      "ads",        "cookie",      "cookies",
    "subscribe", "comments",      "comment", "breadcrumb", "breadcrumbs", "sidebar",
    "byline",    "caption",       "popup",   "modal",      "nav",         "navigation",
    "menu",      "footer",        "header",  "masthead",   "banner"};
constexpr std::string_view kFurnitureRoles[] = {
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog"};
constexpr std::string_view kBlockTags[] = {
    "p",   "div",   "section", "article", "main", "h1", "h2",      "h3",    "h4",
    "h5",  "h6",    "li",      "ul",      "ol",   "dl", "dt",      "dd",    "blockquote",
    "pre", "table", "tr",      "td",      "th",   "hr", "address", "center"};

// Meta names (property, name or itemprop, lower case) that give the day an
// article was published, most specific first.
constexpr std::string_view kDateMetas[] = {
    "article:published_time", "datepublished", "og:published_time", "pubdate",        "publishdate",
    "publish-date",           "date",          "dc.date.issued",    "dcterms.issued", "dc.date",
    "dcterms.created",        "sailthru.date", "parsely-pub-date"};

std::string_view name_of(Node n) {
    return reinterpret_cast<const char*>(n->name);
}

bool is(Node n, std::string_view tag) {
    return n->type == XML_ELEMENT_NODE && name_of(n) == tag;
}

std::string attr(Node n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (!v) return {};
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

template <std::size_t N>
bool one_of(std::string_view s, const std::string_view (&list)[N]) {
    return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

// Whether a class or id attribute ("article-share tools") names furniture.
bool furniture_words(const std::string& value) {
    std::string word;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        const char c = i < value.size() ? value[i] : ' ';
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
            if (one_of(word, kFurnitureWords)) return true;
            word.clear();
        }
    }
    return false;
}

// An element whose text is not the story: its tag, role, class or id says
// so, or it is hidden.
bool furniture(Node n) {
    if (n->type != XML_ELEMENT_NODE) return false;
    if (one_of(name_of(n), kFurnitureTags)) return true;
    if (one_of(lower(attr(n, "role")), kFurnitureRoles)) return true;
    if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden"))) return true;
    if (lower(attr(n, "aria-hidden")) == "true") return true;
    std::string style = lower(attr(n, "style"));
    style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
    if (style.find("display:none") != std::string::npos) return true;
    // The page's frame is never furniture by its classes, which describe the
    // page (`<body class="nav-open has-sidebar">`), not the element.
    if (one_of(name_of(n), kFrameTags)) return false;
    return furniture_words(attr(n, "class")) || furniture_words(attr(n, "id"));
}

// Runs of whitespace (also no-break spaces and control characters) become
// one space; the ends are trimmed.
std::string collapse(std::string_view s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const bool nbsp =
            c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
        if (c <= 0x20 || c == 0x7F || nbsp) {
            space = true;
            i += nbsp;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += static_cast<char>(c);
    }
    return out;
}

// The text inside an element, furniture left out, <br> a space.
void append_text(Node n, std::string& out, int depth) {
    if (depth > kMaxDepth) return;
    for (Node c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) out += reinterpret_cast<const char*>(c->content);
        } else if (is(c, "br")) {
            out += ' ';
        } else if (c->type == XML_ELEMENT_NODE && !furniture(c)) {
            append_text(c, out, depth + 1);
        }
    }
}

std::string text_of(Node n) {
    std::string s;
    append_text(n, s, 0);
    return collapse(s);
}

// What the whole page says about itself, found in one walk.
struct Survey {
    std::map<std::string, std::string> metas;  // first content per meta name
    std::string canonical, title, h1;
    std::vector<Node> times;  // <time datetime> elements, in page order
};

void survey(Node n, Survey& s, int depth) {
    if (depth > kMaxDepth) return;
    for (Node c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (is(c, "meta")) {
            const std::string content = attr(c, "content");
            for (const char* key : {"property", "name", "itemprop"})
                if (std::string k = lower(attr(c, key)); !k.empty()) s.metas.emplace(k, content);
        } else if (is(c, "link") && lower(attr(c, "rel")) == "canonical" && s.canonical.empty()) {
            s.canonical = attr(c, "href");
        } else if (is(c, "title") && s.title.empty()) {
            s.title = text_of(c);
        } else if (is(c, "h1") && s.h1.empty()) {
            s.h1 = text_of(c);
        } else if (is(c, "time") && xmlHasProp(c, reinterpret_cast<const xmlChar*>("datetime"))) {
            s.times.push_back(c);
        }
        if (lower(attr(c, "itemprop")) == "datepublished" && !is(c, "meta"))
            s.metas.emplace("datepublished", attr(c, is(c, "time") ? "datetime" : "content"));
        survey(c, s, depth + 1);
    }
}

// Where the story may be: outside furniture (a related story's <article>
// inside an <aside> is not it).
struct Candidates {
    Node article_body = nullptr, main = nullptr, body = nullptr;
    std::vector<Node> articles;
};

void find_candidates(Node n, Candidates& found, int depth) {
    if (depth > kMaxDepth) return;
    for (Node c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || furniture(c)) continue;
        if (!found.article_body && lower(attr(c, "itemprop")) == "articlebody")
            found.article_body = c;
        if (is(c, "article")) found.articles.push_back(c);
        if (!found.main && (is(c, "main") || lower(attr(c, "role")) == "main")) found.main = c;
        if (!found.body && is(c, "body")) found.body = c;
        find_candidates(c, found, depth + 1);
    }
}

void collect_paragraphs(Node n, std::vector<std::string>& out, int depth) {
    if (depth > kMaxDepth) return;
    for (Node c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || furniture(c)) continue;
        if (is(c, "p")) {
            if (std::string t = text_of(c); !t.empty()) out.push_back(std::move(t));
        } else {
            collect_paragraphs(c, out, depth + 1);
        }
    }
}

// For a page without <p>: text with a blank line at each block element and
// a line break at each <br>, to be split into blocks.
void block_text(Node n, std::string& out, int depth) {
    if (depth > kMaxDepth) return;
    for (Node c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            std::string t = c->content ? reinterpret_cast<const char*>(c->content) : "";
            std::replace(t.begin(), t.end(), '\n', ' ');  // source line breaks are spaces
            out += t;
        } else if (is(c, "br")) {
            out += '\n';
        } else if (c->type == XML_ELEMENT_NODE && !furniture(c)) {
            const bool block = one_of(name_of(c), kBlockTags);
            if (block) out += "\n\n";
            block_text(c, out, depth + 1);
            if (block) out += "\n\n";
        }
    }
}

std::vector<std::string> paragraphs_of(Node root) {
    std::vector<std::string> paragraphs;
    collect_paragraphs(root, paragraphs, 0);
    if (!paragraphs.empty()) return paragraphs;
    std::string text;
    block_text(root, text, 0);
    for (Block& b : split_blocks(text))
        if (std::string t = collapse(b.text); !t.empty()) paragraphs.push_back(std::move(t));
    return paragraphs;
}

std::size_t total_bytes(const std::vector<std::string>& paragraphs) {
    std::size_t n = 0;
    for (const std::string& p : paragraphs) n += p.size();
    return n;
}

// The story's paragraphs: see the header for which element holds them.
std::vector<std::string> story(Node root) {
    Candidates found;
    find_candidates(root, found, 0);
    if (found.article_body) return paragraphs_of(found.article_body);
    std::vector<std::string> best;
    for (Node a : found.articles)
        if (std::vector<std::string> p = paragraphs_of(a); total_bytes(p) > total_bytes(best))
            best = std::move(p);
    if (!best.empty()) return best;
    if (found.main) return paragraphs_of(found.main);
    return paragraphs_of(found.body ? found.body : root);
}

std::string first_meta(const Survey& s, std::initializer_list<std::string_view> names) {
    for (std::string_view name : names)
        if (auto it = s.metas.find(std::string(name)); it != s.metas.end())
            if (std::string v = collapse(it->second); !v.empty()) return v;
    return {};
}

std::string date_of(const Survey& s) {
    for (std::string_view name : kDateMetas)
        if (auto it = s.metas.find(std::string(name)); it != s.metas.end())
            if (auto day = day_of(collapse(it->second))) return *day;
    for (Node t : s.times)
        if (auto day = day_of(collapse(attr(t, "datetime")))) return *day;
    return {};
}

Doc parse(std::string_view bytes, const char* encoding) {
    return Doc(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding,
                              kParseOptions),
               xmlFreeDoc);
}

}  // namespace

std::optional<std::string> parse_html_article(std::string_view bytes, Article& article) {
    static std::once_flag init;
    std::call_once(init, xmlInitParser);  // libxml2 must be set up before threads use it
    DecodedText decoded = decode_to_utf8(bytes);
    std::optional<std::string> repair;
    Doc doc(nullptr, xmlFreeDoc);
    if (!decoded.repair) {
        doc = parse(decoded.text, "UTF-8");
    } else {
        doc = parse(bytes, nullptr);  // in the encoding its <meta charset> declares
        if (!doc || !doc->encoding) {
            doc = parse(decoded.text, "UTF-8");
            repair = decoded.repair;
        }
    }
    Node root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root) return repair;
    Survey s;
    survey(reinterpret_cast<Node>(doc.get()), s, 0);
    article.title = first_meta(s, {"og:title", "twitter:title"});
    if (article.title.empty()) article.title = s.h1.empty() ? s.title : s.h1;
    article.date = date_of(s);
    article.url = first_meta(s, {"og:url"});
    if (article.url.empty()) article.url = collapse(s.canonical);
    article.paragraphs = story(root);
    return repair;
}

}  // namespace graf::corpus
