// The one Catch2 main for every test program (Catch2 docs: slow-compiles.md).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
