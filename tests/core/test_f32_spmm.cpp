// tests/core/test_f32_spmm.cpp: the CSR kernels. f32_spmm__ref against a dense product (f32_gemm__ref on the
// densified matrix), f32_spmm against f32_spmm__ref over remainders of the SIMD width, empty rows, repeated
// columns, accumulate and thread counts; csr_transpose against the dense transpose.
#include <vector>

#include "core/kernels/f32_gemm.hpp"
#include "core/kernels/f32_spmm.hpp"
#include "core/parallel.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::kernels;

// One namespace for the whole file, tests included: the unity build (CMakeLists.txt) compiles test files
// together, where helpers of the same name in two files would clash.
namespace test_f32_spmm {

// rows x cols with each entry nonzero with probability `density`; row 1 (if any) left empty, and row 0 gets
// a repeated column (CSR allows it: the two add).
SparseMatrix random_csr(std::size_t rows, std::size_t cols, float density, Rng& rng)
{
    SparseMatrix a;
    a.rows = rows, a.cols = cols;
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < cols; ++c)
            if (r != 1 && rng.uniform() < density) {
                a.col.push_back(static_cast<std::uint32_t>(c));
                a.val.push_back(rng.uniform(-1.0f, 1.0f));
            }
        if (r == 0 && cols > 0) a.col.push_back(0), a.val.push_back(0.5f);
        a.row_ptr.push_back(static_cast<std::uint32_t>(a.col.size()));
    }
    return a;
}

std::vector<float> dense(const SparseMatrix& a)
{
    std::vector<float> d(a.rows * a.cols, 0.0f);
    for (std::size_t r = 0; r < a.rows; ++r)
        for (std::uint32_t k = a.row_ptr[r]; k < a.row_ptr[r + 1]; ++k) d[r * a.cols + a.col[k]] += a.val[k];
    return d;
}

std::vector<float> random_vec(std::size_t n, Rng& rng)
{
    std::vector<float> v(n);
    for (auto& x : v) x = rng.uniform(-1.0f, 1.0f);
    return v;
}

// |got - want| <= 1e-5 * (sum of |terms| + |c0|) + 1e-6 per element: float rounding of a short sum.
bool close(const std::vector<float>& got, const std::vector<float>& want, float tol = 1e-5f)
{
    for (std::size_t i = 0; i < got.size(); ++i)
        if (!(std::fabs(got[i] - want[i]) <= tol * (1.0f + std::fabs(want[i])))) {
            MESSAGE("element " << i << ": got " << got[i] << ", want " << want[i]);
            return false;
        }
    return true;
}

TEST_CASE("f32_spmm__ref equals the dense product of the densified matrix")
{
    Rng rng(1);
    for (auto shape : {std::array<std::size_t, 3>{1, 1, 1}, {5, 7, 3}, {9, 4, 17}, {3, 20, 8}}) {
        const std::size_t m = shape[0], k = shape[1],
                          n = shape[2];  // not a structured binding: INFO captures them
        INFO(m << " x " << k << " times " << k << " x " << n);
        SparseMatrix a = random_csr(m, k, 0.3f, rng);
        REQUIRE(csr_is_valid(a));
        const auto x = random_vec(k * n, rng), ad = dense(a);
        std::vector<float> y(m * n, 7.0f), want(m * n);
        f32_spmm__ref(a, x.data(), n, y.data(), false);
        GemmArgs g;
        g.m = m, g.n = n, g.k = k, g.a = ad.data(), g.lda = k, g.b = x.data(), g.ldb = n, g.c = want.data(),
        g.ldc = n;
        f32_gemm__ref(g);
        CHECK(close(y, want));
    }
}

TEST_CASE(
    "f32_spmm matches f32_spmm__ref over SIMD remainders, empty rows, accumulate; 1 and 4 threads agree bit "
    "for bit")
{
    Rng rng(2);
    auto& pool = ThreadPool::global();
    const std::size_t threads = pool.threads();
    // The small matrix runs on one thread whatever the pool (below one task's work); the large one is split.
    for (std::size_t rows : {37, 16000})
        for (std::size_t n : {1, 3, 4, 5, 8, 9, 16, 17, 33})
            for (bool accumulate : {false, true}) {
                INFO("rows=" << rows << " n=" << n << " accumulate=" << accumulate);
                SparseMatrix a =
                    rows == 37 ? random_csr(37, 23, 0.2f, rng) : random_csr(rows, 300, 0.05f, rng);
                const auto x = random_vec(a.cols * n, rng), y0 = random_vec(a.rows * n, rng);
                auto want = y0, one = y0, four = y0;
                f32_spmm__ref(a, x.data(), n, want.data(), accumulate);
                pool.set_threads(1);
                f32_spmm(a, x.data(), n, one.data(), accumulate);
                pool.set_threads(4);
                f32_spmm(a, x.data(), n, four.data(), accumulate);
                CHECK(close(one, want));
                CHECK(one == four);
                // row 1 is empty: it reads 0, or keeps what was there when accumulating
                for (std::size_t j = 0; j < n; ++j) CHECK(one[n + j] == (accumulate ? y0[n + j] : 0.0f));
            }
    pool.set_threads(threads);
    SparseMatrix empty;  // 0 x 0: nothing to do, nothing touched
    f32_spmm(empty, nullptr, 4, nullptr, false);
}

TEST_CASE(
    "f32_spmm: csr_transpose is the dense transpose, with ascending columns; twice gives the matrix back")
{
    Rng rng(3);
    SparseMatrix a = random_csr(6, 9, 0.4f, rng);
    a.col.back() = 8;  // make sure the last column is used
    SparseMatrix t = csr_transpose(a);
    REQUIRE(csr_is_valid(t));
    CHECK(t.rows == 9);
    CHECK(t.cols == 6);
    const auto ad = dense(a), td = dense(t);
    for (std::size_t r = 0; r < 6; ++r)
        for (std::size_t c = 0; c < 9; ++c) CHECK(td[c * 6 + r] == ad[r * 9 + c]);
    for (std::size_t r = 0; r < t.rows; ++r)
        for (std::uint32_t k = t.row_ptr[r] + 1; k < t.row_ptr[r + 1]; ++k) CHECK(t.col[k - 1] <= t.col[k]);
    CHECK(dense(csr_transpose(t)) == ad);
}

TEST_CASE(
    "f32_spmm: csr_is_valid rejects a column out of range, a short row_ptr, mismatched val, decreasing "
    "row_ptr")
{
    Rng rng(4);
    SparseMatrix a = random_csr(4, 5, 0.5f, rng);
    CHECK(csr_is_valid(a));
    SparseMatrix bad = a;
    bad.col[0] = 5;
    CHECK_FALSE(csr_is_valid(bad));
    bad = a;
    bad.row_ptr.pop_back();
    CHECK_FALSE(csr_is_valid(bad));
    bad = a;
    bad.val.push_back(1.0f);
    CHECK_FALSE(csr_is_valid(bad));
    bad = a;
    bad.row_ptr[2] = bad.row_ptr[3] + 1;  // row 2 would end before it starts
    CHECK_FALSE(csr_is_valid(bad));
}

}  // namespace test_f32_spmm
