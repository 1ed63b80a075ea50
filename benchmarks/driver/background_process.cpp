#include "benchmarks/driver/background_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <thread>

namespace graf::bench {

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (pid_ == 0) {
        // Its own process group: xapian-tcpsrv answers SIGTERM by signalling
        // its whole group, which would otherwise include this driver and the
        // shell that started it.
        setpgid(0, 0);
        int null = open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        execvp(args[0], args.data());
        _exit(127);
    }
}

BackgroundProcess::BackgroundProcess(BackgroundProcess&& other) noexcept : pid_(other.pid_) {
    other.pid_ = -1;
}

BackgroundProcess::~BackgroundProcess() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    while (waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
}

void wait_for_port(int port, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const bool up = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
        close(fd);
        if (up) return;
        if (std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error("nothing listens on 127.0.0.1:" + std::to_string(port) +
                                     " (is xapian-tcpsrv installed? xapian-tools)");
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

}  // namespace graf::bench
