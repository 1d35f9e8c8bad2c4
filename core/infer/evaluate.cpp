// core/infer/evaluate.cpp: see evaluate.hpp.
#include "evaluate.hpp"

#include <algorithm>
#include <cmath>

#include "../data/one_hot.hpp"
#include "../nn/head_kind.hpp"
#include "../train/batches.hpp"
#include "../train/correlation.hpp"
#include "../train/metrics.hpp"
#include "profile_scores.hpp"

namespace helix::infer {

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

std::vector<Tensor> predict_heads(nn::Model& model, const Examples& ex,
                                  const std::vector<std::size_t>& indices, std::size_t batch_size)
{
    std::vector<Tensor> prob;
    for (std::size_t h = 0; h < model.heads(); ++h)
        prob.push_back(xt::zeros<float>({indices.size(), model.head_outputs(h)}));
    std::vector<std::size_t> position(ex.size());
    for (std::size_t k = 0; k < indices.size(); ++k) position[indices[k]] = k;
    // At most kPositionsPerBatch positions per forward pass: every layer's output of the batch is held until
    // it ends, and a 1,000-base profile model's outputs take about 2 MB per record (the threaded wasm build
    // has a fixed heap of 512 MB).
    constexpr std::size_t kPositionsPerBatch = 32768;
    std::size_t longest = 1;
    for (std::size_t i : indices) longest = std::max(longest, ex.sequences[i].size());
    batch_size = std::max<std::size_t>(1, std::min(batch_size, kPositionsPerBatch / longest));
    Rng unused(0);
    for (const auto& batch : train::make_batches(ex.sequences, indices, batch_size, nullptr)) {
        std::vector<Var> logits =
            model.forward_heads(encode_inputs(model, ex, batch), /*training=*/false, unused);
        for (std::size_t h = 0; h < logits.size(); ++h) {
            const std::size_t W = model.head_outputs(h), L = model.head_positions(h);
            const float* z = logits[h].value().data();
            const nn::HeadKind& kind = nn::head_kind(model.spec().heads[h].loss);
            for (std::size_t b = 0; b < batch.size(); ++b)
                kind.predict(z + b * W, L, W / L, prob[h].data() + position[batch[b]] * W);
        }
    }
    return prob;
}

std::vector<float> predict_probabilities(nn::Model& model, const std::vector<std::string>& sequences,
                                         const std::vector<std::size_t>& indices, std::size_t batch_size)
{
    Tensor p = predict_heads(model, sequence_examples(sequences), indices, batch_size)[0];
    return std::vector<float>(p.begin(), p.end());
}

std::vector<float> predict_class_probabilities(nn::Model& model, const std::vector<std::string>& sequences,
                                               const std::vector<std::size_t>& indices,
                                               std::size_t batch_size)
{
    return predict_probabilities(model, sequences, indices, batch_size);
}

namespace {

// Scores of one head from its predictions `prob` (n, K) and labels `y` (NaN = missing, skipped).
Scores score_head(const Tensor& prob, const std::vector<float>& labels, const nn::HeadKind& kind)
{
    const std::size_t K = prob.shape()[1];
    Scores s;
    std::vector<float> p, y;
    double loss = 0;
    for (std::size_t k = 0; k < labels.size(); ++k) {
        if (std::isnan(labels[k])) continue;
        const float* row = prob.data() + k * K;
        y.push_back(kind.observed ? kind.observed(labels[k]) : labels[k]);
        p.insert(p.end(), row, row + K);
        loss += kind.example_loss(row, K, labels[k]);
    }
    s.n = y.size();
    const double nan = std::nan("");
    if (y.empty()) {
        s.loss = s.accuracy = s.auroc = s.auprc = nan;
        return s;
    }
    s.loss = loss / static_cast<double>(y.size());
    switch (kind.labels) {
        case nn::LabelKind::number:
            s.accuracy = s.auroc = s.auprc = nan;
            s.mse = 0;
            for (std::size_t k = 0; k < y.size(); ++k) s.mse += (p[k] - y[k]) * (p[k] - y[k]) / y.size();
            s.pearson = train::pearson(p, y);
            s.spearman = train::spearman(p, y);
            break;
        case nn::LabelKind::profile:  // scored by score_profile_head
            HELIX_ASSERT(!"a profile head");
            break;
        case nn::LabelKind::classes:
            s.accuracy = train::multiclass_accuracy(p, y, K);
            s.auroc = train::macro_auroc(p, y, K);
            s.auprc = train::macro_auprc(p, y, K);
            break;
        case nn::LabelKind::binary:
            s.accuracy = train::accuracy(p, y);
            s.auroc = train::auroc(p, y);
            s.auprc = train::auprc(p, y);
            break;
    }
    return s;
}

double mean_of_finite(const std::vector<double>& xs)
{
    double total = 0;
    std::size_t n = 0;
    for (double x : xs)
        if (std::isfinite(x)) total += x, ++n;
    return n ? total / static_cast<double>(n) : std::nan("");
}

}  // namespace

HeadScores score_heads(nn::Model& model, const Examples& ex, const std::vector<std::size_t>& indices)
{
    if (indices.empty()) return score_heads(model, ex, indices, {});
    return score_heads(model, ex, indices, predict_heads(model, ex, indices));
}

HeadScores score_heads(const nn::Model& model, const Examples& ex, const std::vector<std::size_t>& indices,
                       const std::vector<Tensor>& prob)
{
    HeadScores out;
    out.combined.n = indices.size();
    out.heads.resize(model.heads());
    if (indices.empty()) return out;
    std::vector<double> acc, roc, prc, mse, r, rho;
    double loss = 0;
    for (std::size_t h = 0; h < model.heads(); ++h) {
        std::vector<float> y(indices.size());
        for (std::size_t k = 0; k < indices.size(); ++k) y[k] = ex.label(indices[k], h);
        const auto& head = model.spec().heads[h];
        const nn::HeadKind& kind = nn::head_kind(head.loss);
        if (kind.labels == nn::LabelKind::profile) {
            const std::size_t W = model.head_outputs(h), L = model.head_positions(h);
            std::vector<float> counts(indices.size() * W);
            const auto cols = profile_column_indices(ex, head.columns);
            HELIX_ASSERT(!ex.profiles.empty());  // scores need the observed profiles
            for (std::size_t k = 0; k < indices.size(); ++k)
                profile_of(ex, indices[k], cols, counts.data() + k * W);
            out.heads[h] = score_profile_head(prob[h], counts, L, W / L);
        } else {
            out.heads[h] = score_head(prob[h], y, kind);
        }
        if (out.heads[h].n) loss += head.weight * out.heads[h].loss;
        acc.push_back(out.heads[h].accuracy);
        roc.push_back(out.heads[h].auroc);
        prc.push_back(out.heads[h].auprc);
        mse.push_back(out.heads[h].mse);
        r.push_back(out.heads[h].pearson);
        rho.push_back(out.heads[h].spearman);
    }
    if (model.heads() == 1) {
        out.combined = out.heads[0];
        return out;
    }
    out.combined.loss = loss;
    out.combined.accuracy = mean_of_finite(acc);
    out.combined.auroc = mean_of_finite(roc);
    out.combined.auprc = mean_of_finite(prc);
    out.combined.mse = mean_of_finite(mse);
    out.combined.pearson = mean_of_finite(r);
    out.combined.spearman = mean_of_finite(rho);
    return out;
}

Scores score(nn::Model& model, const std::vector<std::string>& sequences, const std::vector<float>& labels,
             const std::vector<std::size_t>& indices)
{
    return score_heads(model, sequence_examples(sequences, labels), indices).combined;
}

}  // namespace helix::infer

namespace helix::infer {

nlohmann::json scores_json(const Scores& s)
{
    auto num = [](double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); };
    nlohmann::json out = {{"loss", num(s.loss)},
                          {"accuracy", num(s.accuracy)},
                          {"auroc", num(s.auroc)},
                          {"auprc", num(s.auprc)},
                          {"n", s.n}};
    // Regression figures only where a regression head was scored (classifiers keep today's keys).
    if (!std::isnan(s.mse) || !std::isnan(s.pearson)) {
        out["mse"] = num(s.mse);
        out["pearson"] = num(s.pearson);
        out["spearman"] = num(s.spearman);
    }
    if (s.signal_n || !std::isnan(s.profile_pearson)) {
        out["profile_pearson"] = num(s.profile_pearson);
        out["jsd"] = num(s.jsd);
        out["signal_regions"] = s.signal_n;
        out["baseline"] = {{"profile_pearson", num(s.baseline_profile_pearson)},
                           {"jsd", num(s.baseline_jsd)}};
    }
    return out;
}

nlohmann::json scores_json(const nn::Model& model, const HeadScores& s)
{
    nlohmann::json out = scores_json(s.combined);
    if (model.heads() > 1) {
        out["heads"] = nlohmann::json::object();
        for (std::size_t h = 0; h < model.heads(); ++h)
            out["heads"][model.spec().heads[h].name] = scores_json(s.heads[h]);
    }
    return out;
}

}  // namespace helix::infer
