// tests/core/test_matrix.cpp: the expression-matrix loader and the labels join: values, line ends, and errors
// that name line and column.
#include <doctest/doctest.h>

#include "core/data/matrix.hpp"

using namespace helix::data;

namespace {
std::string first_error(const Parsed<Matrix>& p)
{
    return p.errors.empty() ? "" : p.errors[0].message;
}
}  // namespace

TEST_CASE("parse_matrix reads ids, column names and values row-major")
{
    auto p = parse_matrix("cell\tA\tB\tC\nc1\t0\t1.5\t-2e-1\nc2\t3\t.5\t+4\n");
    REQUIRE(p.ok());
    CHECK(p.value.ids == std::vector<std::string>{"c1", "c2"});
    CHECK(p.value.columns == std::vector<std::string>{"A", "B", "C"});
    CHECK(p.value.values == std::vector<float>{0.0f, 1.5f, -0.2f, 3.0f, 0.5f, 4.0f});
    CHECK(p.value.lines == std::vector<int>{2, 3});
}

TEST_CASE("parse_matrix: CRLF, a BOM, no last line end, blank lines and quoted CSV read the same")
{
    const auto plain = parse_matrix("cell\tA\tB\nc1\t1\t2\nc2\t3\t4\n");
    const auto windows = parse_matrix(
        "\xEF\xBB\xBF"
        "cell\tA\tB\r\nc1\t1\t2\r\n\r\nc2\t3\t4");
    const auto csv = parse_matrix("\"cell\",\"A\",\"B\"\n\"c1\",1,2\n\"c2\",3,4\n");
    REQUIRE(plain.ok());
    REQUIRE(windows.ok());
    REQUIRE(csv.ok());
    for (const auto* p : {&windows, &csv}) {
        CHECK(p->value.ids == plain.value.ids);
        CHECK(p->value.columns == plain.value.columns);
        CHECK(p->value.values == plain.value.values);
    }
}

TEST_CASE("parse_matrix errors name line and column")
{
    CHECK(first_error(parse_matrix("")) ==
          "line 1, column 1: the matrix is empty: expected a header (an id column, "
          "then one name per column) and one row per sample");
    CHECK(first_error(parse_matrix("cell\tA\tB\n")) ==
          "line 1, column 1: the matrix has a header but no rows");
    CHECK(first_error(parse_matrix("cell\tA\tB\nc1\t1\tx2\n")) ==
          "line 2, column 6: 'x2' in column 'B' is not a number (expected a finite decimal such as 0, 1.5 or "
          "2e-3)");
    CHECK(first_error(parse_matrix("cell\tA\tB\nc1\t1\tNaN\n"))
              .rfind("line 2, column 6: 'NaN' in column 'B'", 0) == 0);
    CHECK(first_error(parse_matrix("cell\tA\tB\nc1\t1\n")) ==
          "line 2, column 5: this row has 2 fields but the header has 3 (an id and 2 values)");
    CHECK(first_error(parse_matrix("cell\tA\tB\nc1\t1\t2\nc1\t3\t4\n")) ==
          "line 3, column 1: id 'c1' is also on line 2 (ids must be unique)");
    CHECK(first_error(parse_matrix("cell\tA\tA\nc1\t1\t2\n")) ==
          "line 1, column 8: column name 'A' is used by column 2 too");
    CHECK(first_error(parse_matrix("cell\nc1\n")).rfind("line 1, column 1: the header has 1 column", 0) == 0);
    auto many = parse_matrix("cell\tA\n" + std::string(30, 'x') + "\n");
    CHECK(many.errors.size() == 1);
}

TEST_CASE("parse_row_labels joins a metadata table by id; unknown ids are errors naming the line")
{
    auto m = parse_matrix("cell,A\nc1,1\nc2,2\nc3,3\n");
    REQUIRE(m.ok());
    auto labels = parse_row_labels("cell\tgroup\tcolour\nc3\tx\tred\nc1\ty\tblue\n", "Colour", m.value);
    REQUIRE(labels.ok());
    CHECK(labels.value == std::vector<std::string>{"blue", "", "red"});
    auto unknown = parse_row_labels("cell\tcolour\nc1\tred\nc9\tblue\n", "colour", m.value);
    REQUIRE(unknown.errors.size() == 1);
    CHECK(unknown.errors[0].message == "line 3, column 1: id 'c9' is not a row of the matrix");
    auto missing = parse_row_labels("cell\tgroup\nc1\tx\n", "classified", m.value);
    REQUIRE(missing.errors.size() == 1);
    CHECK(missing.errors[0].message ==
          "line 1, column 1: no column 'classified' after the id column (found: group)");
    auto twice = parse_row_labels("cell\tcolour\nc1\tred\nc1\tblue\n", "colour", m.value);
    CHECK(twice.errors.at(0).message == "line 3, column 1: id 'c1' is also on line 2");
}
