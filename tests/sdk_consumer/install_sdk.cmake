# cmake -DBUILD_DIR=<tandem build> -DPREFIX=<scratch prefix> -DCONSUMER_BUILD=<dir>
#       -P install_sdk.cmake
# A clean install of Tandem (program, shipped plugins, SDK headers, CMake package) into
# PREFIX, and a clean folder for the consumer build.
file(REMOVE_RECURSE ${PREFIX} ${CONSUMER_BUILD})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${code}):\n${out}${err}")
endif()
file(GLOB_RECURSE config ${PREFIX}/*/TandemConfig.cmake)
file(GLOB_RECURSE helpers ${PREFIX}/*/TandemHelpers.cmake)
foreach(needed "${config}" "${helpers}" ${PREFIX}/include/tandem/tandem.hpp ${PREFIX}/bin/tandem
               ${PREFIX}/lib/tandem/plugins/flat_commission.so)
  if(needed STREQUAL "" OR NOT EXISTS "${needed}")
    message(FATAL_ERROR "the install lacks ${needed}; it has:\n${out}")
  endif()
endforeach()
