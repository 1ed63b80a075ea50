#pragma once
// graf show [--db DIR] ARTICLE [--paragraph N] [--json]: one article whole.
#include <string>

#include "app/cli.hpp"

namespace graf::app {

struct ShowSettings {
    IndexSettings index;
    std::string article;     ///< its id, as graf search prints it
    unsigned paragraph = 0;  ///< --paragraph: the one to mark (0: none)
    bool json = false;
};

cxxopts::Options show_options();
/// Throws UsageError (or cxxopts' exception) naming the option at fault.
ShowSettings show_settings(const cxxopts::ParseResult& args);
int run_show(const ShowSettings& settings);

}  // namespace graf::app
