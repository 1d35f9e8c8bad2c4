// core/interpret/integrated_gradients.cpp: see integrated_gradients.hpp.
#include "integrated_gradients.hpp"

#include <algorithm>

#include "../rng.hpp"

namespace helix::interpret {

namespace {

// Attributions along the straight path from baseline b (L, 4) to x (L, 4) for class k; the scores at the
// path's two ends go to score_x and score_b.
std::vector<double> path_attributions(Scorer& scorer, const Tensor& x, const Tensor& b, std::size_t record,
                                      std::size_t k, std::size_t steps, double& score_x, double& score_b)
{
    const std::size_t L = x.shape()[0], P = steps + 1, LC = L * 4;
    std::vector<double> avg_grad(LC, 0.0);
    const std::size_t chunk = rows_per_chunk(L);
    for (std::size_t begin = 0; begin < P; begin += chunk) {
        const std::size_t n = std::min(chunk, P - begin);
        Tensor points = Tensor::from_shape({n, L, std::size_t{4}});
        for (std::size_t r = 0; r < n; ++r) {
            const float alpha = static_cast<float>(begin + r) / static_cast<float>(steps);
            float* p = points.data() + r * LC;
            for (std::size_t i = 0; i < LC; ++i) p[i] = b.data()[i] + alpha * (x.data()[i] - b.data()[i]);
        }
        Var input(std::move(points), /*requires_grad=*/true);
        Var z = scorer.logits(input, record);
        for (std::size_t r = 0; r < n; ++r) {
            const std::size_t point = begin + r;
            if (point == 0) score_b = scorer.score(z.value().data() + r * scorer.outputs(), k);
            if (point == steps) score_x = scorer.score(z.value().data() + r * scorer.outputs(), k);
        }
        backward(scorer.score_sum(z, std::vector<std::size_t>(n, k)));
        const float* g = input.grad().data();
        for (std::size_t r = 0; r < n; ++r) {
            const std::size_t point = begin + r;
            const double w =
                (point == 0 || point == steps ? 0.5 : 1.0) / static_cast<double>(steps);  // trapezoid
            for (std::size_t i = 0; i < LC; ++i) avg_grad[i] += w * g[r * LC + i];
        }
    }
    std::vector<double> a(L, 0.0);
    for (std::size_t l = 0; l < L; ++l)
        for (std::size_t c = 0; c < 4; ++c)
            a[l] += (x.data()[l * 4 + c] - b.data()[l * 4 + c]) * avg_grad[l * 4 + c];
    return a;
}

}  // namespace

IntegratedGradients integrated_gradients(Scorer& scorer, const std::string& seq, std::size_t record,
                                         const IgOptions& options)
{
    HELIX_ASSERT(options.steps >= 1 && options.shuffles >= 1);
    const std::size_t L = seq.size();
    const Tensor x = one_hot_sequence(seq);
    IntegratedGradients out;
    {
        Tensor one = x;
        one.reshape({std::size_t{1}, L, std::size_t{4}});
        Var z = scorer.logits(Var(one, false), record);
        out.class_index = scorer.class_of(z.value().data());
    }
    const std::size_t runs = options.shuffled ? options.shuffles : 1;
    std::vector<double> sum(L, 0.0);
    double score_x = 0, score_b_sum = 0;
    for (std::size_t s = 0; s < runs; ++s) {
        Tensor b;
        if (options.shuffled) {
            std::vector<char> bases(seq.begin(), seq.end());
            Rng rng(options.seed + s);
            rng.shuffle(bases);
            b = one_hot_sequence(std::string(bases.begin(), bases.end()));
        } else {
            b = xt::full_like(x, 0.25f);
        }
        double score_b = 0;
        std::vector<double> a =
            path_attributions(scorer, x, b, record, out.class_index, options.steps, score_x, score_b);
        for (std::size_t l = 0; l < L; ++l) sum[l] += a[l];
        score_b_sum += score_b;
    }
    out.attributions.resize(L);
    double total = 0;
    for (std::size_t l = 0; l < L; ++l) {
        out.attributions[l] = static_cast<float>(sum[l] / static_cast<double>(runs));
        total += sum[l] / static_cast<double>(runs);
    }
    out.score = static_cast<float>(score_x);
    out.baseline_score = static_cast<float>(score_b_sum / static_cast<double>(runs));
    out.delta = static_cast<float>(total - (score_x - score_b_sum / static_cast<double>(runs)));
    return out;
}

}  // namespace helix::interpret
