// core/infer/examples.cpp: see examples.hpp.
#include "examples.hpp"

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

bool head_targets(const nn::Model& model, const Examples& ex, std::size_t h,
                  const std::vector<std::size_t>& batch, Tensor& targets, Tensor& mask)
{
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
