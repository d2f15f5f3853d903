# cmake -DTANDEM=<tandem> -DCASE=NN-what -P check_bad_input.cmake, run from tests/bad_inputs:
# `tandem validate NN-what.yaml [words of NN-what.args]` must exit 2, and each line of
# NN-what.expected must begin a line of its stderr. See CMakeLists.txt here.
#
# Text is cut at newlines by hand rather than through CMake lists, because messages hold
# ';' (which would split a list) and unbalanced brackets ("in (0, 744]").

# Sets ${out}_COUNT, and ${out}_0, ${out}_1, ... to the non-empty lines of `text`.
function(split_lines text out)
  set(n 0)
  while(NOT text STREQUAL "")
    string(FIND "${text}" "\n" nl)
    if(nl EQUAL -1)
      set(line "${text}")
      set(text "")
    else()
      string(SUBSTRING "${text}" 0 ${nl} line)
      math(EXPR next "${nl} + 1")
      string(SUBSTRING "${text}" ${next} -1 text)
    endif()
    if(NOT line STREQUAL "")
      set(${out}_${n} "${line}" PARENT_SCOPE)
      math(EXPR n "${n} + 1")
    endif()
  endwhile()
  set(${out}_COUNT ${n} PARENT_SCOPE)
endfunction()

set(command ${TANDEM} validate ${CASE}.yaml)
if(EXISTS ${CASE}.args)
  file(READ ${CASE}.args args_text)
  split_lines("${args_text}" arg)
  math(EXPR last "${arg_COUNT} - 1")
  foreach(i RANGE ${last})
    list(APPEND command "${arg_${i}}")
  endforeach()
endif()

execute_process(COMMAND ${command} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(report "command: tandem validate ${CASE}.yaml ...\nexit code: ${rc}\nstdout:\n${out}\nstderr:\n${err}")
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "expected exit code 2\n${report}")
endif()

file(READ ${CASE}.expected expected_text)
split_lines("${expected_text}" expected)
if(expected_COUNT EQUAL 0)
  message(FATAL_ERROR "${CASE}.expected has no lines")
endif()
math(EXPR last "${expected_COUNT} - 1")
foreach(i RANGE ${last})
  string(FIND "\n${err}" "\n${expected_${i}}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "no line of stderr begins with:\n${expected_${i}}\n${report}")
  endif()
endforeach()
