// tests/core/test_fasta.cpp: parse_fasta, as biologists paste it.
#include <doctest/doctest.h>

#include <string>

#include "core/data/fasta.hpp"

using helix::data::parse_fasta;

TEST_CASE("parse_fasta reads multi-line lowercase records with CRLF line ends and a BOM")
{
    auto r = parse_fasta("\xEF\xBB\xBF>seq1 some description\r\nacgt\r\nACgtN\r\n\r\n>seq2\tx\r\nGGCC\r\n");
    REQUIRE(r.ok());
    CHECK(r.value.ids == std::vector<std::string>{"seq1", "seq2"});
    CHECK(r.value.sequences == std::vector<std::string>{"ACGTACGTN", "GGCC"});
    CHECK(r.value.lines == std::vector<int>{1, 5});
    CHECK(r.value.labels.empty());
}

TEST_CASE("parse_fasta reads old-Mac CR line ends, mixed ends, blank lines and a last line without an end")
{
    auto r = parse_fasta("\n>a\rAC\r\rgt\n>b\r\nTT");
    REQUIRE(r.ok());
    CHECK(r.value.sequences == std::vector<std::string>{"ACGT", "TT"});
    CHECK(r.value.lines == std::vector<int>{2, 6});
}

TEST_CASE("parse_fasta keeps IUPAC codes, skips spaces and tabs inside sequence lines")
{
    auto r = parse_fasta(">a\nAC GT\tnryswkmbdhv \n");
    REQUIRE(r.ok());
    CHECK(r.value.sequences[0] == "ACGTNRYSWKMBDHV");
}

TEST_CASE("parse_fasta names the line and column of a bad base in the 3rd line of a record")
{
    auto r = parse_fasta(">r1\nACGT\n>r2\nACGTACGT\nACGT\nACGTAJGT\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 6);
    CHECK(r.errors[0].column == 6);
    CHECK(r.errors[0].field == "");
    CHECK(
        r.errors[0].message ==
        "line 6, column 6: 'J' is not a DNA base (allowed: A, C, G, T and the IUPAC codes N, R, Y, S, W, K, "
        "M, B, D, H, V, in either case)");
    CHECK(r.more_errors == 0);
}

TEST_CASE("parse_fasta counts columns as an editor does: a tab is one, a UTF-8 character is one")
{
    auto r = parse_fasta(">a\n  AC\tJ\nACé x\xC2\xA0G\n");
    REQUIRE(r.errors.size() == 4);
    CHECK(r.errors[0].line == 2);
    CHECK(r.errors[0].column == 6);
    CHECK(r.errors[1].line == 3);
    CHECK(r.errors[1].column == 3);
    CHECK(r.errors[1].message.rfind("line 3, column 3: U+00E9 is not a DNA base", 0) == 0);
    CHECK(r.errors[2].column == 5);
    CHECK(r.errors[3].column == 6);
    CHECK(r.errors[3].message.rfind("line 3, column 6: U+00A0 (no-break space) is not", 0) == 0);
}

TEST_CASE("parse_fasta rejects RNA U, gaps and digits with a hint, and bytes that are not UTF-8")
{
    auto r = parse_fasta(">a\nACGU\nA-C.\n1 acgt\nA\xFF\n");
    REQUIRE(r.errors.size() == 5);
    CHECK(r.errors[0].message.rfind("line 2, column 4: 'U' is not a DNA base: RNA has U where DNA has T",
                                    0) == 0);
    CHECK(r.errors[1].message.rfind("line 3, column 2: '-' is not a DNA base: alignment gaps", 0) == 0);
    CHECK(r.errors[2].message.rfind("line 3, column 4: '.' is not a DNA base", 0) == 0);
    CHECK(r.errors[3].message.rfind("line 4, column 1: '1' is not a DNA base: remove position numbers", 0) ==
          0);
    CHECK(r.errors[4].message.rfind("line 5, column 2: byte 0xFF (not UTF-8 text) is not a DNA base", 0) ==
          0);
}

TEST_CASE("parse_fasta reports a record with no sequence at its header line")
{
    auto r = parse_fasta(">a\n>b\nACGT\n>c desc\n\n");
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].line == 1);
    CHECK(r.errors[0].column == 1);
    CHECK(r.errors[0].message.rfind("line 1, column 1: record 'a' has no sequence", 0) == 0);
    CHECK(r.errors[1].line == 4);
    CHECK(r.errors[1].message.find("record 'c'") != std::string::npos);
    CHECK(r.value.ids.size() == 3);  // nothing is dropped silently
}

TEST_CASE("parse_fasta reports text before the first header once, at its first line")
{
    auto r = parse_fasta("\n\n  hello\nworld\n>a\nAC\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 3);
    CHECK(r.errors[0].column == 3);
    CHECK(r.errors[0].message.rfind("line 3, column 3: text before the first header", 0) == 0);
    CHECK(r.value.sequences == std::vector<std::string>{"AC"});
}

TEST_CASE("parse_fasta keeps 20 errors and counts the rest as 'and N more'")
{
    auto r = parse_fasta(">a\nAC\n" + std::string(133, 'J') + "\n");
    REQUIRE(r.errors.size() == 20);
    CHECK(r.more_errors == 113);
    CHECK(r.errors[19].line == 3);
    CHECK(r.errors[19].column == 20);
    const std::string report = helix::data::error_report(r);
    CHECK(report.rfind("line 3, column 1: 'J'", 0) == 0);
    CHECK(report.size() >= 13);
    CHECK(report.substr(report.size() - 13) == "and 113 more\n");
}

TEST_CASE("parse_fasta keeps duplicate ids and names unnamed headers seqN")
{
    auto r = parse_fasta(">x\nA\n>x\nC\n>\nG\n>  y z\nT\n");
    REQUIRE(r.ok());
    CHECK(r.value.ids == std::vector<std::string>{"x", "x", "seq3", "y"});
}

TEST_CASE("parse_fasta says 'no sequences found' for empty or blank text")
{
    for (const char* text : {"", "\xEF\xBB\xBF", "\n \r\n\t\n"}) {
        auto r = parse_fasta(text);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].message.rfind("line 1, column 1: no sequences found", 0) == 0);
    }
}

TEST_CASE("parse_fasta reads a 20 MB paste in one pass")
{
    std::string text;
    text.reserve(21'000'000);
    const std::string row = "acgtacgtacgtacgtacgtacgtacgtacgtacgtacgtacgtacgtacgtacgtacgtacgt\n";  // 64 bases
    for (int record = 0; record < 1000; ++record) {
        text += ">r" + std::to_string(record) + "\n";
        for (int l = 0; l < 320; ++l) text += row;
    }
    text += "ACGT" + std::string(1'000'000, 'x') + "\n";  // a million bad characters: counted, not stored
    auto r = parse_fasta(text);
    CHECK(r.value.size() == 1000);
    CHECK(r.value.sequences[999].size() == 320 * 64 + 4);
    CHECK(r.errors.size() == 20);
    CHECK(r.more_errors == 1'000'000 - 20);
    CHECK(r.errors[0].column == 5);
}
