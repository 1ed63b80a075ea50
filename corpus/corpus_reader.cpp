#include "corpus/corpus_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <system_error>

#include <fmt/format.h>

#include "corpus/blocks.hpp"
#include "corpus/feed.hpp"
#include "corpus/html_article.hpp"
#include "corpus/text_article.hpp"
#include "corpus/text_decoding.hpp"

namespace graf::corpus {
namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The format of a file and the length of its extension, from its name.
std::optional<std::pair<Format, std::size_t>> format_of(const fs::path& p) {
    std::string name = p.filename().string();
    if (ends_with(name, ".txt")) return std::pair{Format::Text, std::size_t{4}};
    if (ends_with(name, ".md")) return std::pair{Format::Text, std::size_t{3}};
    for (std::string_view ext : {".html", ".htm"})
        if (ends_with(name, ext)) return std::pair{Format::Html, ext.size()};
    for (std::string_view ext : {".jsonl", ".jsonl.gz", ".jsonl.xz", ".jsonl.zst", ".ndjson"})
        if (ends_with(name, ext)) return std::pair{Format::JsonLines, ext.size()};
    for (std::string_view ext : {".csv", ".csv.gz", ".csv.xz", ".csv.zst"})
        if (ends_with(name, ext)) return std::pair{Format::Csv, ext.size()};
    return std::nullopt;
}

// What graf reads, for messages about what it does not.
constexpr std::string_view kKnownTypes =
    ".txt, .md, .html, .htm, .jsonl and .csv (also .jsonl.gz, .jsonl.xz, .jsonl.zst and the same "
    "for .csv)";

bool one_article_per_file(Format f) {
    return f == Format::Text || f == Format::Html;
}

std::string strip_extension(std::string s, std::size_t ext_len) {
    s.resize(s.size() - ext_len);
    return s;
}

// Files inside a folder that graf does not read: one warning naming the
// first few, so nothing is left out silently.
Problem unknown_files(const fs::path& folder, std::vector<std::string> names) {
    constexpr std::size_t kNamed = 5;
    std::sort(names.begin(), names.end());
    std::string list;
    for (std::size_t i = 0; i < names.size() && i < kNamed; ++i) list += (i ? ", " : "") + names[i];
    if (names.size() > kNamed) list += fmt::format(" and {} more", names.size() - kNamed);
    const bool json = std::any_of(names.begin(), names.end(),
                                  [](const std::string& n) { return ends_with(n, ".json"); });
    return {Problem::Kind::Warning, folder.string(),
            fmt::format("{} file{} of unknown type not read: {} (graf reads {}{})", names.size(),
                        names.size() == 1 ? "" : "s", list, kKnownTypes,
                        json ? "; a .json array converts to JSON Lines with "
                               "`jq -c '.[]' FILE.json > FILE.jsonl`"
                             : "")};
}

std::string absolute_path(const fs::path& p) {
    std::error_code ec;
    fs::path a = fs::absolute(p, ec);
    return (ec ? p : a).lexically_normal().string();
}

}  // namespace

std::string source_name_problem(std::string_view name) {
    if (name.empty()) return "must not be empty";
    if (name.size() > kMaxSourceNameBytes)
        return fmt::format("must be at most {} bytes", kMaxSourceNameBytes);
    for (char c : name)
        if (c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
            return "must not contain spaces or ':' (it is written before the ':' of article ids)";
    return {};
}

std::string default_source_name(const fs::path& input) {
    if (input == kStdinInput) return std::string(kStdinSource);
    fs::path p = fs::path(absolute_path(input));
    if (p.filename().empty()) p = p.parent_path();  // "bbc/" → "bbc"
    std::error_code ec;
    std::string name;
    if (fs::is_directory(p, ec)) {
        name = p.filename().string();
    } else if (auto f = format_of(p); f && one_article_per_file(f->first)) {
        name = p.parent_path().filename().string();
    } else {
        name = p.filename().string();
        if (f) name = strip_extension(name, f->second);
    }
    for (char& c : name)
        if (c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r') c = '-';
    if (name.size() > kMaxSourceNameBytes) {
        name.resize(kMaxSourceNameBytes);
        while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80)
            name.pop_back();  // no half character at the cut
        if (!name.empty() && static_cast<unsigned char>(name.back()) >= 0xC0) name.pop_back();
    }
    return name.empty() ? "corpus" : name;
}

std::string source_root(const fs::path& input) {
    if (input == kStdinInput) return {};
    fs::path p = fs::path(absolute_path(input));
    if (p.filename().empty()) p = p.parent_path();  // "bbc/" → "bbc"
    std::error_code ec;
    if (!fs::is_directory(p, ec))
        if (auto f = format_of(p); f && one_article_per_file(f->first)) p = p.parent_path();
    return p.string();
}

std::vector<InputFile> list_inputs(const std::vector<fs::path>& inputs, const ProblemSink& problems,
                                   std::string_view source) {
    if (std::count(inputs.begin(), inputs.end(), fs::path(kStdinInput)) > 1)
        throw CorpusError("- (standard input) can be given once; nothing was indexed");
    for (const fs::path& in : inputs) {
        std::error_code ec;
        if (in != kStdinInput && !fs::exists(in, ec))
            throw CorpusError(in.string() + ": no such file or folder; nothing was indexed");
    }
    std::vector<InputFile> files;
    for (std::size_t input = 0; input < inputs.size(); ++input) {
        const fs::path& in = inputs[input];
        const std::string name = source.empty() ? default_source_name(in) : std::string(source);
        const std::size_t first = files.size();
        std::error_code ec;
        if (in == kStdinInput) {
            // Read as a stream: no size, nothing to stat; stored as "stdin:LINE".
            files.push_back({kStdinPath,
                             std::string(kStdinSource),
                             Format::JsonLines,
                             0,
                             {},
                             0,
                             std::string(kStdinSource)});
        } else if (fs::is_directory(in, ec)) {
            std::vector<InputFile> found;
            // Directory symlinks are not followed: a link back to a parent would loop.
            fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied,
                                                ec);
            if (ec)
                problems(
                    {Problem::Kind::Skipped, in.string(), "cannot list folder: " + ec.message()});
            std::vector<std::string> unknown;
            for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                std::error_code fec;
                if (!it->is_regular_file(fec)) continue;
                auto fmt = format_of(it->path());
                if (!fmt) {
                    unknown.push_back(it->path().lexically_relative(in).generic_string());
                    continue;
                }
                std::string rel = it->path().lexically_relative(in).generic_string();
                found.push_back({it->path(),
                                 strip_extension(rel, fmt->second),
                                 fmt->first,
                                 it->file_size(fec),
                                 {},
                                 0,
                                 {}});
            }
            if (ec)
                problems({Problem::Kind::Warning, in.string(),
                          "folder walk stopped early: " + ec.message()});
            if (!unknown.empty()) problems(unknown_files(in, std::move(unknown)));
            std::sort(found.begin(), found.end(),
                      [](const InputFile& a, const InputFile& b) { return a.id_base < b.id_base; });
            files.insert(files.end(), std::make_move_iterator(found.begin()),
                         std::make_move_iterator(found.end()));
        } else if (auto fmt = format_of(in)) {
            files.push_back({in,
                             strip_extension(in.filename().string(), fmt->second),
                             fmt->first,
                             fs::file_size(in, ec),
                             {},
                             0,
                             {}});
        } else {
            problems({Problem::Kind::Skipped, in.string(),
                      fmt::format("unsupported file type: graf reads {}", kKnownTypes) +
                          (ends_with(in.string(), ".json")
                               ? "; a .json array converts to JSON Lines with `jq -c '.[]' "
                                 "FILE.json > FILE.jsonl`"
                               : "")});
        }
        for (std::size_t i = first; i < files.size(); ++i) {
            files[i].source_name = name;
            files[i].input = input;
            if (files[i].absolute.empty()) files[i].absolute = absolute_path(files[i].path);
        }
    }
    return files;
}

std::unique_ptr<Feed> open_feed(const InputFile& f, const ReadOptions& options) {
    if (f.format == Format::Csv) return open_csv(f, options.csv_columns);
    return open_json_lines(f);
}

std::optional<std::string> utf16_feed(std::string_view first_bytes, const InputFile& f) {
    if (first_bytes.substr(0, 2) != "\xFF\xFE" && first_bytes.substr(0, 2) != "\xFE\xFF")
        return std::nullopt;
    const std::string name = f.path.filename().string();
    return "UTF-16 text (it starts with a byte order mark); graf reads feeds as UTF-8: " +
           (f.path == kStdinPath
                ? std::string("pipe it through `iconv -f UTF-16 -t UTF-8` first")
                : fmt::format("convert it with `iconv -f UTF-16 -t UTF-8 {} > utf8-{}`", name,
                              name));
}

void set_input(const InputFile& f, std::string location, Article& article) {
    article.source_name = f.source_name;
    article.input = f.input;
    article.location = std::move(location);
}

CorpusReader::CorpusReader(std::vector<InputFile> files, ProblemSink problems, ReadOptions options)
    : files_(std::move(files)), problems_(std::move(problems)), options_(std::move(options)) {
    for (InputFile& f : files_) {
        total_bytes_ += f.size;
        if (f.path == kStdinPath) f.format = options_.stdin_format;  // `-`: no name to tell
    }
}

CorpusReader::~CorpusReader() = default;

std::uint64_t CorpusReader::bytes_done() const {
    return finished_bytes_ + (feed_ ? std::min(feed_->bytes_read(), feed_->file().size) : 0);
}

bool CorpusReader::next(Article& article) {
    if (!next_unsplit(article)) return false;
    if (std::size_t n = split_long_paragraphs(article.paragraphs))
        problems_({Problem::Kind::Warning, article.origin,
                   fmt::format("{} paragraph{} longer than {} KB split into pieces (a page without "
                               "blank lines?)",
                               n, n == 1 ? "" : "s", kMaxParagraphBytes / 1024)});
    return true;
}

bool CorpusReader::next_unsplit(Article& article) {
    for (;;) {
        if (feed_) {
            if (feed_->next(article, problems_)) return true;
            finished_bytes_ += feed_->file().size;
            feed_.reset();
        }
        if (next_file_ >= files_.size()) return false;
        const InputFile& f = files_[next_file_++];
        if (!one_article_per_file(f.format)) {
            try {
                feed_ = open_feed(f, options_);
            } catch (const std::exception& e) {
                problems_({Problem::Kind::Skipped, f.path.string(),
                           std::string("cannot read: ") + e.what()});
                finished_bytes_ += f.size;
            }
            continue;
        }
        bool ok = next_file(f, article);
        finished_bytes_ += f.size;
        if (ok) return true;
    }
}

// A .txt, .md or .html file: one article.
bool CorpusReader::next_file(const InputFile& f, Article& article) {
    const std::string where = f.path.string();
    auto skip = [&](std::string what) {
        problems_({Problem::Kind::Skipped, where, std::move(what)});
        return false;
    };
    if (f.size > kMaxTextFileBytes)
        return skip(
            "file is larger than 256 MiB; not a news article (split it or convert it to JSON "
            "Lines)");
    std::ifstream in(f.path, std::ios::binary);
    if (!in)
        return skip("cannot read: " + std::error_code(errno, std::generic_category()).message());
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return skip("read error");
    if (auto utf16 = decode_utf16_bom(bytes)) bytes = std::move(*utf16);  // before the NUL check
    if (looks_binary(bytes)) return skip("binary file (NUL bytes), not text");
    article = Article{};
    article.id = f.id_base;
    article.origin = where;
    set_input(f, f.absolute, article);
    article.bytes = bytes.size();
    if (f.format == Format::Html) {
        if (auto repair = parse_html_article(bytes, article))
            problems_({Problem::Kind::Warning, where, *repair});
    } else {
        DecodedText decoded = decode_to_utf8(bytes);
        if (decoded.repair) problems_({Problem::Kind::Warning, where, *decoded.repair});
        clean_controls(decoded.text);
        parse_text_article(decoded.text, article);
    }
    if (article.source.empty()) article.source = article.source_name;
    if (article.paragraphs.empty() && f.format == Format::Html)
        return skip(
            "no article text found (no paragraphs outside scripts, navigation and page "
            "furniture)");
    if (article.paragraphs.empty())
        return skip(article.title.empty() ? "empty file" : "no paragraphs below the title");
    return true;
}

}  // namespace graf::corpus
