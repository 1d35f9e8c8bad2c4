// tests/core/repo_file.hpp: the text of a file of this repository (a shipped data file, a fixture), by its
// path from the repository's root; the test fails at once when it is missing.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

inline std::string repo_file(const std::string& path)
{
    std::ifstream in(std::string(HELIX_SOURCE_DIR) + "/" + path, std::ios::binary);
    REQUIRE_MESSAGE(in, path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
