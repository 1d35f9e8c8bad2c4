// core/train/autoencoder_task.cpp: see autoencoder_task.hpp.
#include "autoencoder_task.hpp"

#include <algorithm>

#include "../ops/ops.hpp"
#include "imputation.hpp"

namespace helix::train {

Split autoencoder_split(std::size_t N, const nn::TrainingSpec& training)
{
    Rng rng(training.seed * 0x9E3779B97F4A7C15ull + 1);
    return stratified_split(std::vector<float>(N, 0.0f), training.validation_fraction, training.test_fraction,
                            rng);
}

AutoencoderTask::AutoencoderTask(nn::Autoencoder& model, const std::vector<float>& values, Split split,
                                 const nn::TrainingSpec& training, const nn::OptimizerSpec& optimizer)
    : model_(model),
      values_(values),
      split_(std::move(split)),
      spec_(training),
      optimizer_(optim::make_optimizer(optimizer, model.params())),
      rng_(training.seed),
      order_(split_.train)
{
    HELIX_ASSERT(!split_.train.empty());
}

double AutoencoderTask::validation_loss()
{
    if (model_.spec().reconstruction == "masked_mse")
        return score_imputation(model_, values_, split_.validation, validation_mask_seed(spec_)).model_mse;
    return reconstruction_mse(model_, values_, split_.validation);
}

std::size_t AutoencoderTask::start_epoch()
{
    rng_.shuffle(order_);
    return (order_.size() + spec_.batch_size - 1) / spec_.batch_size;
}

BatchOutcome AutoencoderTask::train_batch(std::size_t b)
{
    const std::size_t G = model_.genes();
    const std::size_t begin = b * spec_.batch_size, end = std::min(begin + spec_.batch_size, order_.size());
    const std::vector<std::size_t> rows(order_.begin() + static_cast<std::ptrdiff_t>(begin),
                                        order_.begin() + static_cast<std::ptrdiff_t>(end));
    const auto& spec = model_.spec();
    Tensor hidden;  // empty: nothing hidden
    if (spec.corruption.type == "mask")
        hidden = draw_hidden(values_, G, rows, spec.corruption.rate, spec.imputation.entries, rng_);
    Tensor x = model_.standardize(values_, rows, hidden);
    if (spec.corruption.type == "gaussian")
        for (float& v : x) v += spec.corruption.rate * rng_.normal();
    Tensor target = Tensor::from_shape({rows.size(), G});
    for (std::size_t i = 0; i < rows.size(); ++i)
        std::copy(values_.data() + rows[i] * G, values_.data() + (rows[i] + 1) * G, target.data() + i * G);

    optimizer_->zero_grad();
    Var out = model_.forward(x, /*training=*/true, rng_);
    // masked_mse: the loss counts only the hidden entries (a batch that hides none teaches nothing).
    Var loss = ops::mse(out, target, spec.reconstruction == "masked_mse" ? hidden : Tensor());
    BatchOutcome o;
    o.learning_rate = optimizer_->learning_rate;
    o.loss = loss.value()(0);
    o.count = rows.size();
    o.bad = checked_update(
        o.loss, model_.params(), [&] { backward(loss); }, [&] { optimizer_->step(); }, o.stepped);
    return o;
}

std::size_t AutoencoderTask::validate(std::size_t /*done*/)
{
    val_loss_ = validation_loss();
    return split_.validation.size();
}

ValidationScores AutoencoderTask::validation_scores()
{
    ValidationScores s;
    s.monitored.loss = val_loss_;
    s.figures["valLoss"] = val_loss_;
    return s;
}

nlohmann::json AutoencoderTask::test_scores()
{
    if (split_.test.empty()) return nullptr;
    const ImputationScores s = score_imputation(model_, values_, split_.test, test_mask_seed(spec_));
    return {{"reconstructionMse", reconstruction_mse(model_, values_, split_.test)},
            {"maskedMse", s.model_mse},
            {"meanImputationMse", s.baseline_mse},
            {"improvement", s.baseline_mse > 0 ? 1.0 - s.model_mse / s.baseline_mse : 0.0},
            {"hidden", s.hidden},
            {"cells", s.cells}};
}

}  // namespace helix::train
