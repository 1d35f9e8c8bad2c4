// core/kernels/f32_conv1d_dx.cpp: see f32_conv1d_dx.hpp.
//
// With j = K-1-k and dyp the sequence's dy shifted right by off = K-1-pad_left (zero outside),
//   dx[pos, c] = sum_f sum_j dyp[pos + j, f] * w[K-1-j, c, f].
// Per sequence, dyp is stored transposed, dyt (F, Lpp): row f holds dyp[., f], so the 2W positions
// pos0 .. pos0+2W-1 at tap j are two contiguous vectors at dyt + f*Lpp + pos0 + j. The weights are arranged
// once per call as wk[cb][f][j][r] = w[K-1-j, 4cb + r, f] (zero past C), so a tile of 4 channels x 2W
// positions walks wk contiguously: per depth (f, j), 2 vector loads of dy, 4 broadcasts of w, 8 mul + add:
// the shape of f32_gemm's micro-kernel, with nothing packed per tile.
#include "f32_conv1d_dx.hpp"

#include <algorithm>
#include <vector>
#include <xsimd/xsimd.hpp>

#include "../parallel.hpp"
#include "../tensor.hpp"
#include "tile_4x2w.hpp"
#include "transpose4.hpp"

namespace helix::kernels {

void f32_conv1d_dx__ref(const Conv1dDxArgs& a)
{
    const std::size_t L = a.length, C = a.channels, K = a.width, F = a.filters, Lo = a.out_length;
    for (std::size_t s = 0; s < a.batch; ++s)
        for (std::size_t pos = 0; pos < L; ++pos)
            for (std::size_t c = 0; c < C; ++c) {
                double sum = 0.0;
                for (std::size_t k = 0; k < K; ++k) {
                    const long l = long(pos) + long(a.pad_left) - long(k);
                    if (l < 0 || l >= long(Lo)) continue;
                    for (std::size_t f = 0; f < F; ++f)
                        sum += double(a.dy[(s * Lo + std::size_t(l)) * F + f]) * a.w[(k * C + c) * F + f];
                }
                a.dx[(s * L + pos) * C + c] += static_cast<float>(sum);
            }
}

namespace {

using Batch = xsimd::batch<float>;
constexpr std::size_t W = Batch::size;
constexpr std::size_t CR = 4;      // channels per tile
constexpr std::size_t PR = 2 * W;  // positions per tile

// out (CR x PR) = sum over f, j of wk[f][j][r] * dyt[f*ldt + j + i]  (i < PR)
void tile(const float* wk, const float* dyt, std::size_t ldt, std::size_t F, std::size_t K, float* out)
{
    Batch c00(0.0f), c01(0.0f), c10(0.0f), c11(0.0f), c20(0.0f), c21(0.0f), c30(0.0f), c31(0.0f);
    const float* wp = wk;
    for (std::size_t f = 0; f < F; ++f) {
        const float* bp = dyt + f * ldt;
        for (std::size_t j = 0; j < K; ++j, wp += CR) {
            const Batch b0 = Batch::load_unaligned(bp + j), b1 = Batch::load_unaligned(bp + j + W);
            madd_4x2w(c00, c01, c10, c11, c20, c21, c30, c31, wp, b0, b1);
        }
    }
    c00.store_unaligned(out), c01.store_unaligned(out + W);
    c10.store_unaligned(out + PR), c11.store_unaligned(out + PR + W);
    c20.store_unaligned(out + 2 * PR), c21.store_unaligned(out + 2 * PR + W);
    c30.store_unaligned(out + 3 * PR), c31.store_unaligned(out + 3 * PR + W);
}

// dst (F, ldt) = [off zeros | src^T (F, Lo) | zeros to ldt], src (Lo, F) row-major: 4 x 4 blocks through
// registers where they fit (4-lane batches), single floats at the edges.
void transpose_into(const float* src, std::size_t Lo, std::size_t F, float* dst, std::size_t ldt,
                    std::size_t off)
{
    for (std::size_t f = 0; f < F; ++f) {
        float* row = dst + f * ldt;
        std::fill(row, row + off, 0.0f);
        std::fill(row + off + Lo, row + ldt, 0.0f);
    }
    std::size_t f0 = 0;
    if constexpr (W == 4) {
        for (; f0 + 4 <= F; f0 += 4) {
            std::size_t i = 0;
            for (; i + 4 <= Lo; i += 4) {
                const float* s = src + i * F + f0;
                Batch t[4] = {Batch::load_unaligned(s), Batch::load_unaligned(s + F),
                              Batch::load_unaligned(s + 2 * F), Batch::load_unaligned(s + 3 * F)};
                transpose4(t);
                for (std::size_t r = 0; r < 4; ++r) t[r].store_unaligned(dst + (f0 + r) * ldt + off + i);
            }
            for (; i < Lo; ++i)
                for (std::size_t r = 0; r < 4; ++r) dst[(f0 + r) * ldt + off + i] = src[i * F + f0 + r];
        }
    }
    for (std::size_t f = f0; f < F; ++f)
        for (std::size_t i = 0; i < Lo; ++i) dst[f * ldt + off + i] = src[i * F + f];
}

}  // namespace

void f32_conv1d_dx(const Conv1dDxArgs& a)
{
    const std::size_t B = a.batch, L = a.length, C = a.channels, K = a.width, F = a.filters,
                      Lo = a.out_length;
    if (B == 0 || L == 0 || C == 0) return;
    HELIX_ASSERT(K >= 1 && a.pad_left < K && Lo <= L + a.pad_left);  // dy shifted by off fits a row of dyt
    HELIX_ASSERT(a.dy && a.w && a.dx);
    const std::size_t off = K - 1 - a.pad_left, blocks = (C + CR - 1) / CR;
    thread_local std::vector<float> wk;  // [cb][f][j][r], kept across calls
    wk.assign(blocks * F * K * CR, 0.0f);
    for (std::size_t cb = 0; cb < blocks; ++cb)
        for (std::size_t f = 0; f < F; ++f)
            for (std::size_t j = 0; j < K; ++j)
                for (std::size_t r = 0; r < CR && cb * CR + r < C; ++r)
                    wk[((cb * F + f) * K + j) * CR + r] = a.w[((K - 1 - j) * C + cb * CR + r) * F + f];
    const float* pwk = wk.data();
    // A tile at pos0 reads dyt columns pos0 .. pos0 + PR-1 + K-1; every tile is whole, so rows are padded.
    const std::size_t tiles = (L + PR - 1) / PR, ldt = tiles * PR + K - 1;
    // One dyt (F x ldt) per thread of the pool; transpose_into writes all of it, padding included.
    ThreadPool& pool = ThreadPool::global();
    StepVector<float> dyt_slots(pool.threads() * F * ldt);
    pool.parallel_for(0, B, 1, [&](std::size_t s0, std::size_t s1) {
        float* dyt = dyt_slots.data() + ThreadPool::slot() * F * ldt;
        alignas(64) float out[CR * PR];
        for (std::size_t s = s0; s < s1; ++s) {
            // dyt[f][t] = dy[s, t - off, f] for t - off in [0, Lo), else 0 (off + Lo <= L + K - 1 <= ldt)
            const float* dys = a.dy + s * Lo * F;
            transpose_into(dys, Lo, F, dyt, ldt, off);
            float* dxs = a.dx + s * L * C;
            for (std::size_t t = 0; t < tiles; ++t) {
                const std::size_t pos0 = t * PR, np = std::min(PR, L - pos0);
                for (std::size_t cb = 0; cb < blocks; ++cb) {
                    tile(pwk + cb * F * K * CR, dyt + pos0, ldt, F, K, out);
                    const std::size_t nc = std::min(CR, C - cb * CR);
                    for (std::size_t i = 0; i < np; ++i) {
                        float* d = dxs + (pos0 + i) * C + cb * CR;
                        for (std::size_t r = 0; r < nc; ++r) d[r] += out[r * PR + i];
                    }
                }
            }
        }
    });
}

}  // namespace helix::kernels
