#pragma once
// Block reads of a searched index served from memory maps instead of pread.
//
// Xapian's glass backend reads every B-tree block with a pread(2) of 32 KB.
// On the machines graf is measured on a system call is expensive: with the
// index in the page cache, half of a name search was pread (the syscall,
// and copying the block out of the page cache), 53 calls a search.
// A shared, read-only map of the same file reads the same page cache, so a
// block is the same bytes whichever way it is read; copying it out of the
// map costs no system call (make bench, Reuters: name p50 -45%, phrase
// -42%, all -40%; ARCHITECTURE.md, "Reading blocks").
//
// MappedFiles is the bookkeeping, testable on its own; mapped_read_hooks.cpp
// puts it between libxapian and libc in the `graf` executable only.
#include <sys/types.h>

#include <array>
#include <atomic>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string_view>

namespace graf::app {

class MappedFiles {
  public:
    MappedFiles() = default;
    ~MappedFiles();
    MappedFiles(const MappedFiles&) = delete;
    MappedFiles& operator=(const MappedFiles&) = delete;

    /// Whether a file opened so is one whose reads are served from a map: a
    /// Xapian table (`*.glass`) opened read-only, as a reader opens it. A
    /// writer's tables (read-write) keep pread.
    static bool wanted(std::string_view path, int flags);
    /// Whether open(2) with `flags` takes a third argument, the mode.
    static bool takes_mode(int flags);

    /// Whether files opened from now on are mapped (yes until set_enabled(
    /// false)). `graf index` and `graf compact` read whole databases once,
    /// to copy them: maps would save them nothing, and the pages they touch
    /// would count in their resident memory (peak RSS 112 -> 320 MB for a
    /// Reuters build, all of it page cache).
    static void set_enabled(bool enabled);
    static bool enabled();

    /// Maps `fd`, just opened on `path` with `flags`, when wanted(). A file
    /// that cannot be mapped (empty, another file system) keeps pread.
    void opened(int fd, std::string_view path, int flags);
    /// Forgets and unmaps `fd` (before it is closed: its number is reused).
    void closing(int fd);
    /// pread(fd, buffer, size, offset) from the map, or nothing when the fd
    /// is not mapped or the range lies past what is mapped and the file has
    /// not grown to hold it (then pread answers, as it would have).
    std::optional<ssize_t> read(int fd, void* buffer, std::size_t size, off_t offset);

  private:
    struct Map {
        const char* base;
        std::size_t size;
    };
    static constexpr int kMaxFd = 4096;  ///< higher descriptors keep pread
    Map* map_of(int fd) const;
    bool grow(int fd, std::size_t end);

    std::array<std::atomic<Map*>, kMaxFd> maps_{};
    std::mutex growing_;
};

}  // namespace graf::app
