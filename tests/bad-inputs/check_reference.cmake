# cmake -DTANDEM=<tandem> -DDOC=<docs/scenarios.md> -P check_reference.cmake
# docs/scenarios.md must be exactly what `tandem validate --reference` prints, so the
# reference cannot drift from the schema. To refresh it:
#   tandem validate --reference > docs/scenarios.md
execute_process(COMMAND ${TANDEM} validate --reference RESULT_VARIABLE rc OUTPUT_VARIABLE generated
                ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "tandem validate --reference failed (${rc}):\n${err}")
endif()
if(NOT EXISTS ${DOC})
  message(FATAL_ERROR "${DOC} is missing; write it with: tandem validate --reference > ${DOC}")
endif()
file(READ ${DOC} current)
if(NOT current STREQUAL generated)
  message(FATAL_ERROR "${DOC} is stale; refresh it with: tandem validate --reference > ${DOC}")
endif()
