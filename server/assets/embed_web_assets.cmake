# Build-time step of muamala_embed_web_assets() (web_assets.cmake); run with cmake -P and
#   DIST_DIR  the folder to embed          MANIFEST  its files, one relative path a line
#   OUTPUT    the C++ file to write        GZIP      the gzip program
# Writes a C++ file that defines embedded_web_assets() over every listed file. The output depends
# only on the files' bytes, so two builds of the same client produce the same binary.
cmake_minimum_required(VERSION 3.25)

# gzip is kept only when it saves at least this share: text (html, js, css, json, svg, wasm, ttf)
# always does; already compressed files (png, woff2) do not, and gzip would only cost the browser time.
set(min_saving_percent 10)

# A C++ string literal of the file's bytes, 32 bytes a line, every byte as \xHH (so no escape can
# run into the next character, and NUL bytes are fine: the size comes from sizeof, not strlen).
function(bytes_as_literal file out_var)
  file(READ "${file}" hex HEX)
  if(hex STREQUAL "")
    set(${out_var} "\"\"" PARENT_SCOPE)
    return()
  endif()
  string(REPEAT "[0-9a-f]" 64 row)
  string(REGEX REPLACE "(${row})" "\\1\n" hex "${hex}")
  string(REGEX REPLACE "\n$" "" hex "${hex}")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" hex "${hex}")
  string(REPLACE "\n" "\"\n    \"" hex "${hex}")
  set(${out_var} "\n    \"${hex}\"" PARENT_SCOPE)
endfunction()

function(cpp_string text out_var)
  string(REPLACE "\\" "\\\\" text "${text}")
  string(REPLACE "\"" "\\\"" text "${text}")
  set(${out_var} "\"${text}\"" PARENT_SCOPE)
endfunction()

file(STRINGS "${MANIFEST}" relative_paths ENCODING UTF-8)
get_filename_component(work_dir "${OUTPUT}" DIRECTORY)
set(gzip_file "${work_dir}/current.gz")

set(arrays "")
set(rows "")
set(index 0)
foreach(relative IN LISTS relative_paths)
  set(file "${DIST_DIR}/${relative}")
  bytes_as_literal("${file}" raw_literal)
  string(APPEND arrays "\n// /${relative}\nconstexpr char raw_${index}[] =${raw_literal};\n")
  file(SHA256 "${file}" hash)
  string(SUBSTRING "${hash}" 0 32 hash)  # 128 bits tell versions apart; the header stays short

  execute_process(COMMAND "${GZIP}" -9 --no-name --stdout
                  INPUT_FILE "${file}" OUTPUT_FILE "${gzip_file}" RESULT_VARIABLE gzip_result)
  if(NOT gzip_result EQUAL 0)
    message(FATAL_ERROR "gzip failed on ${file}: ${gzip_result}")
  endif()
  file(SIZE "${file}" raw_size)
  file(SIZE "${gzip_file}" gzip_size)
  math(EXPR gzip_share "${gzip_size} * 100")
  math(EXPR share_allowed "${raw_size} * (100 - ${min_saving_percent})")
  if(gzip_share LESS_EQUAL share_allowed)
    bytes_as_literal("${gzip_file}" gzip_literal)
    string(APPEND arrays "constexpr char gzip_${index}[] =${gzip_literal};\n")
    set(gzip_view "{gzip_${index}, sizeof gzip_${index} - 1}")
  else()
    set(gzip_view "{}")
  endif()

  cpp_string("/${relative}" path_literal)
  string(APPEND rows "        {${path_literal}, {raw_${index}, sizeof raw_${index} - 1}, ${gzip_view},\n"
                     "         \"\\\"${hash}\\\"\", \"\\\"${hash}-gzip\\\"\"},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(REMOVE "${gzip_file}")

file(WRITE "${OUTPUT}" "// Generated at build time by server/assets/embed_web_assets.cmake: do not edit.
#include \"server/assets/static_assets.h\"

namespace muamala::server {
namespace {
${arrays}
}  // namespace

std::span<const WebAsset> embedded_web_assets() {
    static constexpr WebAsset assets[] = {
${rows}    };
    return assets;
}

}  // namespace muamala::server
")
