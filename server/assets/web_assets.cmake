# muamala_embed_web_assets(<target> <dist_dir>)
#
# Compiles every file under <dist_dir> (recursively) into <target>, as the table that
# embedded_web_assets() returns (server/assets/static_assets.h): URL path = path relative to <dist_dir>.
# The work happens at build time in embed_web_assets.cmake: each file is stored raw and, when that
# saves space, gzip-compressed (deterministic: no name, mtime 0), with a strong ETag from its SHA-256.
# The table is rebuilt when a file changes, and when files are added or removed (the glob is
# re-checked at every build, and the list of files is an input of the step).
function(muamala_embed_web_assets target dist_dir)
  if(NOT EXISTS "${dist_dir}/index.html")
    message(FATAL_ERROR "muamala_embed_web_assets(${target}): ${dist_dir} has no index.html")
  endif()
  find_program(MUAMALA_GZIP gzip REQUIRED)

  file(GLOB_RECURSE files LIST_DIRECTORIES false CONFIGURE_DEPENDS "${dist_dir}/*")
  list(SORT files)
  set(relative_paths "")
  foreach(file IN LISTS files)
    file(RELATIVE_PATH relative "${dist_dir}" "${file}")
    string(APPEND relative_paths "${relative}\n")
  endforeach()

  set(work_dir "${CMAKE_CURRENT_BINARY_DIR}/${target}_web_assets")
  set(manifest "${work_dir}/files.txt")
  set(output "${work_dir}/web_assets.cpp")
  # The manifest is rewritten only when the list changes (configure_file COPYONLY compares): a
  # removed file then reruns the step, which DEPENDS alone would not do.
  file(WRITE "${manifest}.new" "${relative_paths}")
  configure_file("${manifest}.new" "${manifest}" COPYONLY)

  set(script "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_web_assets.cmake")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}" "-DDIST_DIR=${dist_dir}" "-DMANIFEST=${manifest}" "-DOUTPUT=${output}"
            "-DGZIP=${MUAMALA_GZIP}" -P "${script}"
    DEPENDS ${files} "${manifest}" "${script}"
    COMMENT "Embedding the web client in ${target} (from ${dist_dir})"
    VERBATIM)
  target_sources(${target} PRIVATE "${output}")
endfunction()
