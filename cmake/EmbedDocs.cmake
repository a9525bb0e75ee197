# cmake -DOUT=file.cpp -DFILES=a.md|b.md -P EmbedDocs.cmake
# Writes the check pages docs/checks/<id>.md as string literals, keyed by the
# check id (the file's base name), for the report library: SARIF rule help and
# descriptions come from the same pages users read.
set(body "// Generated from docs/checks/*.md by cmake/EmbedDocs.cmake. Do not edit.\n")
string(APPEND body "namespace modsafe {\nnamespace report {\n")
string(APPEND body "struct BuiltinDocPage { const char *Id; const char *Markdown; };\n")
string(APPEND body "extern const BuiltinDocPage ModsafeBuiltinDocs[] = {\n")
set(count 0)
string(REPLACE "|" ";" FILES "${FILES}")
list(SORT FILES)
foreach(f IN LISTS FILES)
  file(READ "${f}" text)
  get_filename_component(id "${f}" NAME_WE)
  string(FIND "${text}" ")modsafe_doc\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${f}: contains the raw-string delimiter")
  endif()
  string(APPEND body "  {\"${id}\", R\"modsafe_doc(${text})modsafe_doc\"},\n")
  math(EXPR count "${count} + 1")
endforeach()
string(APPEND body "  {nullptr, nullptr}};\nextern const unsigned ModsafeBuiltinDocCount = ${count};\n}\n}\n")
file(WRITE "${OUT}.tmp" "${body}")
file(RENAME "${OUT}.tmp" "${OUT}")
