// core/infer/examples.cpp: see examples.hpp.
#include "examples.hpp"

#include <cctype>

#include "../nn/head_kind.hpp"
#include "../train/batches.hpp"

namespace helix::infer {

Examples sequence_examples(std::vector<std::string> sequences, std::vector<float> labels)
{
    Examples ex;
    ex.sequences = std::move(sequences);
    ex.features.resize(1);
    ex.labels = std::move(labels);
    return ex;
}

std::vector<Tensor> encode_inputs(const nn::Model& model, const Examples& ex,
                                  const std::vector<std::size_t>& batch)
{
    const auto& inputs = model.spec().inputs;
    std::vector<Tensor> out;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (inputs[i].type == "dna") {
            out.push_back(train::encode_batch(ex.sequences, batch));
            continue;
        }
        const std::size_t F = inputs[i].columns.size();
        HELIX_ASSERT(ex.features[i].size() == ex.size() * F);
        Tensor x = Tensor::from_shape({batch.size(), F});
        for (std::size_t b = 0; b < batch.size(); ++b)
            std::copy_n(ex.features[i].data() + batch[b] * F, F, x.data() + b * F);
        out.push_back(std::move(x));
    }
    return out;
}

std::vector<std::size_t> profile_column_indices(const Examples& ex, const std::vector<std::string>& columns)
{
    const auto lower = [](std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    std::vector<std::size_t> out;
    for (const auto& c : columns) {
        std::size_t k = 0;
        while (k < ex.profile_columns.size() && lower(ex.profile_columns[k]) != lower(c)) ++k;
        HELIX_ASSERT(k < ex.profile_columns.size());  // table_options asked the table for it
        out.push_back(k);
    }
    return out;
}

void profile_of(const Examples& ex, std::size_t i, const std::vector<std::size_t>& cols, float* out)
{
    const std::size_t L = ex.profile_length, P = ex.profile_columns.size(), S = cols.size();
    HELIX_ASSERT(ex.profiles.size() == ex.size() * P * L);
    for (std::size_t s = 0; s < S; ++s) {
        const float* src = ex.profiles.data() + (i * P + cols[s]) * L;
        for (std::size_t l = 0; l < L; ++l) out[l * S + s] = src[l];
    }
}

bool head_targets(const nn::Model& model, const Examples& ex, std::size_t h,
                  const std::vector<std::size_t>& batch, Tensor& targets, Tensor& mask)
{
    const auto& head = model.spec().heads[h];
    if (nn::head_kind(head.loss).labels == nn::LabelKind::profile) {
        const std::vector<std::size_t> cols = profile_column_indices(ex, head.columns);
        const std::size_t B = batch.size(), L = ex.profile_length, S = cols.size();
        HELIX_ASSERT(L == model.head_positions(h));
        targets = Tensor::from_shape({B, L, S});
        for (std::size_t b = 0; b < B; ++b) profile_of(ex, batch[b], cols, targets.data() + b * L * S);
        mask = xt::ones<float>({B});
        return B > 0;
    }
    const bool classes = nn::head_kind(model.spec().heads[h].loss).labels == nn::LabelKind::classes;
    const std::size_t B = batch.size();
    targets = classes ? Tensor(xt::zeros<float>({B})) : Tensor(xt::zeros<float>({B, std::size_t{1}}));
    mask = xt::zeros_like(targets);
    bool any = false;
    for (std::size_t b = 0; b < B; ++b) {
        const float y = ex.label(batch[b], h);
        if (std::isnan(y)) continue;
        targets.data()[b] = y;
        mask.data()[b] = 1.0f;
        any = true;
    }
    return any;
}

}  // namespace helix::infer
