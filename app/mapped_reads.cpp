#include "app/mapped_reads.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <cstring>

namespace graf::app {
namespace {

std::atomic<bool> g_enabled{true};

// A shared, read-only map of the whole file, or nullptr.
const char* map_file(int fd, std::size_t size) {
    if (size == 0) return nullptr;
    void* base = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    return base == MAP_FAILED ? nullptr : static_cast<const char*>(base);
}

std::size_t file_size(int fd) {
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
    return static_cast<std::size_t>(st.st_size);
}

}  // namespace

MappedFiles::~MappedFiles() {
    for (int fd = 0; fd < kMaxFd; ++fd) closing(fd);
}

bool MappedFiles::wanted(std::string_view path, int flags) {
    constexpr std::string_view kTable = ".glass";  // Xapian's glass table files
    return (flags & O_ACCMODE) == O_RDONLY && path.size() > kTable.size() &&
           path.substr(path.size() - kTable.size()) == kTable;
}

void MappedFiles::set_enabled(bool enabled) {
    g_enabled.store(enabled);
}

bool MappedFiles::enabled() {
    return g_enabled.load();
}

bool MappedFiles::takes_mode(int flags) {
    return (flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE;
}

void MappedFiles::opened(int fd, std::string_view path, int flags) {
    if (fd < 0 || fd >= kMaxFd || !enabled() || !wanted(path, flags)) return;
    const std::size_t size = file_size(fd);
    if (const char* base = map_file(fd, size)) maps_[fd].store(new Map{base, size});
}

void MappedFiles::closing(int fd) {
    if (fd < 0 || fd >= kMaxFd) return;
    if (Map* m = maps_[fd].exchange(nullptr)) {
        ::munmap(const_cast<char*>(m->base), m->size);
        delete m;
    }
}

MappedFiles::Map* MappedFiles::map_of(int fd) const {
    return fd >= 0 && fd < kMaxFd ? maps_[fd].load() : nullptr;
}

// A writer (another process) extends the tables of an index being
// searched; its new blocks are mapped once a read asks for them. Tables
// never shrink in place: a compaction or rebuild writes new files.
bool MappedFiles::grow(int fd, std::size_t end) {
    std::lock_guard<std::mutex> lock(growing_);
    Map* old = map_of(fd);
    const std::size_t size = file_size(fd);
    if (old == nullptr || size < end) return false;
    const char* base = map_file(fd, size);
    if (base == nullptr) return false;
    maps_[fd].store(new Map{base, size});
    ::munmap(const_cast<char*>(old->base), old->size);
    delete old;
    return true;
}

std::optional<ssize_t> MappedFiles::read(int fd, void* buffer, std::size_t size, off_t offset) {
    const Map* m = map_of(fd);
    if (m == nullptr || offset < 0) return std::nullopt;
    const auto begin = static_cast<std::size_t>(offset);
    if (begin > SIZE_MAX - size) return std::nullopt;
    if (begin + size > m->size) {
        if (!grow(fd, begin + size)) return std::nullopt;
        m = map_of(fd);
    }
    std::memcpy(buffer, m->base + begin, size);
    return static_cast<ssize_t>(size);
}

}  // namespace graf::app
