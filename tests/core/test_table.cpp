// tests/core/test_table.cpp: parse_table on TSV and CSV as spreadsheets export them.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/data/table.hpp"

using helix::data::parse_table;
using helix::data::TableOptions;

TEST_CASE("parse_table reads CSV with quoted fields, escaped quotes and 0.0/1.0 labels")
{
    auto r =
        parse_table("id,sequence,label\n\"enh, 1\",\"ACGT\",1\n\"say \"\"hi\"\"\", acgg ,0.0\nx,T,1.0\n");
    REQUIRE(r.ok());
    CHECK(r.value.ids == std::vector<std::string>{"enh, 1", "say \"hi\"", "x"});
    CHECK(r.value.sequences == std::vector<std::string>{"ACGT", "ACGG", "T"});
    CHECK(r.value.labels == std::vector<float>{1.0f, 0.0f, 1.0f});
    CHECK(r.value.lines == std::vector<int>{2, 3, 4});
    CHECK(r.value.label_column == "label");
}

TEST_CASE("parse_table reads TSV with another label column, case-insensitive headers, BOM and CRLF")
{
    TableOptions opt;
    opt.label_column = "bound";
    auto r = parse_table(
        "\xEF\xBB\xBFName\tSeq\tscore\tBound\r\nchr1:1-4\tacgt\t3.5\t0\r\n\r\nchr2:9-12\tGGCC\t-1\t1\r\n",
        opt);
    REQUIRE(r.ok());
    CHECK(r.value.ids == std::vector<std::string>{"chr1:1-4", "chr2:9-12"});
    CHECK(r.value.sequences == std::vector<std::string>{"ACGT", "GGCC"});
    CHECK(r.value.labels == std::vector<float>{0.0f, 1.0f});
    CHECK(r.value.lines == std::vector<int>{2, 4});
    CHECK(r.value.label_column == "Bound");
}

TEST_CASE("parse_table names rows without an id column seqN by data row, blank lines not counted")
{
    auto r = parse_table("sequence,label\nAC,1\n\n\nGT,0\n");
    REQUIRE(r.ok());
    CHECK(r.value.ids == std::vector<std::string>{"seq1", "seq2"});
    CHECK(r.value.lines == std::vector<int>{2, 5});
}

TEST_CASE("parse_table reports an empty label cell with line, column and field")
{
    auto r = parse_table("sequence,label\nACGT,1\nACGT,\nACGT,  \n");
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].line == 3);
    CHECK(r.errors[0].column == 6);
    CHECK(r.errors[0].field == "label");
    CHECK(r.errors[0].message ==
          "line 3, column 6: the 'label' cell is empty; training needs a label 0 or 1 on every row");
    CHECK(r.errors[1].line == 4);
    CHECK(r.errors[1].column == 6);
}

TEST_CASE("parse_table keeps an empty label as NaN (missing) when labels are not required")
{
    TableOptions opt;
    opt.require_labels = false;
    auto r = parse_table("sequence,label\nACGT,1\nACGT,\n", opt);
    REQUIRE(r.ok());
    REQUIRE(r.value.labels.size() == 2);
    CHECK(r.value.labels[0] == 1.0f);
    CHECK(std::isnan(r.value.labels[1]));
}

TEST_CASE("parse_table rejects labels other than 0 and 1, naming line, column and field")
{
    auto r = parse_table("sequence\tlabel\nACGT\tyes\nAC\t 2\nA\t0.5\nC\t1.00\nG\t-1\n");
    REQUIRE(r.errors.size() == 4);
    CHECK(r.errors[0].message ==
          "line 2, column 6: 'yes' in column 'label' is not a label (allowed: 0 or 1)");
    CHECK(r.errors[0].field == "label");
    CHECK(r.errors[1].line == 3);
    CHECK(r.errors[1].column == 5);
    CHECK(r.errors[2].line == 4);
    CHECK(r.errors[3].line == 6);
}

TEST_CASE("parse_table reports ragged rows at their line")
{
    auto r = parse_table("sequence,label\nACGT,1,extra\nACGT\nAC,0\n");
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].line == 2);
    CHECK(r.errors[0].message ==
          "line 2, column 1: 3 fields, but the header (line 1) has 2: 'sequence', 'label' (separated by "
          "commas)");
    CHECK(r.errors[1].line == 3);
    CHECK(r.errors[1].message.find("1 field, but") != std::string::npos);
    CHECK(r.value.sequences == std::vector<std::string>{"AC"});
}

TEST_CASE("parse_table reports a missing sequence column at the header line, listing the columns found")
{
    auto r = parse_table("\n dna ,label\nACGT,1\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 2);
    CHECK(r.errors[0].message ==
          "line 2, column 1: no 'sequence' column: the header row has 'dna', 'label' (comma-separated); "
          "name the column of DNA 'sequence' or 'seq'");
}

TEST_CASE("parse_table requires the label column only when labels are required")
{
    auto r = parse_table("id\tsequence\na\tACGT\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.rfind(
              "line 1, column 1: no 'label' column: the header row has 'id', 'sequence'", 0) == 0);

    TableOptions opt;
    opt.require_labels = false;
    auto u = parse_table("id\tsequence\na\tACGT\n", opt);
    REQUIRE(u.ok());
    CHECK(u.value.labels.empty());
    CHECK(u.value.label_column.empty());
}

TEST_CASE("parse_table validates sequence cells as FASTA does, counting columns from the line start")
{
    auto r = parse_table("id,sequence,label\nx,ACJT,1\n\"y,z\",AC-T,0\nw,,1\n");
    REQUIRE(r.errors.size() == 3);
    CHECK(r.errors[0].line == 2);
    CHECK(r.errors[0].column == 5);
    CHECK(r.errors[0].field == "sequence");
    CHECK(r.errors[0].message.rfind(
              "line 2, column 5: 'J' in column 'sequence' is not a DNA base (allowed: A, C", 0) == 0);
    CHECK(r.errors[1].line == 3);
    CHECK(r.errors[1].column == 9);  // "y,z" is 5 characters with its quotes
    CHECK(r.errors[2].message ==
          "line 4, column 3: the 'sequence' cell is empty; every row needs a DNA sequence");
}

TEST_CASE("parse_table reports an unclosed quote at its column")
{
    auto r = parse_table("sequence,label\nACGT,\"1\nAC,0\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 2);
    CHECK(r.errors[0].column == 6);
    CHECK(r.errors[0].message.find("never closed") != std::string::npos);
    CHECK(r.value.sequences == std::vector<std::string>{"AC"});
}

TEST_CASE("parse_table says no sequences found for empty text and for a header without rows")
{
    CHECK(parse_table("").errors.at(0).message == "line 1, column 1: no sequences found: the text is empty");
    auto r = parse_table("sequence,label\n\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("no sequences found") != std::string::npos);
}

TEST_CASE("parse_table reads class indices 0..K-1 when the model has K classes, and extra columns")
{
    TableOptions opt;
    opt.classes = 3;
    auto r = parse_table(
        "name\tsequence\tclass\tlabel\thas_ambiguous\n"
        "a\tACGTN\tEI\t0\t1\nb\tacgd\tIE\t1\t1\nc\tGGGG\tN\t2.0\t0\n",
        opt);
    REQUIRE(r.ok());
    CHECK(r.value.labels == std::vector<float>{0.0f, 1.0f, 2.0f});
    CHECK(r.value.ids == std::vector<std::string>{"a", "b", "c"});
    CHECK(r.value.sequences == std::vector<std::string>{"ACGTN", "ACGD", "GGGG"});
}

TEST_CASE("parse_table rejects a class outside 0..K-1, naming line, column and the allowed range")
{
    TableOptions opt;
    opt.classes = 3;
    auto r = parse_table(
        "sequence\tlabel\nACGT\t3\nACGT\t-1\nACGT\t1.5\nACGT\tN\nACGT\t99999999999999999999\nACGT\t\n", opt);
    REQUIRE(r.errors.size() == 6);
    CHECK(r.errors[0].message ==
          "line 2, column 6: '3' in column 'label' is not a label (allowed: 0 to 2, "
          "the class indices of a model with 3 classes)");
    CHECK(r.errors[0].field == "label");
    for (int i = 1; i < 5; ++i) CHECK(r.errors[i].line == i + 2);
    CHECK(r.errors[5].message ==
          "line 7, column 6: the 'label' cell is empty; training needs a label 0 to 2 on every row");
    // With the default (2 classes) the 0/1 rule stands: 2 is not a label.
    auto binary = parse_table("sequence\tlabel\nACGT\t2\n");
    REQUIRE(binary.errors.size() == 1);
    CHECK(binary.errors[0].message ==
          "line 2, column 6: '2' in column 'label' is not a label (allowed: 0 or 1)");
}

TEST_CASE(
    "parse_table: a feature past the float range is an error at its cell, not infinity (found by fuzz_table)")
{
    TableOptions opt;
    opt.feature_columns = {"gc"};
    auto r = parse_table(
        "sequence\tgc\tlabel\nACGT\t0.5\t1\nACGT\t12345678901234567890123456789012345678901234567890\t0\n",
        opt);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 3);
    CHECK(r.errors[0].column == 6);
    CHECK(r.errors[0].field == "gc");
    CHECK(r.errors[0].message.find("is too large") != std::string::npos);
}
