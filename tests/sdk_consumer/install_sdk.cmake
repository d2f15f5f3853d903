# cmake -DBUILD_DIR=<tandem build> -DPREFIX=<scratch prefix> -DCONSUMER_BUILDS=<dir;dir>
#       -P install_sdk.cmake
# A clean install of Tandem (program, shipped plugins, SDK headers, CMake package) into
# PREFIX, and clean folders for the consumer builds.
file(REMOVE_RECURSE ${PREFIX} ${CONSUMER_BUILDS})
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

# Only the SDK is public: include/tandem/ and nothing of the engine (its headers, its
# static libraries), so no plugin can come to depend on internals.
file(GLOB include_dirs LIST_DIRECTORIES true RELATIVE ${PREFIX}/include ${PREFIX}/include/*)
if(NOT include_dirs STREQUAL "tandem")
  message(FATAL_ERROR "the install's include/ holds more than tandem/: ${include_dirs}")
endif()
file(GLOB_RECURSE archives ${PREFIX}/*.a)
file(GLOB_RECURSE engine_headers ${PREFIX}/include/tandem/*/*.hpp)
if(archives OR engine_headers)
  message(FATAL_ERROR "the install holds engine internals: ${archives} ${engine_headers}")
endif()
