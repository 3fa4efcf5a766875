# cmake/pgo-train.cmake: run with cmake -P by cmake/pgo.cmake. Trains the
# instrumented weft: a fresh profile (counts from an older build would not
# match its code), one run of the workload, then the stamp.
file(REMOVE_RECURSE ${DATA})
get_filename_component(dir ${TRAIN} DIRECTORY)
execute_process(COMMAND ${WEFT} ${TRAIN} WORKING_DIRECTORY ${dir}
                OUTPUT_QUIET RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pgo: ${WEFT} ${TRAIN} failed (${rc})")
endif()
file(TOUCH ${STAMP})
