# Turns the page's files into a C++ source (cmake -P): the binary serves
# them from memory, so `graf serve` needs no files beside it and no path
# from a request ever reaches the file system.
#   -DOUT=assets.cpp -DSRC_DIR=web/assets -DFILES="index.html;app.js;..."
set(body "// Generated from web/assets by web/embed_assets.cmake: do not edit.\n")
string(APPEND body "#include \"web/assets.hpp\"\n\nnamespace graf::web {\nnamespace {\n")
set(table "")
set(i 0)
foreach(name IN LISTS FILES)
  file(READ "${SRC_DIR}/${name}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(APPEND body "const char asset${i}[] = {${bytes}0};\n")
  string(APPEND table "    {\"/${name}\", std::string_view(asset${i}, ${size})},\n")
  math(EXPR i "${i} + 1")
endforeach()
string(APPEND body "}  // namespace\n\nconst std::vector<Asset>& assets() {\n")
string(APPEND body "  static const std::vector<Asset> all = {\n${table}  };\n  return all;\n}\n\n")
string(APPEND body "}  // namespace graf::web\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
