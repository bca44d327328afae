# Writes OUTPUT, a C++ file defining `const std::string_view NAME` in NAMESPACE
# with the text of INPUT, so the program carries the file (no path lookup at
# run time). Run with: cmake -DINPUT=.. -DOUTPUT=.. -DNAME=.. -DNAMESPACE=.. -P embed_text.cmake
file(READ "${INPUT}" CONTENT)
file(WRITE "${OUTPUT}" "// Generated from ${INPUT}; edit that file instead.\n#include <string_view>\nnamespace ${NAMESPACE} {\nextern const std::string_view ${NAME};\nconst std::string_view ${NAME} = R\"embedded_text(${CONTENT})embedded_text\";\n}  // namespace ${NAMESPACE}\n")
