# cmake -DBUILD_DIR=<tandem build> -DPREFIX=<scratch prefix> -DCONSUMER_BUILD=<dir>
#       -P install_engine.cmake
# A clean install of Tandem with its engine component into PREFIX, and a clean folder for
# the consumer's build. The engine must come only with its component.
file(REMOVE_RECURSE ${PREFIX} ${CONSUMER_BUILD})
foreach(component "" engine)
  set(args --install ${BUILD_DIR} --prefix ${PREFIX})
  if(component)
    list(APPEND args --component ${component})
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} ${args} RESULT_VARIABLE code OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "cmake ${args} failed (${code}):\n${out}${err}")
  endif()
endforeach()
foreach(needed lib/cmake/Tandem/TandemEngineTargets.cmake include/tandem-core/study/evaluate.hpp
               lib/libtandem_study.a)
  if(NOT EXISTS ${PREFIX}/${needed})
    message(FATAL_ERROR "the engine component lacks ${needed}")
  endif()
endforeach()
