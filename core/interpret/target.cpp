// core/interpret/target.cpp: see target.hpp.
#include "target.hpp"

#include <algorithm>
#include <cmath>

#include "../data/one_hot.hpp"
#include "../nn/head_kind.hpp"
#include "../ops/ops.hpp"

namespace helix::interpret {

Scorer::Scorer(nn::Model& model, const infer::Examples& ex, Target target)
    : model_(model), ex_(ex), target_(target)
{
    HELIX_ASSERT(model.dna_input() >= 0 && target.head < model.heads());
    for (nn::Param* p : model_.params()) {
        requires_grad_.push_back(p->var.requires_grad());
        p->var.set_requires_grad(false);
    }
}

Scorer::~Scorer()
{
    std::size_t i = 0;
    for (nn::Param* p : model_.params()) p->var.set_requires_grad(requires_grad_[i++]);
}

bool Scorer::multiclass() const
{
    return model_.spec().heads[target_.head].loss == "softmax_cross_entropy";
}

Var Scorer::logits(const Var& x, std::size_t record)
{
    return logits(x, std::vector<std::size_t>(x.dim(0), record));
}

Var Scorer::logits(const Var& x, const std::vector<std::size_t>& records)
{
    const auto& inputs = model_.spec().inputs;
    const std::size_t B = x.dim(0);
    HELIX_ASSERT(records.size() == B);
    std::vector<Var> in;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (inputs[i].type == "dna") {
            in.push_back(x);
            continue;
        }
        const std::size_t F = inputs[i].columns.size();
        Tensor f = Tensor::from_shape({B, F});
        for (std::size_t b = 0; b < B; ++b) {
            HELIX_ASSERT(ex_.features[i].size() >= (records[b] + 1) * F);
            std::copy_n(ex_.features[i].data() + records[b] * F, F, f.data() + b * F);
        }
        in.emplace_back(std::move(f), false);
    }
    Rng unused(0);
    return model_.forward_heads(in, /*training=*/false, unused)[target_.head];
}

std::size_t Scorer::class_of(const float* row) const
{
    if (!multiclass()) return 0;
    if (target_.class_index >= 0) return static_cast<std::size_t>(target_.class_index);
    return static_cast<std::size_t>(std::max_element(row, row + outputs()) - row);
}

float Scorer::score(const float* row, std::size_t k) const
{
    if (!target_.probability) return row[k];
    // The head's prediction (a probability for classes, the number itself for a regression head).
    const std::size_t K = outputs();
    prediction_.resize(K);
    nn::head_kind(model_.spec().heads[target_.head].loss).predict(row, 1, K, prediction_.data());
    return prediction_[k];
}

double Scorer::log_odds(const float* row, std::size_t k) const
{
    if (!multiclass()) return row[0];
    // logit(p_k) = z_k − log Σ_{j≠k} exp(z_j)
    const std::size_t K = outputs();
    double mx = -1e300;
    for (std::size_t j = 0; j < K; ++j)
        if (j != k) mx = std::max(mx, static_cast<double>(row[j]));
    double total = 0;
    for (std::size_t j = 0; j < K; ++j)
        if (j != k) total += std::exp(static_cast<double>(row[j]) - mx);
    return static_cast<double>(row[k]) - (mx + std::log(total));
}

Var Scorer::score_sum(const Var& logits, const std::vector<std::size_t>& classes) const
{
    const std::size_t B = logits.dim(0), K = logits.dim(1);
    HELIX_ASSERT(classes.size() == B);
    Tensor pick = xt::zeros<float>({B, K});
    for (std::size_t b = 0; b < B; ++b) pick(b, classes[b]) = 1.0f;
    if (!target_.probability || !nn::head_kind(model_.spec().heads[target_.head].loss).classification())
        return ops::weighted_sum(logits, pick);  // a regression head's output is its prediction
    return ops::weighted_sum(multiclass() ? ops::softmax(logits) : ops::sigmoid(logits), pick);
}

std::vector<float> Scorer::scores(const Tensor& x, std::size_t record, std::size_t k)
{
    const std::size_t B = x.shape()[0], L = x.shape()[1];
    const std::size_t chunk = rows_per_chunk(L);
    std::vector<float> out(B);
    for (std::size_t begin = 0; begin < B; begin += chunk) {
        const std::size_t n = std::min(chunk, B - begin);
        Tensor part = Tensor::from_shape({n, L, std::size_t{4}});
        std::copy_n(x.data() + begin * L * 4, n * L * 4, part.data());
        Var z = logits(Var(std::move(part), false), record);
        for (std::size_t b = 0; b < n; ++b) out[begin + b] = score(z.value().data() + b * outputs(), k);
    }
    return out;
}

std::size_t rows_per_chunk(std::size_t L)
{
    return std::max<std::size_t>(1, std::min<std::size_t>(512, 131072 / std::max<std::size_t>(L, 1)));
}

Tensor one_hot_sequence(const std::string& seq)
{
    Tensor x = Tensor::from_shape({seq.size(), std::size_t{4}});
    data::one_hot_into(seq, x.data());
    return x;
}

}  // namespace helix::interpret
