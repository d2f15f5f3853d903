# cmake -DTANDEM=<tandem> -DSCENARIO=<yaml> -DFILE=<file in the run folder> -DAPPROVED=<file>
#       -DOUT=<scratch folder> -P check_golden.cmake
# Runs the scenario (3 replications, 2 threads) and compares FILE with the approved copy.
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${TANDEM} run ${SCENARIO} --replications 3 --threads 2 --out ${OUT}
                RESULT_VARIABLE exit_code OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT exit_code EQUAL 0)
  message(FATAL_ERROR "tandem run failed (${exit_code}): ${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}/${FILE} ${APPROVED}
                RESULT_VARIABLE different)
if(different)
  message(FATAL_ERROR "${OUT}/${FILE} differs from the approved ${APPROVED}.\n"
                      "If the change is intended, look at the difference and approve it: "
                      "scripts/approve-golden.sh <build folder>")
endif()
