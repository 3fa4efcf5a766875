# cmake/frontend.cmake: the front end (source bytes -> AST), included by the
# root CMakeLists.txt. Runs re2c and lemon into ${CMAKE_BINARY_DIR}/gen
# (generated code never enters the source tree), builds the static library
# weft_front from our sources plus the generated lex.c / parse.c, the
# weft-ast tool (tools/astdump.c) and, with WEFT_FUZZ, the libFuzzer target
# fuzz_front. Sets WEFT_FRONT_SRC so the root's core glob leaves these
# files to weft_front. arena.c (the lead's) is here too: the parser needs
# it and weft_core gets it through weft_front.

set(WEFT_GEN_DIR ${CMAKE_BINARY_DIR}/gen)
file(MAKE_DIRECTORY ${WEFT_GEN_DIR})

set(WEFT_FRONT_SRC
  ${CMAKE_SOURCE_DIR}/src/arena.c
  ${CMAKE_SOURCE_DIR}/src/lexer.c
  ${CMAKE_SOURCE_DIR}/src/parser.c
  ${CMAKE_SOURCE_DIR}/src/ast.c
  ${CMAKE_SOURCE_DIR}/src/syntax_error.c)

add_custom_command(
  OUTPUT ${WEFT_GEN_DIR}/parse.c ${WEFT_GEN_DIR}/parse.h
  COMMAND ${LEMON} -q -T${LEMPAR} -d${WEFT_GEN_DIR}
          ${CMAKE_SOURCE_DIR}/grammar/parse.y
  DEPENDS ${CMAKE_SOURCE_DIR}/grammar/parse.y ${LEMPAR}
  COMMENT "lemon grammar/parse.y"
  VERBATIM)

add_custom_command(
  OUTPUT ${WEFT_GEN_DIR}/lex.c
  COMMAND ${RE2C} -W -o ${WEFT_GEN_DIR}/lex.c
          ${CMAKE_SOURCE_DIR}/grammar/lex.re
  DEPENDS ${CMAKE_SOURCE_DIR}/grammar/lex.re
  COMMENT "re2c grammar/lex.re"
  VERBATIM)

if(WEFT_FUZZ)
  # coverage for everything built from here on; fuzz_front adds libFuzzer
  add_compile_options(-fsanitize=fuzzer-no-link)
  add_link_options(-fsanitize=fuzzer-no-link)
endif()

add_library(weft_front STATIC ${WEFT_FRONT_SRC}
  ${WEFT_GEN_DIR}/lex.c ${WEFT_GEN_DIR}/parse.c ${WEFT_GEN_DIR}/parse.h)
target_include_directories(weft_front PUBLIC
  ${CMAKE_SOURCE_DIR}/src ${WEFT_GEN_DIR})
target_compile_definitions(weft_front PUBLIC ${WEFT_DEFS})
target_link_libraries(weft_front PUBLIC PkgConfig::UTF8PROC)
# our code is warning-clean; the generated scanner and parser are not ours
set_source_files_properties(${WEFT_FRONT_SRC} PROPERTIES
  COMPILE_OPTIONS "${WEFT_WARN}")
set_source_files_properties(${WEFT_GEN_DIR}/lex.c ${WEFT_GEN_DIR}/parse.c
  PROPERTIES GENERATED TRUE COMPILE_OPTIONS "-w")

add_executable(weft-ast ${CMAKE_SOURCE_DIR}/tools/astdump.c)
target_compile_options(weft-ast PRIVATE ${WEFT_WARN})
target_link_libraries(weft-ast PRIVATE weft_front)

if(WEFT_FUZZ)
  add_executable(fuzz_front ${CMAKE_SOURCE_DIR}/fuzz/fuzz_front.c)
  target_compile_options(fuzz_front PRIVATE ${WEFT_WARN} -fsanitize=fuzzer)
  target_link_options(fuzz_front PRIVATE -fsanitize=fuzzer)
  target_link_libraries(fuzz_front PRIVATE weft_front)
endif()
