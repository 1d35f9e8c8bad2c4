// tests/core/test_one_hot.cpp: one_hot, one_hot_into and fit_length.
#include <doctest/doctest.h>

#include <string>

#include "core/data/one_hot.hpp"

using helix::data::fit_length;
using helix::data::one_hot;
using helix::data::one_hot_into;

TEST_CASE("one_hot gives (B, L, 4) with channels in A, C, G, T order")
{
    helix::Tensor x = one_hot({"ACGT", "TTGA"}, 4);
    REQUIRE(helix::shape_of(x) == helix::Shape{2, 4, 4});
    for (std::size_t l = 0; l < 4; ++l)
        for (std::size_t c = 0; c < 4; ++c) CHECK(x(0, l, c) == (l == c ? 1.0f : 0.0f));
    CHECK(x(1, 0, 3) == 1.0f);
    CHECK(x(1, 2, 2) == 1.0f);
    CHECK(x(1, 3, 0) == 1.0f);
    CHECK(xt::sum(x)() == doctest::Approx(8.0));
}

TEST_CASE("one_hot_into spreads IUPAC codes over their bases, each row summing to 1")
{
    const std::string codes = "NRYSWKMBDHV";
    const float third = 1.0f / 3.0f;
    const float expected[11][4] = {
        {0.25f, 0.25f, 0.25f, 0.25f},  // N
        {0.5f, 0, 0.5f, 0},            // R = A/G
        {0, 0.5f, 0, 0.5f},            // Y = C/T
        {0, 0.5f, 0.5f, 0},            // S = C/G
        {0.5f, 0, 0, 0.5f},            // W = A/T
        {0, 0, 0.5f, 0.5f},            // K = G/T
        {0.5f, 0.5f, 0, 0},            // M = A/C
        {0, third, third, third},      // B = C/G/T
        {third, 0, third, third},      // D = A/G/T
        {third, third, 0, third},      // H = A/C/T
        {third, third, third, 0},      // V = A/C/G
    };
    std::vector<float> out(codes.size() * 4, -1.0f);
    one_hot_into(codes, out.data());
    for (std::size_t i = 0; i < codes.size(); ++i) {
        CAPTURE(codes[i]);
        float sum = 0;
        for (std::size_t c = 0; c < 4; ++c) {
            CHECK(out[4 * i + c] == doctest::Approx(expected[i][c]));
            sum += out[4 * i + c];
        }
        CHECK(sum == doctest::Approx(1.0f));
    }
}

TEST_CASE("one_hot_into reads lowercase as uppercase and writes exactly L*4 floats")
{
    std::vector<float> lower(5 * 4 + 1, 7.0f), upper(5 * 4, 0.0f);
    one_hot_into("acgtn", lower.data());
    one_hot_into("ACGTN", upper.data());
    CHECK(std::vector<float>(lower.begin(), lower.end() - 1) == upper);
    CHECK(lower.back() == 7.0f);
}

TEST_CASE(
    "fit_length keeps the centre: crops the extra from the left then right, pads with N extra on the right")
{
    CHECK(fit_length("TACGTAA", 4) == "ACGT");  // 3 extra: 1 from the left, 2 from the right
    CHECK(fit_length("AACGTT", 4) == "ACGT");
    CHECK(fit_length("ACGTA", 4) == "ACGT");
    CHECK(fit_length("AC", 5) == "NACNN");  // 3 short: 1 N on the left, 2 on the right
    CHECK(fit_length("AC", 6) == "NNACNN");
    CHECK(fit_length("ACGT", 4) == "ACGT");
    CHECK(fit_length("", 3) == "NNN");
    CHECK(fit_length("ACGT", 0) == "");
}
