#include "corpus/corpus_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <system_error>

#include <fmt/format.h>

#include "corpus/blocks.hpp"
#include "corpus/json_article.hpp"
#include "corpus/line_reader.hpp"
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
    for (std::string_view ext : {".jsonl", ".jsonl.gz", ".jsonl.xz", ".jsonl.zst", ".ndjson"})
        if (ends_with(name, ext)) return std::pair{Format::JsonLines, ext.size()};
    return std::nullopt;
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
            fmt::format("{} file{} of unknown type not read: {} (graf reads .txt, .md and "
                        ".jsonl, also .jsonl.gz, .jsonl.xz, .jsonl.zst{})",
                        names.size(), names.size() == 1 ? "" : "s", list,
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
    fs::path p = fs::path(absolute_path(input));
    if (p.filename().empty()) p = p.parent_path();  // "bbc/" → "bbc"
    std::error_code ec;
    std::string name;
    if (fs::is_directory(p, ec)) {
        name = p.filename().string();
    } else if (auto f = format_of(p); f && f->first == Format::Text) {
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

std::vector<InputFile> list_inputs(const std::vector<fs::path>& inputs, const ProblemSink& problems,
                                   std::string_view source) {
    for (const fs::path& in : inputs) {
        std::error_code ec;
        if (!fs::exists(in, ec))
            throw CorpusError(in.string() + ": no such file or folder; nothing was indexed");
    }
    std::vector<InputFile> files;
    for (std::size_t input = 0; input < inputs.size(); ++input) {
        const fs::path& in = inputs[input];
        const std::string name = source.empty() ? default_source_name(in) : std::string(source);
        const std::size_t first = files.size();
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
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
                      std::string("unsupported file type: graf reads .txt, .md and .jsonl (also "
                                  ".jsonl.gz, .jsonl.xz, .jsonl.zst)") +
                          (ends_with(in.string(), ".json")
                               ? "; a .json array converts to JSON Lines with `jq -c '.[]' "
                                 "FILE.json > FILE.jsonl`"
                               : "")});
        }
        for (std::size_t i = first; i < files.size(); ++i) {
            files[i].source_name = name;
            files[i].input = input;
            files[i].absolute = absolute_path(files[i].path);
        }
    }
    return files;
}

// The JSON Lines file being read, between calls to next().
class CorpusReader::JsonLinesFile {
  public:
    JsonLinesFile(const InputFile& f) : file(f), reader(f.path) {}
    const InputFile& file;
    LineReader reader;
    std::string line;
};

CorpusReader::CorpusReader(std::vector<InputFile> files, ProblemSink problems)
    : files_(std::move(files)), problems_(std::move(problems)) {
    for (const InputFile& f : files_) total_bytes_ += f.size;
}

CorpusReader::~CorpusReader() = default;

std::uint64_t CorpusReader::bytes_done() const {
    return finished_bytes_ + (json_ ? std::min(json_->reader.bytes_read(), json_->file.size) : 0);
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
        if (json_) {
            if (next_json_line(article)) return true;
            finished_bytes_ += json_->file.size;
            json_.reset();
        }
        if (next_file_ >= files_.size()) return false;
        const InputFile& f = files_[next_file_++];
        if (f.format == Format::JsonLines) {
            try {
                json_ = std::make_unique<JsonLinesFile>(f);
            } catch (const std::exception& e) {
                problems_({Problem::Kind::Skipped, f.path.string(),
                           std::string("cannot read: ") + e.what()});
                finished_bytes_ += f.size;
            }
            continue;
        }
        bool ok = next_text(f, article);
        finished_bytes_ += f.size;
        if (ok) return true;
    }
}

void CorpusReader::set_input(const InputFile& f, std::string location, Article& article) {
    article.source_name = f.source_name;
    article.input = f.input;
    article.location = std::move(location);
}

bool CorpusReader::next_text(const InputFile& f, Article& article) {
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
    DecodedText decoded = decode_to_utf8(bytes);
    if (decoded.repair) problems_({Problem::Kind::Warning, where, *decoded.repair});
    clean_controls(decoded.text);
    article = Article{};
    article.id = f.id_base;
    article.origin = where;
    set_input(f, f.absolute, article);
    article.bytes = bytes.size();
    parse_text_article(decoded.text, article);
    if (article.source.empty()) article.source = article.source_name;
    if (article.paragraphs.empty())
        return skip(article.title.empty() ? "empty file" : "no paragraphs below the title");
    return true;
}

bool CorpusReader::next_json_line(Article& article) {
    JsonLinesFile& j = *json_;
    for (;;) {
        LineReader::Status status;
        try {
            status = j.reader.next(j.line);
        } catch (const std::exception& e) {
            problems_({Problem::Kind::Skipped,
                       j.file.path.string() + ":" + std::to_string(j.reader.line_number() + 1),
                       std::string("stopped reading: ") + e.what()});
            return false;
        }
        if (status == LineReader::Status::End) return false;
        std::string where = j.file.path.string() + ":" + std::to_string(j.reader.line_number());
        if (status == LineReader::Status::TooLong) {
            problems_({Problem::Kind::Skipped, where, "line longer than 64 MiB"});
            continue;
        }
        if (j.line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank line
        article = Article{};
        article.origin = where;
        set_input(j.file, j.file.absolute + ":" + std::to_string(j.reader.line_number()), article);
        article.bytes = j.line.size() + 1;
        std::string warning;
        if (auto error = parse_json_article(j.line, article, warning)) {
            problems_({Problem::Kind::Skipped, where, *error});
            continue;
        }
        if (!warning.empty()) problems_({Problem::Kind::Warning, where, warning});
        if (article.id.empty())
            article.id = j.file.id_base + ":" + std::to_string(j.reader.line_number());
        if (article.source.empty()) article.source = article.source_name;
        if (article.paragraphs.empty()) {
            problems_(
                {Problem::Kind::Skipped, where, "article \"" + article.id + "\" has no body text"});
            continue;
        }
        return true;
    }
}

}  // namespace graf::corpus
