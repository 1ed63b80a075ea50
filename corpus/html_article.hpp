#pragma once
// A news page saved or scraped as HTML (*.html, *.htm), read with libxml2's
// HTML parser: the article's paragraphs without scripts, navigation and other
// page furniture; title, date and url from the page's metadata.
#include <optional>
#include <string>
#include <string_view>

#include "corpus/article.hpp"

namespace graf::corpus {

/// Fills title, date, url and paragraphs of `article` from the bytes of an
/// HTML file. Valid UTF-8 is read as UTF-8; other bytes in the encoding the
/// page declares (<meta charset>), else as decode_to_utf8 reads them. Returns
/// the repair made when the bytes were neither (for a warning).
///
/// - body: the `<p>` elements of the article — the element marked
///   itemprop="articleBody", else the `<article>` with the most paragraph
///   text, else `<main>`, else `<body>`; a page without `<p>` is split at its
///   block elements and `<br>`s instead. Left out: script, style, nav,
///   header, footer, aside, form, figure and the like, elements that are
///   hidden or have a navigation/banner role, and those whose class or id
///   names page furniture (share, related, newsletter, comments, …).
/// - title: og:title, else the first `<h1>`, else `<title>`.
/// - date: article:published_time (and the usual other meta names), else the
///   first `<time datetime>`; the day of a timestamp.
/// - url: og:url, else `<link rel="canonical">`.
std::optional<std::string> parse_html_article(std::string_view bytes, Article& article);

}  // namespace graf::corpus
