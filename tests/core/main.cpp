// tests/core/main.cpp: the doctest runner of the native suite (one TEST_CASE per behaviour).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
