#pragma once
// Numeric options read as text and checked here, so a bad value names the
// option and its limits ("--shards must be a whole number from 1 to 64, not
// '1000'") instead of cxxopts' "Argument '-1' failed to parse".
#include <cxxopts.hpp>

#include <cstdint>
#include <string>

#include "error/error.hpp"

namespace graf::app {

/// The value of option `name` (declared as cxxopts::value<std::string>),
/// which must be a whole number in [min, max]; throws UsageError with the
/// limits otherwise.
std::uint64_t bounded_number(const cxxopts::ParseResult& args, const std::string& name,
                             std::uint64_t min, std::uint64_t max);

}  // namespace graf::app
