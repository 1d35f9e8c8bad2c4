// core/kernels/f32_spmm.hpp: Y(rows, n) (+)= A(rows, cols) * X(cols, n), A sparse in CSR, X and Y dense
// row-major f32. The graph ops use it for A_hat H (GCN propagation) and for sparse features times dense
// weights (Cora's 1433 binary features).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace helix {

// Compressed sparse rows: the nonzeros of row r are col[k], val[k] for k in [row_ptr[r], row_ptr[r+1]).
// row_ptr has rows + 1 entries, row_ptr[0] = 0, row_ptr[rows] = col.size() = val.size(). Columns within a
// row need not be sorted (the kernels do not care) but must be < cols; a repeated column adds.
struct SparseMatrix {
    std::size_t rows = 0, cols = 0;
    std::vector<std::uint32_t> row_ptr{0}, col;
    std::vector<float> val;
};

}  // namespace helix

namespace helix::kernels {

// Every structural rule above, in O(rows + nnz). The ops assert it once per call; the kernels assert only
// the O(1) part.
bool csr_is_valid(const SparseMatrix& a);

// A^T (cols, rows) in CSR, columns of each row ascending (a counting sort: O(rows + cols + nnz)).
SparseMatrix csr_transpose(const SparseMatrix& a);

// y (a.rows, n) (+)= a * x (a.cols, n). `accumulate` adds into y instead of overwriting it.
void f32_spmm__ref(const SparseMatrix& a, const float* x, std::size_t n, float* y,
                   bool accumulate);  // the definition
// Rows of y split over ThreadPool::global(); a row is y_r = sum_k val[k] * x[col[k]] in k order, SIMD over
// the n columns, so 1 and N threads agree bit for bit.
void f32_spmm(const SparseMatrix& a, const float* x, std::size_t n, float* y, bool accumulate);

}  // namespace helix::kernels
