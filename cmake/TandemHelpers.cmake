# Helpers shared by Tandem's own build and by plugin authors (installed beside
# TandemConfig.cmake, as Catch2 ships Catch.cmake).

# Warnings on for our own targets; -Werror comes with the dev preset (TANDEM_WERROR).
function(tandem_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  # GCC 12 reports -Wrestrict on std::string's operator+("literal", string&&) at -O2/-O3,
  # a known false positive in libstdc++ (GCC bug 105651, fixed in GCC 13).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(TANDEM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# tandem_add_plugin(NAME SOURCES file...)
# Builds NAME.so: hidden visibility (only the TANDEM_PLUGIN entry point is exported),
# no "lib" prefix (the loader finds a plugin by its name), placed in
# <build>/lib/tandem/plugins, the folder the tandem program searches beside itself.
function(tandem_add_plugin name)
  cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
  add_library(${name} MODULE ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Tandem::sdk)
  target_compile_features(${name} PRIVATE cxx_std_20)
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib/tandem/plugins)
  if(COMMAND tandem_set_warnings)
    tandem_set_warnings(${name})
  endif()
endfunction()
