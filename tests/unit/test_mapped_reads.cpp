// Block reads served from maps (app/mapped_reads.hpp): which files are
// mapped, and that a mapped read returns what pread returns, including
// after the file grows and never after it is closed.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/mapped_reads.hpp"

using graf::app::MappedFiles;
namespace fs = std::filesystem;

namespace {

// A file of `size` bytes, byte i = i * 7 mod 251 (no block repeats another).
std::string pattern(std::size_t from, std::size_t size) {
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((from + i) * 7 % 251);
    return bytes;
}

struct TempFile {
    fs::path path;
    explicit TempFile(const std::string& name)
        : path(fs::temp_directory_path() / (std::to_string(getpid()) + "-" + name)) {}
    ~TempFile() { fs::remove(path); }
    void append(const std::string& bytes) const {
        std::ofstream(path, std::ios::binary | std::ios::app) << bytes;
    }
};

std::string pread_string(int fd, std::size_t size, off_t offset) {
    std::string out(size, '\0');
    const ssize_t n = ::pread(fd, out.data(), size, offset);
    out.resize(n < 0 ? 0 : static_cast<std::size_t>(n));
    return out;
}

std::optional<std::string> mapped_string(MappedFiles& files, int fd, std::size_t size,
                                         off_t offset) {
    std::string out(size, '\0');
    const auto n = files.read(fd, out.data(), size, offset);
    if (!n) return std::nullopt;
    out.resize(static_cast<std::size_t>(*n));
    return out;
}

}  // namespace

TEST_CASE("mapped reads: a Xapian table opened read-only is mapped, nothing else") {
    struct Row {
        const char* path;
        int flags;
        bool mapped;
    };
    const std::vector<Row> rows = {
        {"idx/postlist.glass", O_RDONLY, true},
        {"idx/shard-00/termlist.glass", O_RDONLY | O_CLOEXEC, true},
        {"idx/postlist.glass", O_RDWR, false},  // a writer's table
        {"idx/postlist.glass", O_WRONLY | O_CREAT, false},
        {"idx/iamglass", O_RDONLY, false},  // the version file
        {"idx/postlist.glass.tmp", O_RDONLY, false},
        {".glass", O_RDONLY, false},
        {"corpus/story.txt", O_RDONLY, false},
    };
    for (const Row& r : rows) {
        CAPTURE(r.path);
        CHECK(MappedFiles::wanted(r.path, r.flags) == r.mapped);
    }
}

TEST_CASE("mapped reads: the bytes pread reads, then the file's new blocks, then nothing") {
    TempFile table("mapped.glass");
    const std::size_t block = 32768;
    table.append(pattern(0, 3 * block));
    MappedFiles files;
    const int fd = ::open(table.path.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    files.opened(fd, table.path.string(), O_RDONLY);

    for (off_t offset : {off_t(0), off_t(block), off_t(2 * block), off_t(100)}) {
        CAPTURE(offset);
        CHECK(mapped_string(files, fd, block / 2, offset) == pread_string(fd, block / 2, offset));
    }
    // Past the end: pread answers (a short read), as without maps.
    CHECK_FALSE(mapped_string(files, fd, block, off_t(3 * block)).has_value());
    CHECK_FALSE(mapped_string(files, fd, 16, off_t(-1)).has_value());

    // A writer appends a block: the map grows to serve it.
    table.append(pattern(3 * block, block));
    const auto grown = mapped_string(files, fd, block, off_t(3 * block));
    REQUIRE(grown.has_value());
    CHECK(*grown == pattern(3 * block, block));
    CHECK(mapped_string(files, fd, 64, 0) == pattern(0, 64));

    files.closing(fd);
    CHECK_FALSE(mapped_string(files, fd, 64, 0).has_value());
    ::close(fd);
}

TEST_CASE("mapped reads: a table opened for writing, or empty, keeps pread") {
    TempFile table("written.glass");
    table.append(pattern(0, 4096));
    MappedFiles files;
    const int rw = ::open(table.path.c_str(), O_RDWR);
    REQUIRE(rw >= 0);
    files.opened(rw, table.path.string(), O_RDWR);
    CHECK_FALSE(mapped_string(files, rw, 64, 0).has_value());
    ::close(rw);

    TempFile empty("empty.glass");
    empty.append("");
    const int fd = ::open(empty.path.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    files.opened(fd, empty.path.string(), O_RDONLY);
    empty.append(pattern(0, 4096));
    CHECK_FALSE(mapped_string(files, fd, 64, 0).has_value());  // nothing was mapped to grow
    files.closing(fd);
    ::close(fd);
}

TEST_CASE("mapped reads: files opened while maps are off keep pread (graf index, graf compact)") {
    TempFile table("off.glass");
    table.append(pattern(0, 4096));
    MappedFiles files;
    MappedFiles::set_enabled(false);
    const int off = ::open(table.path.c_str(), O_RDONLY);
    REQUIRE(off >= 0);
    files.opened(off, table.path.string(), O_RDONLY);
    MappedFiles::set_enabled(true);
    const int on = ::open(table.path.c_str(), O_RDONLY);
    REQUIRE(on >= 0);
    files.opened(on, table.path.string(), O_RDONLY);
    CHECK_FALSE(mapped_string(files, off, 64, 0).has_value());
    CHECK(mapped_string(files, on, 64, 0) == pattern(0, 64));
    files.closing(on);
    ::close(on);
    ::close(off);
}
