#include "app/errors.hpp"

#include <xapian.h>
#include <cxxopts.hpp>

#include "app/cli.hpp"
#include "searcher/reading_error.hpp"

namespace graf::app {

namespace {

int report(std::string_view command, const Error& e) {
    error("{}: {}", command, e.what());
    return e.exit_code();
}

}  // namespace

int report_error(std::string_view command) {
    try {
        throw;
    } catch (const cxxopts::exceptions::exception& e) {
        error("{} (see `graf {} --help`)", e.what(), command);
        return kUsage;
    } catch (const Error& e) {
        return report(command, e);
    } catch (const Xapian::Error&) {
        return report(command, searcher::reading_error());
    } catch (const std::exception& e) {
        // Not one of graf's errors (memory, threads): said as it is.
        error("{}: {}", command, e.what());
        return kNothing;
    }
}

}  // namespace graf::app
