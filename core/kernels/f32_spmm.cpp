// core/kernels/f32_spmm.cpp: CSR sparse times dense. See f32_spmm.hpp.
// The fast kernel walks a row's nonzeros in order and adds val * (row col of x) into the output row, W floats
// at a time (xsimd; 4 with SSE4.1/SIMD128). Output rows in flight stay in L1 for the F <= a few hundred of
// GCN hidden layers, so no tiling over n. No FMA: baseline wasm SIMD has none, and mul + add rounds alike
// on every build.
#include "f32_spmm.hpp"

#include <algorithm>
#include <xsimd/xsimd.hpp>

#include "../parallel.hpp"
#include "../tensor.hpp"

namespace helix::kernels {

bool csr_is_valid(const SparseMatrix& a)
{
    if (a.row_ptr.size() != a.rows + 1 || a.row_ptr[0] != 0) return false;
    if (a.row_ptr[a.rows] != a.col.size() || a.col.size() != a.val.size()) return false;
    for (std::size_t r = 0; r < a.rows; ++r)
        if (a.row_ptr[r] > a.row_ptr[r + 1]) return false;
    for (std::uint32_t c : a.col)
        if (c >= a.cols) return false;
    return true;
}

SparseMatrix csr_transpose(const SparseMatrix& a)
{
    HELIX_ASSERT(csr_is_valid(a));
    SparseMatrix t;
    t.rows = a.cols, t.cols = a.rows;
    t.row_ptr.assign(a.cols + 1, 0);
    for (std::uint32_t c : a.col) ++t.row_ptr[c + 1];
    for (std::size_t c = 0; c < a.cols; ++c) t.row_ptr[c + 1] += t.row_ptr[c];
    t.col.resize(a.col.size());
    t.val.resize(a.val.size());
    std::vector<std::uint32_t> next(t.row_ptr.begin(), t.row_ptr.end() - 1);
    for (std::size_t r = 0; r < a.rows; ++r)  // rows in order, so each row of t gets ascending columns
        for (std::uint32_t k = a.row_ptr[r]; k < a.row_ptr[r + 1]; ++k) {
            const std::uint32_t at = next[a.col[k]]++;
            t.col[at] = static_cast<std::uint32_t>(r);
            t.val[at] = a.val[k];
        }
    return t;
}

void f32_spmm__ref(const SparseMatrix& a, const float* x, std::size_t n, float* y, bool accumulate)
{
    HELIX_ASSERT(csr_is_valid(a));
    HELIX_ASSERT(n == 0 || a.rows == 0 || (x || a.col.empty()) && y);
    for (std::size_t r = 0; r < a.rows; ++r)
        for (std::size_t j = 0; j < n; ++j) {
            double s = 0.0;  // double: the reference should be closer to exact than anything it checks
            for (std::uint32_t k = a.row_ptr[r]; k < a.row_ptr[r + 1]; ++k)
                s += static_cast<double>(a.val[k]) * x[a.col[k] * n + j];
            float& out = y[r * n + j];
            out = accumulate ? static_cast<float>(out + s) : static_cast<float>(s);
        }
}

namespace {

using Batch = xsimd::batch<float>;
constexpr std::size_t W = Batch::size;

// Each element of y_r is held in a register over the row's nonzeros (y is loaded once and stored once per
// row), in column blocks of 4 vectors, then single vectors, then single floats: y_r = sum_k val[k] x[col[k]]
// in k order for every element, as the definition.
void spmm_rows(const SparseMatrix& a, const float* x, std::size_t n, float* y, bool accumulate,
               std::size_t r0, std::size_t r1)
{
    const Batch zero(0.0f);
    for (std::size_t r = r0; r < r1; ++r) {
        float* yr = y + r * n;
        const std::uint32_t k0 = a.row_ptr[r], k1 = a.row_ptr[r + 1];
        std::size_t j = 0;
        for (; j + 4 * W <= n; j += 4 * W) {
            Batch s0 = zero, s1 = zero, s2 = zero, s3 = zero;
            if (accumulate) {
                s0 = Batch::load_unaligned(yr + j), s1 = Batch::load_unaligned(yr + j + W);
                s2 = Batch::load_unaligned(yr + j + 2 * W), s3 = Batch::load_unaligned(yr + j + 3 * W);
            }
            for (std::uint32_t k = k0; k < k1; ++k) {
                const Batch v(a.val[k]);
                const float* xr = x + static_cast<std::size_t>(a.col[k]) * n + j;
                s0 += v * Batch::load_unaligned(xr);
                s1 += v * Batch::load_unaligned(xr + W);
                s2 += v * Batch::load_unaligned(xr + 2 * W);
                s3 += v * Batch::load_unaligned(xr + 3 * W);
            }
            s0.store_unaligned(yr + j), s1.store_unaligned(yr + j + W);
            s2.store_unaligned(yr + j + 2 * W), s3.store_unaligned(yr + j + 3 * W);
        }
        for (; j + W <= n; j += W) {
            Batch s = accumulate ? Batch::load_unaligned(yr + j) : zero;
            for (std::uint32_t k = k0; k < k1; ++k)
                s += Batch(a.val[k]) * Batch::load_unaligned(x + static_cast<std::size_t>(a.col[k]) * n + j);
            s.store_unaligned(yr + j);
        }
        for (; j < n; ++j) {
            float s = accumulate ? yr[j] : 0.0f;
            for (std::uint32_t k = k0; k < k1; ++k)
                s += a.val[k] * x[static_cast<std::size_t>(a.col[k]) * n + j];
            yr[j] = s;
        }
    }
}

}  // namespace

void f32_spmm(const SparseMatrix& a, const float* x, std::size_t n, float* y, bool accumulate)
{
    HELIX_ASSERT(a.row_ptr.size() == a.rows + 1 && a.row_ptr[a.rows] == a.col.size() &&
                 a.col.size() == a.val.size());
    HELIX_ASSERT(n == 0 || a.rows == 0 || (x || a.col.empty()) && y);
    if (n == 0 || a.rows == 0) return;
    // Tasks of at least ~1M multiply-adds. A sparse product streams its operands (a few flops per float
    // read), and the rows a task writes stay in its core's cache for the next op on the calling thread to
    // fetch back, so a hand-off pays only for a large product. Measured on W4 in Node (Cora: A_hat H ~200K, X
    // W ~800K): with ~16K per task 2 threads ran ~800 training steps/s against 1 thread's ~1,400; with ~256K,
    // ~980; with ~1M (W4's products then run whole on the calling thread), as fast as 1 thread.
    const std::size_t per_row = std::max<std::size_t>(1, (a.col.size() / a.rows + 1) * n);
    const std::size_t grain = std::max<std::size_t>(1, 1048576 / per_row);
    ThreadPool::global().parallel_for(
        0, a.rows, grain, [&](std::size_t r0, std::size_t r1) { spmm_rows(a, x, n, y, accumulate, r0, r1); });
}

}  // namespace helix::kernels
