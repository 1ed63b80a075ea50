#include <doctest/doctest.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "corpus/line_reader.hpp"

using graf::corpus::LineReader;
namespace fs = std::filesystem;

namespace {

const std::string kText = "first line\nsecond line\n\nlast line without newline";

fs::path temp_file(const std::string& name, const std::string& bytes) {
    fs::path p =
        fs::temp_directory_path() / ("graf-test-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
}

std::string gzip(const std::string& in) {
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);  // +16: gzip header
    std::string out(deflateBound(&z, in.size()) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

std::string xz(const std::string& in) {
    std::string out(lzma_stream_buffer_bound(in.size()), '\0');
    size_t pos = 0;
    lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, nullptr,
                            reinterpret_cast<const uint8_t*>(in.data()), in.size(),
                            reinterpret_cast<uint8_t*>(out.data()), &pos, out.size());
    out.resize(pos);
    return out;
}

std::string zstd(const std::string& in) {
    std::string out(ZSTD_compressBound(in.size()), '\0');
    out.resize(ZSTD_compress(out.data(), out.size(), in.data(), in.size(), 3));
    return out;
}

std::vector<std::string> read_all(const fs::path& p) {
    LineReader r(p);
    std::vector<std::string> lines;
    std::string line;
    while (r.next(line) == LineReader::Status::Line) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("line reader: plain and compressed files give the same lines") {
    const std::vector<std::string> expected = {"first line", "second line", "",
                                               "last line without newline"};
    struct Case {
        const char* name;
        std::string bytes;
    };
    const Case cases[] = {{"a.jsonl", kText},
                          {"a.jsonl.gz", gzip(kText)},
                          {"two-members.jsonl.gz",
                           gzip("first line\nsecond line\n") + gzip("\nlast line without newline")},
                          {"a.jsonl.xz", xz(kText)},
                          {"a.jsonl.zst", zstd(kText)}};
    for (const Case& c : cases) {
        CAPTURE(c.name);
        fs::path p = temp_file(c.name, c.bytes);
        CHECK(read_all(p) == expected);
        fs::remove(p);
    }
}

TEST_CASE("line reader: damaged compressed data is an error naming the file") {
    for (auto [name, bytes] :
         {std::pair{"t.jsonl.gz", gzip(kText)}, std::pair{"t.jsonl.xz", xz(kText)},
          std::pair{"t.jsonl.zst", zstd(kText)}}) {
        CAPTURE(name);
        fs::path p = temp_file(name, bytes.substr(0, bytes.size() / 2));
        CHECK_THROWS_WITH_AS(read_all(p), doctest::Contains(p.string().c_str()),
                             std::runtime_error);
        fs::remove(p);
    }
    CHECK_THROWS_AS(LineReader("/nonexistent/file.jsonl"), std::runtime_error);
}
