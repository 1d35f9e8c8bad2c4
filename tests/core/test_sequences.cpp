// tests/core/test_sequences.cpp: parse_sequences detects FASTA, tables and plain lines.
#include <doctest/doctest.h>

#include <string>

#include "core/data/sequences.hpp"

using helix::data::parse_sequences;
using helix::data::TableOptions;

namespace {
TableOptions unlabelled()
{
    TableOptions opt;
    opt.require_labels = false;
    return opt;
}
}  // namespace

TEST_CASE("parse_sequences detects FASTA from a first non-blank line starting with '>'")
{
    auto r = parse_sequences("\n\n>a\nacgt\n>b\nGG\n", unlabelled());
    REQUIRE(r.ok());
    CHECK(r.value.ids == std::vector<std::string>{"a", "b"});
    CHECK(r.value.lines == std::vector<int>{3, 5});
}

TEST_CASE("parse_sequences asks for labels once when FASTA is given for training")
{
    auto r = parse_sequences(">a\nACGT\n>b\nAJ\n");
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].line == 1);
    CHECK(r.errors[0].message.rfind("line 1, column 1: FASTA carries no labels, and training needs them",
                                    0) == 0);
    CHECK(r.errors[0].message.find("'label' column of 0/1") != std::string::npos);
    CHECK(r.errors[1].line == 4);
    CHECK(r.errors[1].column == 2);
}

TEST_CASE("parse_sequences keeps the labels error first when FASTA errors pass the cap")
{
    auto r = parse_sequences(">a\n" + std::string(30, 'J') + "\n");
    REQUIRE(r.errors.size() == 20);
    CHECK(r.errors[0].message.find("no labels") != std::string::npos);
    CHECK(r.more_errors == 11);
}

TEST_CASE("parse_sequences detects tables by a sequence or seq header field, TSV or CSV")
{
    auto tsv = parse_sequences("name\tSEQUENCE\tlabel\na\tACGT\t1\n");
    REQUIRE(tsv.ok());
    CHECK(tsv.value.ids == std::vector<std::string>{"a"});
    CHECK(tsv.value.labels == std::vector<float>{1.0f});

    auto csv = parse_sequences("\xEF\xBB\xBF\"seq\",label\r\nAC,0\r\n");
    REQUIRE(csv.ok());
    CHECK(csv.value.sequences == std::vector<std::string>{"AC"});
    CHECK(csv.value.ids == std::vector<std::string>{"seq1"});
}

TEST_CASE("parse_sequences reads plain lines, one sequence each, blank lines skipped")
{
    auto r = parse_sequences("acgt\r\n\r\n  GGCC \r\nNNA", unlabelled());
    REQUIRE(r.ok());
    CHECK(r.value.ids == std::vector<std::string>{"seq1", "seq2", "seq3"});
    CHECK(r.value.sequences == std::vector<std::string>{"ACGT", "GGCC", "NNA"});
    CHECK(r.value.lines == std::vector<int>{1, 3, 4});
    CHECK(r.value.labels.empty());
}

TEST_CASE("parse_sequences validates plain lines with line and column")
{
    auto r = parse_sequences("ACGT\nACGTZ\n", unlabelled());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 2);
    CHECK(r.errors[0].column == 5);
}

TEST_CASE("parse_sequences asks for labels when plain lines are given for training")
{
    auto r = parse_sequences("ACGT\nGGCC\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.rfind("line 1, column 1: one sequence per line carries no labels", 0) == 0);
}

TEST_CASE("parse_sequences asks for a header row when a table has none")
{
    auto r = parse_sequences("ACGT\t1\nGGCC\t0\n", unlabelled());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 1);
    CHECK(r.errors[0].column == 5);
    CHECK(r.errors[0].message.find("without a header row") != std::string::npos);
}

TEST_CASE("parse_sequences says no sequences found for empty input")
{
    for (const char* text : {"", "\n\n", "  \r\n\t"}) {
        auto r = parse_sequences(text);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].line == 1);
        CHECK(r.errors[0].column == 1);
        CHECK(r.errors[0].message == "line 1, column 1: no sequences found: the text is empty");
    }
}
