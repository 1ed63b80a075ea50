#pragma once
// The page's files, compiled into the binary (web/embed_assets.cmake).
#include <string_view>
#include <vector>

namespace graf::web {

struct Asset {
    std::string_view path;  ///< "/app.js"
    std::string_view bytes;
};

const std::vector<Asset>& assets();

/// The Content-Type for an asset's extension.
std::string_view mime_type(std::string_view path);

}  // namespace graf::web
