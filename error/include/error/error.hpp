#pragma once
// graf's one error model. Every error a command reports derives from
// graf::Error and carries the exit code the command ends with (README, Exit
// codes); app/errors.cpp is the one place that turns what reaches a command
// into its message and that code. A library throws the error that says what
// went wrong; it never prints or decides an exit itself.
#include <stdexcept>
#include <string>

namespace graf {

/// The exit codes of `graf`, documented in README.md (Exit codes).
enum ExitCode : int {
    kOk = 0,
    kUsage = 1,            ///< bad option or option value, malformed query or input line
    kNothing = 2,          ///< index: nothing could be indexed; others: no usable index
    kPartial = 3,          ///< index: some inputs skipped; search: some shards did not answer
    kIndexUnwritable = 4,  ///< index, compact: locked by another run, read-only, disk full
    kInterrupted = 130,    ///< Ctrl-C / SIGTERM: what was committed stays
};

class Error : public std::runtime_error {
  public:
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    ExitCode exit_code() const noexcept { return code_; }

  private:
    ExitCode code_;
};

/// What the user asked for cannot be done as asked: an option value, a
/// combination of options, an input or output file named on the command line.
class UsageError : public Error {
  public:
    explicit UsageError(const std::string& message) : Error(kUsage, message) {}
};

}  // namespace graf
