# Compiles data files from config/ into the library, so it works with no files
# installed; config files can still override each table at run time.
#
# xa_embed_data(<out.cc> <base dir> <files...>) writes <out.cc> defining
# xapian_arabic::embedded_file(name) over the given files (names relative to base).
function(xa_embed_data out_cc base_dir)
  set(script "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedDataScript.cmake")
  set(rel_names "")
  foreach(f IN LISTS ARGN)
    file(RELATIVE_PATH rel "${base_dir}" "${f}")
    list(APPEND rel_names "${rel}")
  endforeach()
  string(REPLACE ";" "|" joined "${rel_names}")
  add_custom_command(
    OUTPUT "${out_cc}"
    COMMAND ${CMAKE_COMMAND} -DBASE=${base_dir} "-DFILES=${joined}" -DOUT=${out_cc} -P "${script}"
    DEPENDS ${ARGN} "${script}"
    COMMENT "Embedding data tables from config/"
    VERBATIM)
endfunction()
