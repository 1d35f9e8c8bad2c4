// core/train/sequence_task.cpp: see sequence_task.hpp.
#include "sequence_task.hpp"

#include <algorithm>
#include <cmath>

#include "../infer/profile_scores.hpp"
#include "../nn/head_kind.hpp"
#include "../ops/norm.hpp"
#include "../ops/ops.hpp"
#include "batches.hpp"

namespace helix::train {

SequenceTask::SequenceTask(nn::Model& model, infer::Examples examples, const nn::TrainingSpec& training,
                           const nn::OptimizerSpec& optimizer)
    : model_(model),
      ex_(std::move(examples)),
      spec_(training),
      optimizer_(optim::make_optimizer(optimizer, model.params())),
      rng_(training.seed)
{
    HELIX_ASSERT(ex_.heads == model_.heads() && ex_.labels.size() == ex_.size() * ex_.heads);
    // Strata: the first head's label (a missing one is a stratum of its own); a regression target is not a
    // class, so its records form one stratum.
    const bool classes = nn::head_kind(model_.spec().heads[0].loss).classification();
    std::vector<float> strata(ex_.size());
    for (std::size_t i = 0; i < ex_.size(); ++i)
        strata[i] = std::isnan(ex_.label(i, 0)) ? -1.0f : classes ? ex_.label(i, 0) : 0.0f;
    Rng split_rng(training.seed * 0x9E3779B97F4A7C15ull + 1);
    split_ = stratified_split(strata, spec_.validation_fraction, spec_.test_fraction, split_rng);
}

std::size_t SequenceTask::start_epoch()
{
    batches_ = make_batches(ex_.sequences, split_.train, spec_.batch_size, &rng_);
    return batches_.size();
}

BatchOutcome SequenceTask::train_batch(std::size_t b)
{
    const auto& batch = batches_[b];
    optimizer_->zero_grad();
    std::vector<Var> logits =
        model_.forward_heads(infer::encode_inputs(model_, ex_, batch), /*training=*/true, rng_);
    // The total loss: each head's mean over the records that have its label, times its weight.
    std::vector<Var> terms;
    for (std::size_t h = 0; h < logits.size(); ++h) {
        Tensor y, mask;
        if (!infer::head_targets(model_, ex_, h, batch, y, mask)) continue;
        const auto& head = model_.spec().heads[h];
        Var l = nn::head_kind(head.loss).train_loss(logits[h], y, mask);
        terms.push_back(head.weight == 1.0f ? l : ops::scale(l, head.weight));
    }
    BatchOutcome out;
    out.learning_rate = optimizer_->learning_rate;
    if (terms.empty()) return out;  // no label of any head in this batch: nothing to learn from it
    Var loss = terms.size() == 1 ? terms[0] : ops::add(terms);
    const float value = loss.value()(0);
    out.bad = checked_update(
        value, model_.params(), [&] { backward(loss); }, [&] { optimizer_->step(); }, out.stepped);
    out.loss = value;
    out.count = batch.size();
    return out;
}

std::size_t SequenceTask::validate(std::size_t done)
{
    if (done == 0) val_prob_.assign(model_.heads(), {});
    const auto& v = split_.validation;
    const std::size_t end = std::min(done + kValidationChunk, v.size());
    const std::vector<std::size_t> chunk(v.begin() + static_cast<std::ptrdiff_t>(done),
                                         v.begin() + static_cast<std::ptrdiff_t>(end));
    const std::vector<Tensor> prob = infer::predict_heads(model_, ex_, chunk);
    for (std::size_t h = 0; h < prob.size(); ++h)
        val_prob_[h].insert(val_prob_[h].end(), prob[h].begin(), prob[h].end());
    return end;
}

ValidationScores SequenceTask::validation_scores()
{
    const auto& v = split_.validation;
    std::vector<Tensor> all;
    for (const auto& p : val_prob_) {
        const std::vector<std::size_t> shape = {v.size(), p.size() / v.size()};
        all.emplace_back(xt::adapt(p, shape));
    }
    const infer::HeadScores vh = infer::score_heads(model_, ex_, v, all);
    const nlohmann::json val = infer::scores_json(model_, vh);
    ValidationScores s;
    s.monitored = {vh.combined.loss, vh.combined.accuracy, vh.combined.auroc};
    if (val.contains("heads")) s.figures["valHeads"] = val["heads"];
    s.figures["valLoss"] = val["loss"];
    s.figures["valAccuracy"] = val["accuracy"];
    s.figures["valAuroc"] = val["auroc"];
    s.figures["valAuprc"] = val["auprc"];
    return s;
}

nlohmann::json SequenceTask::test_scores()
{
    const auto& test = split_.test;
    if (test.empty()) return infer::scores_json(model_, infer::score_heads(model_, ex_, test));
    const std::vector<Tensor> prob = infer::predict_heads(model_, ex_, test);
    nlohmann::json out = infer::scores_json(model_, infer::score_heads(model_, ex_, test, prob));
    // Regression heads also give their test points (observed, predicted), for the page's scatter: at most
    // kScatterPoints, evenly spaced through the test set.
    constexpr std::size_t kScatterPoints = 3000;
    const std::size_t step = (test.size() + kScatterPoints - 1) / kScatterPoints;
    for (std::size_t h = 0; h < model_.heads(); ++h) {
        const nn::LabelKind labels = nn::head_kind(model_.spec().heads[h].loss).labels;
        if (labels == nn::LabelKind::profile) {
            nlohmann::json& where = model_.heads() > 1 ? out["heads"][model_.spec().heads[h].name] : out;
            where["tracks"] = infer::profile_tracks(model_, ex_, h, test, prob);
            continue;
        }
        if (labels != nn::LabelKind::number) continue;
        nlohmann::json observed = nlohmann::json::array(), predicted = nlohmann::json::array();
        for (std::size_t k = 0; k < test.size(); k += step) {
            const float y = ex_.label(test[k], h);
            if (std::isnan(y)) continue;
            const auto* kind = &nn::head_kind(model_.spec().heads[h].loss);
            observed.push_back(kind->observed ? kind->observed(y) : y);
            predicted.push_back(prob[h](k, 0));
        }
        nlohmann::json& where = model_.heads() > 1 ? out["heads"][model_.spec().heads[h].name] : out;
        where["points"] = {{"observed", observed}, {"predicted", predicted}};
    }
    return out;
}

void SequenceTask::add_to_summary(nlohmann::json& summary)
{
    summary["split"] = split_json(split_);
}

}  // namespace helix::train
