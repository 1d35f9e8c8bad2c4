// tests/core/test_jaspar.cpp: JASPAR matrices read back with their numbers, mistakes named by line and
// column, and the compiled-in copy of web/data/jaspar/GATA1_TAL1.jaspar equal to the file.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/motifs/jaspar.hpp"
#include "core/motifs/shipped_motifs.hpp"

using namespace helix::motifs;

// One namespace for the whole file, tests included: the unity build (CMakeLists.txt) compiles test files
// together, where helpers of the same name in two files would clash.
namespace test_jaspar {

// The first error's message, or "" when the text parses.
std::string first_error(const std::string& text)
{
    auto parsed = parse_jaspar(text);
    return parsed.ok() ? "" : parsed.errors.front().message;
}

TEST_CASE("parse_jaspar: ids, names, counts per position, brackets optional, rows in any order")
{
    auto parsed = parse_jaspar(
        ">MA1.1\tOne\nA [ 1 2 ]\nC [ 0 2 ]\nG [ 0 2 ]\nT [ 3 2 ]\n\n"
        "# a comment\r\n>MA2.1\r\nt 1 0 0\r\ng 0 1 0\r\nc 0 0 1\r\na 1.5 0 0\r\n");
    REQUIRE(parsed.ok());
    REQUIRE(parsed.value.size() == 2);
    const Pfm& one = parsed.value[0];
    CHECK(one.id == "MA1.1");
    CHECK(one.name == "One");
    CHECK(one.line == 1);
    REQUIRE(one.width() == 2);
    CHECK(one.columns[0] == std::array<double, 4>{1, 0, 0, 3});
    CHECK(consensus(one) == "TA");  // ties go to the first of A, C, G, T
    CHECK(probabilities(one)[0][3] == doctest::Approx(0.75));
    CHECK(probabilities(one, /*pseudocount=*/4)[0][1] == doctest::Approx(1.0 / 8));
    const Pfm& two = parsed.value[1];
    CHECK(two.id == "MA2.1");
    CHECK(two.name == "");
    CHECK(two.line == 8);
    CHECK(consensus(two) == "AGC");
    CHECK(two.columns[0][0] == 1.5);
}

TEST_CASE("parse_jaspar: mistakes name line and column")
{
    const std::string good_rows = "A [ 1 ]\nC [ 1 ]\nG [ 1 ]\nT [ 1 ]\n";
    CHECK(first_error("A [ 1 ]\n") ==
          "line 1, column 1: a count row before any matrix header (a matrix starts with a line '>ID name')");
    CHECK(first_error(">M\nA [ 1 ]\nC [ 1 ]\nX [ 1 ]\nT [ 1 ]\n") ==
          "line 4, column 1: 'X' does not start a count row (allowed: A, C, G or T, then the counts)");
    CHECK(first_error(">M\nA [ 1 x2 ]\n") ==
          "line 2, column 7: 'x2' is not a count (allowed: a non-negative number)");
    CHECK(first_error(">M\nA [ 1 -2 ]\n") ==
          "line 2, column 7: '-2' is not a count (allowed: a non-negative number)");
    CHECK(first_error(">M\nA [ 1 2\n") == "line 2, column 8: the '[' of this row is never closed with ']'");
    CHECK(first_error(">M\nA [ 1 ] 2\n") == "line 2, column 9: text after the closing ']'");
    CHECK(first_error(">M\nA [ 1 ]\nA [ 2 ]\n") ==
          "line 3, column 1: a second row for A in matrix 'M' (the first is on line 2)");
    CHECK(first_error(">M\nA [ 1 ]\nC [ 1 ]\n>N\n" + good_rows) ==
          "line 1, column 1: matrix 'M' has no row for G, T (each matrix needs rows A, C, G and T)");
    CHECK(first_error(">M\nA [ 1 2 ]\nC [ 1 ]\nG [ 1 2 ]\nT [ 1 2 ]\n") ==
          "line 3, column 1: matrix 'M': row C has 1 counts but row A has 2 (all four rows need the same "
          "width)");
    CHECK(first_error(">M\nA [ 1 0 ]\nC [ 1 0 ]\nG [ 1 0 ]\nT [ 1 0 ]\n") ==
          "line 1, column 1: matrix 'M': position 2 has no counts (its A, C, G, T sum to 0)");
    CHECK(first_error(">\n" + good_rows) == "line 1, column 2: a matrix header needs an ID after '>'");
    CHECK(first_error("\n\n") ==
          "line 1, column 1: no matrix found (a matrix starts with a line '>ID name')");
    CHECK(first_error(">M\n" + good_rows) == "");
    // Every bad matrix is reported, not only the first; good ones still come back.
    auto parsed = parse_jaspar(">M\nA [ 1 ]\n>N\n" + good_rows + ">O\nA [ y ]\n");
    CHECK(parsed.errors.size() == 3);  // M lacks rows; O has a bad count and lacks rows
    REQUIRE(parsed.value.size() == 1);
    CHECK(parsed.value[0].id == "N");
}

TEST_CASE(
    "shipped motifs: the compiled-in text is web/data/jaspar/GATA1_TAL1.jaspar, GATA1 and TAL1 read from it")
{
    std::ifstream file(std::string(HELIX_SOURCE_DIR) + "/web/data/jaspar/GATA1_TAL1.jaspar",
                       std::ios::binary);
    REQUIRE(file);
    std::stringstream text;
    text << file.rdbuf();
    CHECK(text.str() == gata1_tal1_jaspar_text());
    CHECK(gata1_pfm().id == "MA0035.4");
    CHECK(gata1_pfm().name == "GATA1");
    CHECK(consensus(gata1_pfm()) == "TTCTAATCTAT");  // ATAGATTAGAA on the other strand: the GATA core
    CHECK(gata1_pfm().columns[5][0] == 67550);
    CHECK(tal1_pfm().id == "MA0091.1");
    CHECK(tal1_pfm().name == "TAL1::TCF3");
    CHECK(tal1_pfm().width() == 12);
}

TEST_CASE(
    "parse_jaspar: a stray '[' or ']' inside a count row is one error and the parser moves on (fuzz_motif "
    "hang)")
{
    // Before: the one-character token was never stepped past and the row grew without end.
    const auto r = parse_jaspar(">M1 m\nA [ 1 2 [ 3 ]\nC ] 1 2 3\nG [ 1 2 3 ]\nT [ 1 2 3 ]\n");
    REQUIRE(r.errors.size() >= 2);
    CHECK(r.errors[0].message.rfind("line 2, column 9: '[' is not a count", 0) == 0);
    CHECK(r.errors[1].message.rfind("line 3, column 3: ']' is not a count", 0) == 0);
}

}  // namespace test_jaspar
