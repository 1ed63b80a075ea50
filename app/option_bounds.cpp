#include "app/option_bounds.hpp"

#include <fmt/format.h>

#include <charconv>

namespace graf::app {

std::uint64_t bounded_number(const cxxopts::ParseResult& args, const std::string& name,
                             std::uint64_t min, std::uint64_t max) {
    const std::string text = args[name].as<std::string>();
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max)
        throw UsageError(fmt::format("--{} must be a whole number from {} to {}, not '{}'", name,
                                     min, max, text));
    return value;
}

}  // namespace graf::app
