// tests/core/test_f32_conv1d_dx.cpp: the few-channel conv1d input gradient against its double-precision
// definition, over channel counts around the 4-channel tile, lengths around the 2W-position tile, valid and
// same padding (odd and even K), a batch split over the thread pool, and accumulation into dx.
#include <vector>

#include "core/kernels/f32_conv1d_dx.hpp"
#include "core/parallel.hpp"
#include "gradcheck.hpp"

using namespace helix;

namespace {

void check(std::size_t B, std::size_t L, std::size_t C, std::size_t K, std::size_t F, bool same)
{
    INFO("B=" << B << " L=" << L << " C=" << C << " K=" << K << " F=" << F << " same=" << same);
    const std::size_t Lo = same ? L : L - K + 1;
    Rng rng(B * 1000 + L * 31 + C * 7 + K * 3 + F);
    std::vector<float> dy(B * Lo * F), w(K * C * F), dx(B * L * C), expect;
    for (auto& v : dy) v = rng.uniform() * 2 - 1;
    for (auto& v : w) v = rng.uniform() * 2 - 1;
    for (auto& v : dx) v = rng.uniform();  // dx is added to
    expect = dx;
    kernels::Conv1dDxArgs a;
    a.batch = B, a.length = L, a.channels = C, a.width = K, a.filters = F;
    a.out_length = Lo, a.pad_left = same ? (K - 1) / 2 : 0;
    a.dy = dy.data(), a.w = w.data();
    a.dx = expect.data();
    kernels::f32_conv1d_dx__ref(a);
    a.dx = dx.data();
    kernels::f32_conv1d_dx(a);
    for (std::size_t i = 0; i < dx.size(); ++i) {
        INFO("i=" << i);
        REQUIRE(dx[i] == doctest::Approx(expect[i]).epsilon(1e-5).scale(1.0 + double(K * F) * 1e-6));
    }
}

}  // namespace

TEST_CASE("f32_conv1d_dx matches its definition")
{
    for (std::size_t C : {1, 3, 4, 5, 8})
        for (std::size_t L : {1, 7, 8, 9, 17, 33}) {
            check(2, L, C, 1, 3, false);
            check(2, L, C, 3, 5, true);
            check(2, L, C, 4, 2, true);
            if (L >= 5) check(2, L, C, 5, 6, false);
        }
    check(1, 3, 4, 7, 2, true);  // K > L (same padding)
}

TEST_CASE("f32_conv1d_dx: W1's first layer over a batch split across threads")
{
    ThreadPool& pool = ThreadPool::global();
    const std::size_t before = pool.threads();
    pool.set_threads(2);
    check(9, 101, 4, 24, 16, false);
    check(5, 60, 4, 19, 30, true);
    pool.set_threads(before);
}
