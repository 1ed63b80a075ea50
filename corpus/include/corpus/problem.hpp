#pragma once
// How readers report bad input without stopping: every problem names the
// input (file, or file:line) and says what was done about it.
#include <functional>
#include <string>

namespace graf::corpus {

struct Problem {
    enum class Kind {
        Warning,  ///< read, but repaired (e.g. not UTF-8)
        Skipped,  ///< not indexed: the file or line is named so the user can fix it
    };
    Kind kind;
    std::string where;
    std::string what;
};

using ProblemSink = std::function<void(const Problem&)>;

}  // namespace graf::corpus
