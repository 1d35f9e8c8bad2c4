// core/kernels/f32_gemm.cpp: C(M,N) (+)= op(A)(M,K) * op(B)(K,N), row-major f32. See f32_gemm.hpp.
//
// f32_gemm is the BLIS/XNNPACK shape of a GEMM, small enough to read. For each block of KC depths:
//   1. that block of B (KC x N) is packed, in parallel by column panels, into panels of NR columns: panel q
//      is KC x NR floats, row p holding B(p, q*NR .. q*NR+NR), zero past N. trans_b is undone here. Blocks
//      are packed a group at a time, up to 1 MB, so the buffer stays bounded however long K is (conv1d's dw
//      has K = B*L) while a whole group costs only two thread-pool calls.
//   2. Rows of C are split over the thread pool in tiles of MR rows. A task walks its tiles in column blocks
//      of NC (a KC x NC piece of packed B, 256 KB, stays in L2 across the tiles) and packs each MR x KC
//      piece of A into a stack buffer (KC x MR, zero past M): trans_a and lda < K (conv1d's strided im2col
//      view) are undone here, so the micro-kernel sees one layout; rows of A go through 4 x 4 register
//      transposes (transpose4.hpp), depths of A^T are copied a vector at a time. When A^T is stored in the
//      packed layout already (lda == MR: conv1d's dw with 4 channels), it is read in place (tiles_in_place).
//   3. The micro-kernel keeps an MR x NR tile of C in 2*MR xsimd batches (4x8 with SSE4.1/SIMD128: 8
//      accumulators + 2 B loads + 1 broadcast = 11 of 16 registers; a 16-wide tile would spill) and does
//      mul + add (baseline wasm SIMD has no FMA). The first block writes C (or adds, when accumulating),
//      later blocks add; the last one also adds the bias and applies the relu, when asked, at the store.
// Every element of C is the same sequence of float operations (K blocks in order, p in order within a
// block) whichever task computes it, so 1 and N threads agree bit for bit.
#include "f32_gemm.hpp"

#include <algorithm>
#include <vector>
#include <xsimd/xsimd.hpp>

#include "../parallel.hpp"
#include "../tensor.hpp"
#include "tile_4x2w.hpp"
#include "transpose4.hpp"

namespace helix::kernels {

void f32_gemm__ref(const GemmArgs& g)
{
    HELIX_ASSERT(g.m == 0 || g.n == 0 || (g.c && g.ldc >= g.n));
    HELIX_ASSERT(g.k == 0 || g.m == 0 || g.n == 0 || (g.a && g.b));
    for (std::size_t i = 0; i < g.m; ++i)
        for (std::size_t j = 0; j < g.n; ++j) {
            double s = 0.0;  // double: the reference should be closer to exact than anything it checks
            for (std::size_t p = 0; p < g.k; ++p) {
                float a = g.trans_a ? gemm_a_row(g, p)[i] : gemm_a_row(g, i)[p];
                float b = g.trans_b ? g.b[j * g.ldb + p] : g.b[p * g.ldb + j];
                s += static_cast<double>(a) * static_cast<double>(b);
            }
            float& c = g.c[i * g.ldc + j];
            c = g.accumulate ? static_cast<float>(c + s) : static_cast<float>(s);
            if (g.bias) c += g.bias[j];
            if (g.relu) c = c > 0.0f ? c : 0.0f;
        }
}

namespace {

using Batch = xsimd::batch<float>;
constexpr std::size_t W = Batch::size;  // 4 with SSE4.1 / SIMD128, 8 with AVX2
constexpr std::size_t MR = 4;
constexpr std::size_t NR = 2 * W;
constexpr std::size_t KC = 256;                     // depth of a block: an A piece is KC x MR = 4 KB
constexpr std::size_t NC = (65536 / KC / NR) * NR;  // a KC x NC block of packed B is 256 KB

// Panels [q0, q1) of depths [p0, p0+kc) of op(B) into dst (see step 1 above).
void pack_b(const GemmArgs& g, float* dst, std::size_t q0, std::size_t q1, std::size_t p0, std::size_t kc)
{
    for (std::size_t q = q0; q < q1; ++q) {
        const std::size_t j0 = q * NR, nr = std::min(NR, g.n - j0);
        float* d = dst + q * kc * NR;
        if (!g.trans_b && nr == NR) {
            for (std::size_t p = 0; p < kc; ++p) {
                const float* src = g.b + (p0 + p) * g.ldb + j0;
                Batch::load_unaligned(src).store_unaligned(d + p * NR);
                Batch::load_unaligned(src + W).store_unaligned(d + p * NR + W);
            }
        } else if (!g.trans_b) {
            for (std::size_t p = 0; p < kc; ++p) {
                const float* src = g.b + (p0 + p) * g.ldb + j0;
                std::size_t c = 0;
                for (; c < nr; ++c) d[p * NR + c] = src[c];
                for (; c < NR; ++c) d[p * NR + c] = 0.0f;
            }
        } else {
            for (std::size_t c = 0; c < NR; ++c) {
                if (c < nr) {
                    const float* src = g.b + (j0 + c) * g.ldb + p0;
                    for (std::size_t p = 0; p < kc; ++p) d[p * NR + c] = src[p];
                } else {
                    for (std::size_t p = 0; p < kc; ++p) d[p * NR + c] = 0.0f;
                }
            }
        }
    }
}

// Rows [i0, i0+mr) and depths [p0, p0+kc) of op(A) into dst (kc x MR, zero rows past mr).
void pack_a(const GemmArgs& g, float* dst, std::size_t i0, std::size_t mr, std::size_t p0, std::size_t kc)
{
    if (!g.trans_a) {
        if constexpr (MR == 4 && W == 4) {
            if (mr ==
                MR) {  // 4 x 4 blocks: four row vectors in, transposed in registers, four depth vectors out
                const float* r0 = gemm_a_row(g, i0) + p0;
                const float* r1 = gemm_a_row(g, i0 + 1) + p0;
                const float* r2 = gemm_a_row(g, i0 + 2) + p0;
                const float* r3 = gemm_a_row(g, i0 + 3) + p0;
                std::size_t p = 0;
                for (; p + 4 <= kc; p += 4) {
                    Batch t[4] = {Batch::load_unaligned(r0 + p), Batch::load_unaligned(r1 + p),
                                  Batch::load_unaligned(r2 + p), Batch::load_unaligned(r3 + p)};
                    transpose4(t);
                    for (std::size_t q = 0; q < 4; ++q) t[q].store_unaligned(dst + (p + q) * MR);
                }
                for (; p < kc; ++p) {
                    dst[p * MR] = r0[p], dst[p * MR + 1] = r1[p];
                    dst[p * MR + 2] = r2[p], dst[p * MR + 3] = r3[p];
                }
                return;
            }
        }
        for (std::size_t r = 0; r < mr; ++r) {
            const float* src = gemm_a_row(g, i0 + r) + p0;
            for (std::size_t p = 0; p < kc; ++p) dst[p * MR + r] = src[p];
        }
    } else if (mr == MR) {  // stored rows p0.. of A, walked without a division per row when grouped
        std::size_t in_group = g.a_group_rows ? p0 % g.a_group_rows : 0;
        const float* src = gemm_a_row(g, p0) + i0;
        for (std::size_t p = 0; p < kc; ++p) {
            if constexpr (MR == W) {  // SSE4.1 / SIMD128: a row of the tile is one vector
                Batch::load_unaligned(src).store_unaligned(dst + p * MR);
            } else {
                for (std::size_t r = 0; r < MR; ++r) dst[p * MR + r] = src[r];
            }
            src += g.lda;
            if (g.a_group_rows && ++in_group == g.a_group_rows) {
                in_group = 0;
                src = gemm_a_row(g, p0 + p + 1) + i0;
            }
        }
        return;
    } else {
        std::size_t in_group = g.a_group_rows ? p0 % g.a_group_rows : 0;
        const float* src = gemm_a_row(g, p0) + i0;
        for (std::size_t p = 0; p < kc; ++p) {
            for (std::size_t r = 0; r < mr; ++r) dst[p * MR + r] = src[r];
            src += g.lda;
            if (g.a_group_rows && ++in_group == g.a_group_rows) {
                in_group = 0;
                src = gemm_a_row(g, p0 + p + 1) + i0;
            }
        }
    }
    for (std::size_t r = mr; r < MR; ++r)
        for (std::size_t p = 0; p < kc; ++p) dst[p * MR + r] = 0.0f;
}

// c (mr x nr of an MR x NR tile, row stride ldc) = or += a (kc x MR packed) * b (kc x NR packed).
// On the last depth block only: bias (nr floats, or null) is then added to every row, and relu applied.
// Inlined into both callers: when the compiler called it instead (once it had two callers), wasm GEMMs ran
// 15% slower (dense1 forward 42 -> 36 GFLOP/s in Node); inlined, tiles_in_place's dw runs at 46 rather
// than 39.
__attribute__((always_inline)) inline void f32_gemm_4xNR__xsimd(std::size_t kc, const float* a,
                                                                const float* b, float* c, std::size_t ldc,
                                                                std::size_t mr, std::size_t nr, bool add_to_c,
                                                                const float* bias, bool relu)
{
    Batch c00(0.0f), c01(0.0f), c10(0.0f), c11(0.0f), c20(0.0f), c21(0.0f), c30(0.0f), c31(0.0f);
    for (std::size_t p = 0; p < kc; ++p, a += MR, b += NR) {
        const Batch b0 = Batch::load_unaligned(b), b1 = Batch::load_unaligned(b + W);
        madd_4x2w(c00, c01, c10, c11, c20, c21, c30, c31, a, b0, b1);
    }
    Batch acc[MR][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}};
    if (mr == MR && nr == NR) {
        const Batch zero(0.0f);
        Batch bias0(0.0f), bias1(0.0f);
        if (bias) bias0 = Batch::load_unaligned(bias), bias1 = Batch::load_unaligned(bias + W);
        for (std::size_t r = 0; r < MR; ++r) {
            float* row = c + r * ldc;
            Batch v0 = acc[r][0], v1 = acc[r][1];
            if (add_to_c) v0 += Batch::load_unaligned(row), v1 += Batch::load_unaligned(row + W);
            if (bias) v0 += bias0, v1 += bias1;
            if (relu) v0 = xsimd::select(v0 > zero, v0, zero), v1 = xsimd::select(v1 > zero, v1, zero);
            v0.store_unaligned(row);
            v1.store_unaligned(row + W);
        }
        return;
    }
    alignas(64) float tile[MR * NR];
    for (std::size_t r = 0; r < MR; ++r) {
        acc[r][0].store_unaligned(tile + r * NR);
        acc[r][1].store_unaligned(tile + r * NR + W);
    }
    for (std::size_t r = 0; r < mr; ++r)
        for (std::size_t j = 0; j < nr; ++j) {
            float v = add_to_c ? c[r * ldc + j] + tile[r * NR + j] : tile[r * NR + j];
            if (bias) v += bias[j];
            if (relu) v = v > 0.0f ? v : 0.0f;
            c[r * ldc + j] = v;
        }
}

// One row tile of C (rows i0 .. i0+MR-1, columns [jc, j_end)), depths [pc, pc+kc), with A read where it is
// stored. When op(A) = A^T and lda == MR, the MR values of a depth sit side by side and the next depth
// follows MR floats later: exactly the packed layout, within a group of rows of A (conv1d's dw on one-hot
// DNA: C = 4 channels, each sequence one group). So the micro-kernel reads A in place, one call per run of
// depths inside a group; a call after the first adds to C. This saves dw the copy of every depth of A (as
// many loads and stores as the micro-kernel's own B loads).
void tiles_in_place(const GemmArgs& g, const float* bpack, std::size_t i0, std::size_t jc, std::size_t j_end,
                    std::size_t pc, std::size_t kc, bool add_to_c, bool last_block)
{
    const std::size_t group = g.a_group_rows ? g.a_group_rows : g.k;
    for (std::size_t j = jc; j < j_end; j += NR) {
        const float* panel = bpack + (j / NR) * kc * NR;
        const std::size_t nr = std::min(NR, g.n - j);
        for (std::size_t p = pc, end = pc + kc; p < end;) {
            const std::size_t run = std::min(end, (p / group + 1) * group) - p;
            const bool last = p + run == end;
            f32_gemm_4xNR__xsimd(run, gemm_a_row(g, p) + i0, panel + (p - pc) * NR, g.c + i0 * g.ldc + j,
                                 g.ldc, MR, nr, add_to_c || p > pc,
                                 last && last_block && g.bias ? g.bias + j : nullptr,
                                 last && last_block && g.relu);
            p += run;
        }
    }
}

// Row tiles [t0, t1) of C, every column, depths [pc, pc+kc) (see step 2 above).
void gemm_tiles(const GemmArgs& g, const float* bpack, std::size_t t0, std::size_t t1, std::size_t pc,
                std::size_t kc)
{
    alignas(64) float apack[KC * MR];
    const bool add_to_c = g.accumulate || pc > 0;
    const bool last_block = pc + kc == g.k;
    for (std::size_t jc = 0; jc < g.n; jc += NC) {
        const std::size_t j_end = std::min(g.n, jc + NC);
        for (std::size_t t = t0; t < t1; ++t) {
            const std::size_t i0 = t * MR, mr = std::min(MR, g.m - i0);
            if (g.trans_a && g.lda == MR &&
                mr == MR) {  // A^T already in the packed layout: see tiles_in_place
                tiles_in_place(g, bpack, i0, jc, j_end, pc, kc, add_to_c, last_block);
                continue;
            }
            pack_a(g, apack, i0, mr, pc, kc);
            for (std::size_t j = jc; j < j_end; j += NR)
                f32_gemm_4xNR__xsimd(kc, apack, bpack + (j / NR) * kc * NR, g.c + i0 * g.ldc + j, g.ldc, mr,
                                     std::min(NR, g.n - j), add_to_c,
                                     last_block && g.bias ? g.bias + j : nullptr, last_block && g.relu);
        }
    }
}

}  // namespace

std::size_t f32_gemm_pack_floats(const GemmArgs& g)
{
    if (g.m == 0 || g.n == 0 || g.k == 0) return 0;
    const std::size_t panels = (g.n + NR - 1) / NR, blocks = (g.k + KC - 1) / KC;
    const std::size_t block_floats = panels * NR * std::min(KC, g.k);
    constexpr std::size_t kPackFloats = 1u << 18;  // 1 MB of packed B
    return std::clamp<std::size_t>(kPackFloats / block_floats, 1, blocks) * block_floats;
}

void f32_gemm(const GemmArgs& g)
{
    HELIX_ASSERT(g.m == 0 || g.n == 0 || (g.c && g.ldc >= g.n));
    HELIX_ASSERT(g.k == 0 || g.m == 0 || g.n == 0 || (g.a && g.b));
    if (g.m == 0 || g.n == 0) return;
    if (g.k == 0) {  // an empty sum: C = 0, or C unchanged
        if (!g.accumulate)
            for (std::size_t i = 0; i < g.m; ++i) std::fill(g.c + i * g.ldc, g.c + i * g.ldc + g.n, 0.0f);
        for (std::size_t i = 0; i < g.m; ++i)
            for (std::size_t j = 0; j < g.n; ++j) {
                float& c = g.c[i * g.ldc + j];
                if (g.bias) c += g.bias[j];
                if (g.relu) c = c > 0.0f ? c : 0.0f;
            }
        return;
    }
    ThreadPool& pool = ThreadPool::global();
    const std::size_t panels = (g.n + NR - 1) / NR, tiles = (g.m + MR - 1) / MR;
    const std::size_t blocks = (g.k + KC - 1) / KC;
    // B is packed a group of K blocks at a time (all of them when the group fits in kPackFloats), then one
    // parallel_for over row tiles runs the group's blocks in order: two pool calls per group rather than two
    // per block (conv1d's dw has K = B*L, dozens of blocks, and each call costs a wake-up). Each element of C
    // still sees the blocks in order, so the result is the same.
    const std::size_t block_floats = panels * NR * std::min(KC, g.k);
    const std::size_t group = f32_gemm_pack_floats(g) / block_floats;
    thread_local std::vector<float>
        bpack;  // group x KC x N (padded): grows to the largest seen on this thread
    if (!g.pack && bpack.size() < group * block_floats) bpack.resize(group * block_floats);
    float* bp = g.pack ? g.pack : bpack.data();
    for (std::size_t kb0 = 0; kb0 < blocks; kb0 += group) {
        const std::size_t kb1 = std::min(blocks, kb0 + group), pc0 = kb0 * KC,
                          depth = std::min(g.k, kb1 * KC) - pc0;
        // Packing: units are (block, panel) pairs; ~64K floats per chunk.
        pool.parallel_for(0, (kb1 - kb0) * panels, /*grain=*/std::max<std::size_t>(1, 65536 / (KC * NR)),
                          [&](std::size_t u0, std::size_t u1) {
                              for (std::size_t u = u0; u < u1; ++u) {
                                  const std::size_t blk = kb0 + u / panels, q = u % panels, pc = blk * KC;
                                  pack_b(g, bp + (blk - kb0) * block_floats, q, q + 1, pc,
                                         std::min(KC, g.k - pc));
                              }
                          });
        // Chunks of at least ~512K multiply-adds (~50 us on one wasm core). A chunk run on another thread
        // leaves its rows of C in that core's cache, and the next op on the calling thread pays to fetch them
        // back. With ~128K, W4 (a GCN, whose GEMMs are 2708 x 16 x 16) trained slower on 2 threads than on 1
        // (bench/RESULTS.md).
        const std::size_t grain = std::max<std::size_t>(1, (1u << 19) / (MR * g.n * depth));
        pool.parallel_for(0, tiles, grain, [&](std::size_t t0, std::size_t t1) {
            for (std::size_t blk = kb0; blk < kb1; ++blk) {
                const std::size_t pc = blk * KC;
                gemm_tiles(g, bp + (blk - kb0) * block_floats, t0, t1, pc, std::min(KC, g.k - pc));
            }
        });
    }
}

}  // namespace helix::kernels
