// core/train/imputation.cpp: see imputation.hpp. Inference runs in chunks of rows to bound memory.
#include "imputation.hpp"

#include <algorithm>

namespace helix::train {

namespace {

constexpr std::size_t kChunk = 256;

std::vector<std::size_t> slice(const std::vector<std::size_t>& rows, std::size_t begin)
{
    return {rows.begin() + static_cast<std::ptrdiff_t>(begin),
            rows.begin() + static_cast<std::ptrdiff_t>(std::min(begin + kChunk, rows.size()))};
}

}  // namespace

Tensor draw_hidden(const std::vector<float>& values, std::size_t G, const std::vector<std::size_t>& rows,
                   float fraction, const std::string& entries, Rng& rng)
{
    Tensor hidden = xt::zeros<float>({rows.size(), G});
    const bool nonzero_only = entries == "nonzero";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const float* v = values.data() + rows[i] * G;
        float* h = hidden.data() + i * G;
        for (std::size_t g = 0; g < G; ++g)
            if ((!nonzero_only || v[g] != 0.0f) && rng.uniform() < fraction) h[g] = 1.0f;
    }
    return hidden;
}

ImputationScores score_imputation(nn::Autoencoder& model, const std::vector<float>& values,
                                  const std::vector<std::size_t>& rows, std::uint64_t seed)
{
    const std::size_t G = model.genes();
    const auto& spec = model.spec().imputation;
    Rng mask_rng(seed);
    Rng unused(0);
    ImputationScores s;
    s.cells = rows.size();
    double model_sum = 0.0, base_sum = 0.0;
    const float* base = model.baseline().data();
    for (std::size_t begin = 0; begin < rows.size(); begin += kChunk) {
        const auto part = slice(rows, begin);
        const Tensor hidden = draw_hidden(values, G, part, spec.mask_fraction, spec.entries, mask_rng);
        const Tensor out =
            model.forward(model.standardize(values, part, hidden), /*training=*/false, unused).value();
        for (std::size_t i = 0; i < part.size(); ++i) {
            const float* v = values.data() + part[i] * G;
            for (std::size_t g = 0; g < G; ++g) {
                if (hidden(i, g) == 0.0f) continue;
                const double dm = static_cast<double>(out(i, g)) - v[g],
                             db = static_cast<double>(base[g]) - v[g];
                model_sum += dm * dm;
                base_sum += db * db;
                ++s.hidden;
            }
        }
    }
    if (s.hidden) {
        s.model_mse = model_sum / static_cast<double>(s.hidden);
        s.baseline_mse = base_sum / static_cast<double>(s.hidden);
    }
    return s;
}

double reconstruction_mse(nn::Autoencoder& model, const std::vector<float>& values,
                          const std::vector<std::size_t>& rows)
{
    const std::size_t G = model.genes();
    double sum = 0.0;
    for (std::size_t begin = 0; begin < rows.size(); begin += kChunk) {
        const auto part = slice(rows, begin);
        const Tensor out = reconstruct(model, values, part);
        for (std::size_t i = 0; i < part.size(); ++i) {
            const float* v = values.data() + part[i] * G;
            for (std::size_t g = 0; g < G; ++g)
                sum += (static_cast<double>(out(i, g)) - v[g]) * (out(i, g) - v[g]);
        }
    }
    return rows.empty() ? 0.0 : sum / static_cast<double>(rows.size() * G);
}

Tensor reconstruct(nn::Autoencoder& model, const std::vector<float>& values,
                   const std::vector<std::size_t>& rows)
{
    const std::size_t G = model.genes();
    Tensor out = Tensor::from_shape({rows.size(), G});
    Rng unused(0);
    for (std::size_t begin = 0; begin < rows.size(); begin += kChunk) {
        const auto part = slice(rows, begin);
        const Tensor y = model.forward(model.standardize(values, part, Tensor()), false, unused).value();
        std::copy(y.data(), y.data() + y.size(), out.data() + begin * G);
    }
    return out;
}

Tensor encode(nn::Autoencoder& model, const std::vector<float>& values, const std::vector<std::size_t>& rows)
{
    const std::size_t K = model.spec().latent_units;
    Tensor out = Tensor::from_shape({rows.size(), K});
    Rng unused(0);
    for (std::size_t begin = 0; begin < rows.size(); begin += kChunk) {
        const auto part = slice(rows, begin);
        const Tensor z = model.encode(model.standardize(values, part, Tensor()), false, unused).value();
        std::copy(z.data(), z.data() + z.size(), out.data() + begin * K);
    }
    return out;
}

}  // namespace helix::train
