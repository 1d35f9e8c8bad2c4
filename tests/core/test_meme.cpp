// tests/core/test_meme.cpp: MEME motif files read into the same matrices as JASPAR's (the 746 JASPAR 2020
// CORE vertebrates in both formats agree), mistakes named by line and column, and the format told apart.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/motifs/meme.hpp"
#include "core/motifs/motif_file.hpp"
#include "repo_file.hpp"

using namespace helix::motifs;

// One namespace for the whole file, tests included: the unity build (CMakeLists.txt) compiles test files
// together, where helpers of the same name in two files would clash.
namespace test_meme {

std::string first_error(const std::string& text)
{
    auto parsed = parse_meme(text);
    return parsed.ok() ? "" : parsed.errors.front().message;
}

const char* const kHeader =
    "MEME version 4\n\nALPHABET= ACGT\n\nstrands: + -\n\nBackground letter frequencies\n"
    "A 0.25 C 0.25 G 0.25 T 0.25\n\n";

TEST_CASE("parse_meme: ids, names, probabilities per position; header lines, URL and log-odds skipped")
{
    const std::string text =
        std::string(kHeader) +
        "MOTIF MA1.1 One\nletter-probability matrix: alength= 4 w= 2 nsites= 4 E= 0\n"
        "0.25 0 0 0.75\n  1.0 0.0 0.0 0.0\nURL http://jaspar.genereg.net/matrix/MA1.1\n\n"
        "MOTIF two\nlog-odds matrix: alength= 4 w= 1\n1.2 -3 -3 0.1\n"
        "letter-probability matrix: alength=4 w=1\r\n0.1 0.2 0.3 0.4\r\n";
    auto parsed = parse_meme(text);
    REQUIRE_MESSAGE(parsed.ok(), error_report(parsed));
    REQUIRE(parsed.value.size() == 2);
    CHECK(parsed.value[0].id == "MA1.1");
    CHECK(parsed.value[0].name == "One");
    CHECK(parsed.value[0].line == 10);
    REQUIRE(parsed.value[0].width() == 2);
    CHECK(parsed.value[0].columns[0] == std::array<double, 4>{0.25, 0, 0, 0.75});
    CHECK(consensus(parsed.value[0]) == "TA");
    CHECK(parsed.value[1].id == "two");
    CHECK(parsed.value[1].name == "");
    CHECK(parsed.value[1].columns.at(0)[3] == doctest::Approx(0.4));
}

TEST_CASE("parse_meme and parse_jaspar read the same 746 JASPAR 2020 CORE vertebrate matrices")
{
    const auto jaspar =
        parse_motif_file(repo_file("js/data/jaspar/JASPAR2020_CORE_vertebrates_non-redundant_pfms.jaspar"));
    const auto meme =
        parse_motif_file(repo_file("tests/fixtures/JASPAR2020_CORE_vertebrates_non-redundant_pfms.meme"));
    REQUIRE_MESSAGE(jaspar.ok(), error_report(jaspar));
    REQUIRE_MESSAGE(meme.ok(), error_report(meme));
    REQUIRE(jaspar.value.size() == 746);
    REQUIRE(meme.value.size() == 746);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < 746; ++i) {
        const Pfm& a = jaspar.value[i];
        const Pfm& b = meme.value[i];
        REQUIRE(a.id == b.id);
        CHECK(a.name == b.name);
        REQUIRE(a.width() == b.width());
        const auto pa = probabilities(a), pb = probabilities(b);
        for (std::size_t j = 0; j < a.width(); ++j)
            for (int c = 0; c < 4; ++c)
                if (std::abs(pa[j][c] - pb[j][c]) > 1e-3)
                    ++differing;  // MEME has 6 decimals; the JASPAR text of MA1153.1 has 3
    }
    CHECK(differing == 0);
}

TEST_CASE("parse_motif_file tells MEME from JASPAR by the first MOTIF/MEME or '>' line")
{
    CHECK(std::string(motif_file_format("# notes\nMEME version 4\n")) == "meme");
    CHECK(std::string(motif_file_format("\n\nMOTIF a\n")) == "meme");
    CHECK(std::string(motif_file_format(">MA1.1 x\nA [1]\n")) == "jaspar");
    CHECK(std::string(motif_file_format("hello\n")) == "jaspar");
    auto parsed = parse_motif_file("MOTIF x\nletter-probability matrix: alength= 4 w= 1\n0 1 0 0\n");
    REQUIRE(parsed.ok());
    CHECK(consensus(parsed.value[0]) == "C");
}

TEST_CASE("parse_meme names the line and column of each mistake")
{
    const std::string m = "MOTIF m1 x\n";
    CHECK(first_error(m + "letter-probability matrix: alength= 4 w= 2\n0.1 0.2 0.3 0.4\n0.1 0.2 zz 0.4\n") ==
          "line 4, column 9: 'zz' is not a probability (allowed: a non-negative number)");
    CHECK(first_error(m + "letter-probability matrix: alength= 4 w= 1\n0.1 0.2 0.3\n") ==
          "line 3, column 12: a matrix row has 3 values (allowed: 4, the probabilities of A, C, G and T)");
    CHECK(first_error(m + "letter-probability matrix: alength= 4 w= 1\n0.1 0.2 0.3 0.4 0.5\n") ==
          "line 3, column 17: a matrix row has 5 values (allowed: 4, the probabilities of A, C, G and T)");
    CHECK(first_error(m + "letter-probability matrix: alength= 20 w= 1\n") ==
          "line 2, column 37: alength must be 4 (DNA: A, C, G, T); protein and other alphabets are not read");
    CHECK(first_error(m + "letter-probability matrix: alength= 4 w= 3\n0 0 1 0\n0 1 0 0\nMOTIF m2\n") ==
          "line 2, column 1: motif 'm1': the matrix header says w= 3 but 2 rows follow");
    CHECK(first_error(m + "letter-probability matrix: alength= 4 w= 1\n0 0 1 0\n1 0 0 0\n") ==
          "line 4, column 1: motif 'm1': more rows than the header's w= 1");
    CHECK(first_error(m + "letter-probability matrix: alength= 4 w= 1\n0 0 -1 0\n") ==
          "line 3, column 5: '-1' is not a probability (allowed: a non-negative number)");
    CHECK(first_error(m + "letter-probability matrix: alength= 4 w= 1\n0 0 0 0\n") ==
          "line 3, column 1: a matrix row whose A, C, G, T sum to 0");
    CHECK(first_error("letter-probability matrix: alength= 4 w= 1\n0 0 1 0\n") ==
          "line 1, column 1: a matrix before any MOTIF line (a motif starts with 'MOTIF id name')");
    CHECK(first_error("MOTIF a\nMOTIF b\nletter-probability matrix: w= 1\n0 0 1 0\n") ==
          "line 1, column 1: motif 'a' has no 'letter-probability matrix:' line (each MOTIF needs one, then "
          "its rows)");
    CHECK(first_error("ALPHABET= ACDEFGHIKLMNPQRSTVWY\n") ==
          "line 1, column 1: ALPHABET 'ACDEFGHIKLMNPQRSTVWY' is not read (allowed: ACGT, DNA)");
    CHECK(first_error("MEME version 4\n  hello world\n")
              .rfind("line 2, column 3: 'hello' does not start a MEME line", 0) == 0);
    CHECK(first_error("MEME version 4\n") ==
          "line 1, column 1: no motif found (a motif starts with a line 'MOTIF id name')");
    CHECK(first_error("") == "line 1, column 1: no motif found (a motif starts with a line 'MOTIF id name')");
    // A bad motif is left out, the good ones are still read, and every mistake is reported.
    auto parsed = parse_meme(
        "MOTIF a\nletter-probability matrix: w= 1\n0 0 q 0\nMOTIF b\n"
        "letter-probability matrix: w= 1\n0 0 1 0\n");
    CHECK(parsed.errors.size() == 1);
    CHECK(parsed.value.size() == 1);
}

}  // namespace test_meme
