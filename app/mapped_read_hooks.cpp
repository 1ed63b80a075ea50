// The `graf` executable's open, close and pread: a definition in the
// executable comes before libc's for every library, so libxapian's block
// reads of a searched index come here (app/mapped_reads.hpp says why). Each
// call goes on to the real function, found with dlsym(RTLD_NEXT); only a
// read MappedFiles can answer from its map stops here. GRAF_MAPPED_READS=0
// in the environment leaves every call to libc (to compare, or to rule
// this out). No libc header declares these here: with _FORTIFY_SOURCE they
// are inline wrappers that a definition would clash with.
#include <dlfcn.h>
#include <sys/types.h>

#include <cstdarg>
#include <cstdlib>
#include <cstring>

#include "app/mapped_reads.hpp"

namespace {

using graf::app::MappedFiles;

// Never destroyed: libraries close files during exit, after static
// destructors have run.
MappedFiles* mapped_files() {
    static MappedFiles* files = [] {
        const char* off = std::getenv("GRAF_MAPPED_READS");
        return off != nullptr && std::strcmp(off, "0") == 0 ? nullptr : new MappedFiles;
    }();
    return files;
}

template <typename Function>
Function* real(const char* name) {
    return reinterpret_cast<Function*>(dlsym(RTLD_NEXT, name));
}

}  // namespace

extern "C" int open(const char* path, int flags, ...) {
    static auto* real_open = real<int(const char*, int, ...)>("open");
    mode_t mode = 0;
    if (MappedFiles::takes_mode(flags)) {
        va_list args;
        va_start(args, flags);
        mode = static_cast<mode_t>(va_arg(args, int));
        va_end(args);
    }
    const int fd = real_open(path, flags, mode);
    if (fd >= 0 && path != nullptr)
        if (MappedFiles* files = mapped_files()) files->opened(fd, path, flags);
    return fd;
}

extern "C" int close(int fd) {
    static auto* real_close = real<int(int)>("close");
    if (MappedFiles* files = mapped_files()) files->closing(fd);
    return real_close(fd);
}

extern "C" ssize_t pread(int fd, void* buffer, size_t size, off_t offset) {
    static auto* real_pread = real<ssize_t(int, void*, size_t, off_t)>("pread");
    if (MappedFiles* files = mapped_files())
        if (auto done = files->read(fd, buffer, size, offset)) return *done;
    return real_pread(fd, buffer, size, offset);
}
