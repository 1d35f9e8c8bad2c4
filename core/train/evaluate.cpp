// core/train/evaluate.cpp: see evaluate.hpp.
#include "evaluate.hpp"

#include <algorithm>
#include <cmath>

#include "../data/one_hot.hpp"
#include "batches.hpp"
#include "metrics.hpp"

namespace helix::train {

std::vector<std::string> fit_to_model(const nn::Model& model, const data::SequenceSet& set,
                                      std::vector<data::InputError>& errors, std::size_t& more_errors)
{
    std::vector<std::string> out;
    out.reserve(set.size());
    const std::size_t fixed = model.fixed_length();
    for (std::size_t i = 0; i < set.size(); ++i) {
        const std::string& s = set.sequences[i];
        std::string why = model.check_length(s.size());
        if (!why.empty()) {
            if (errors.size() < data::ErrorCollector::kLimit)
                errors.push_back({set.lines[i], 1, "sequence",
                                  "line " + std::to_string(set.lines[i]) + " (" + set.ids[i] + "): " + why});
            else
                ++more_errors;
            out.push_back(s);
            continue;
        }
        out.push_back(fixed && s.size() != fixed ? data::fit_length(s, fixed) : s);
    }
    return out;
}

std::vector<float> predict_probabilities(nn::Model& model, const std::vector<std::string>& sequences,
                                         const std::vector<std::size_t>& indices, std::size_t batch_size)
{
    std::vector<float> prob(indices.size());
    std::vector<std::size_t> position(sequences.size());
    for (std::size_t k = 0; k < indices.size(); ++k) position[indices[k]] = k;
    Rng unused(0);
    for (const auto& batch : make_batches(sequences, indices, batch_size, nullptr)) {
        Var logits = model.forward(encode_batch(sequences, batch), /*training=*/false, unused);
        const float* z = logits.value().data();
        for (std::size_t b = 0; b < batch.size(); ++b)
            prob[position[batch[b]]] = 1.0f / (1.0f + std::exp(-z[b]));
    }
    return prob;
}

std::vector<float> predict_class_probabilities(nn::Model& model, const std::vector<std::string>& sequences,
                                               const std::vector<std::size_t>& indices, std::size_t batch_size)
{
    const std::size_t K = model.outputs();
    std::vector<float> prob(indices.size() * K);
    std::vector<std::size_t> position(sequences.size());
    for (std::size_t k = 0; k < indices.size(); ++k) position[indices[k]] = k;
    Rng unused(0);
    for (const auto& batch : make_batches(sequences, indices, batch_size, nullptr)) {
        Var logits = model.forward(encode_batch(sequences, batch), /*training=*/false, unused);
        const float* z = logits.value().data();
        for (std::size_t b = 0; b < batch.size(); ++b) {
            const float* row = z + b * K;
            float* out = prob.data() + position[batch[b]] * K;
            const float mx = *std::max_element(row, row + K);  // shifted so exp cannot overflow
            double total = 0;
            for (std::size_t j = 0; j < K; ++j) total += std::exp(static_cast<double>(row[j] - mx));
            for (std::size_t j = 0; j < K; ++j)
                out[j] = static_cast<float>(std::exp(static_cast<double>(row[j] - mx)) / total);
        }
    }
    return prob;
}

namespace {

Scores score_classes(nn::Model& model, const std::vector<std::string>& sequences, const std::vector<float>& labels,
                     const std::vector<std::size_t>& indices)
{
    const std::size_t K = model.outputs();
    Scores s;
    s.n = indices.size();
    std::vector<float> prob = predict_class_probabilities(model, sequences, indices);
    std::vector<float> y(indices.size());
    double loss = 0;
    for (std::size_t k = 0; k < indices.size(); ++k) {
        y[k] = labels[indices[k]];
        // Clamped at -100 as for the binary loss, so a confident mistake stays finite.
        loss -= std::max(std::log(static_cast<double>(prob[k * K + static_cast<std::size_t>(y[k])])), -100.0);
    }
    s.loss = loss / static_cast<double>(indices.size());
    s.accuracy = multiclass_accuracy(prob, y, K);
    s.auroc = macro_auroc(prob, y, K);
    s.auprc = macro_auprc(prob, y, K);
    return s;
}

}  // namespace

Scores score(nn::Model& model, const std::vector<std::string>& sequences, const std::vector<float>& labels,
             const std::vector<std::size_t>& indices)
{
    Scores s;
    s.n = indices.size();
    if (indices.empty()) return s;
    if (model.spec().loss == "softmax_cross_entropy") return score_classes(model, sequences, labels, indices);
    std::vector<float> prob = predict_probabilities(model, sequences, indices);
    std::vector<float> y(indices.size());
    double loss = 0;
    for (std::size_t k = 0; k < indices.size(); ++k) {
        y[k] = labels[indices[k]];
        // Clamped as PyTorch's BCELoss clamps log at -100, so a confident mistake stays finite.
        const double p = prob[k];
        loss -= y[k] > 0.5f ? std::max(std::log(p), -100.0) : std::max(std::log1p(-p), -100.0);
    }
    s.loss = loss / static_cast<double>(indices.size());
    s.accuracy = accuracy(prob, y);
    s.auroc = auroc(prob, y);
    s.auprc = auprc(prob, y);
    return s;
}

}  // namespace helix::train

namespace helix::train {

nlohmann::json scores_json(const Scores& s)
{
    auto num = [](double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); };
    return {{"loss", num(s.loss)}, {"accuracy", num(s.accuracy)}, {"auroc", num(s.auroc)},
            {"auprc", num(s.auprc)}, {"n", s.n}};
}

}  // namespace helix::train
