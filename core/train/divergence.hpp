// core/train/divergence.hpp: stops a training run at the first NaN or infinite loss, gradient or weight, and
// puts back the last good weights: those from before the optimizer step that caused it. A non-finite weight
// right after a step was caused by that step; a non-finite loss or gradient by the step before it (it made
// the weights this batch went through). Every trainer (sequence models, autoencoders, graph models, GANs)
// steps through one guard:
//   DivergenceGuard guard(model.params());          // two buffers per parameter, allocated here only
//   guard.save();                                    // before the forward pass: batch norm's running
//                                                    // statistics (parameters too) change during it
//   Var loss = ...;                                  // forward
//   bool stepped = false;
//   std::string bad = checked_update(loss.value()(0), guard.params(), [&] { backward(loss); },
//                                    [&] { optimizer.step(); }, stepped);
//   if (!bad.empty()) { stepped ? guard.restore() : guard.restore_previous(); message =
//   divergence_message(...); }
// save() and the restores copy floats between the parameters and the buffers made by the constructor: no
// allocation per step.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../nn/layer.hpp"

namespace helix::train {

class DivergenceGuard {
public:
    explicit DivergenceGuard(std::vector<nn::Param*> params);
    const std::vector<nn::Param*>& params() const { return params_; }

    void save();           // copies every parameter's values into the guard (keeping the save before)
    void restore() const;  // the weights as they were at the last save()
    void restore_previous() const;  // the weights as they were at the save() before the last one

    // "" when every value is finite, else what is not, for the message: "the loss became NaN",
    // "the gradient of conv1.weight became infinite", "the weight out.bias became NaN".
    static std::string check_loss(double loss);
    std::string check_gradients()
        const;  // parameters that have a gradient (frozen ones and running statistics have none)
    std::string check_weights() const;  // every parameter, running statistics included
    // The same checks on a subset (a GAN checks the network it is stepping).
    static std::string check_gradients(const std::vector<nn::Param*>& params);
    static std::string check_weights(const std::vector<nn::Param*>& params);

private:
    std::vector<nn::Param*> params_;
    std::vector<std::vector<float>> saved_, previous_;  // one per parameter each, sized at construction
};

// One update, checked at each stage: the loss value, then (after `backward()`) the gradients of `params`,
// then (after `step()`: a finite step can still overflow) their weights. Returns what became NaN or infinite,
// "" when nothing did; sets `stepped` once `step()` has run (then the guard's last save() holds the good
// weights, else the one before it).
template <class Backward, class Step>
std::string checked_update(double loss, const std::vector<nn::Param*>& params, Backward backward, Step step,
                           bool& stepped)
{
    std::string bad = DivergenceGuard::check_loss(loss);
    if (!bad.empty()) return bad;
    backward();
    bad = DivergenceGuard::check_gradients(params);
    if (!bad.empty()) return bad;
    step();
    stepped = true;
    return DivergenceGuard::check_weights(params);
}

// "training stopped at epoch 3, batch 7: the gradient of conv1.weight became NaN. The learning rate 1e+06 is
// probably too high; try 0.001. The weights from before the update that caused it are kept." `unit` names
// what a step is ("batch", or "step" for a GAN).
std::string divergence_message(std::size_t epoch, std::size_t batch, const std::string& what,
                               double learning_rate, const std::string& unit = "batch");
// The learning rate the message suggests: 1e-3 for a rate above 1e-2, else a tenth of it.
double suggested_learning_rate(double learning_rate);

// {"epoch", "batch", "message"}: the summary's `diverged` field.
nlohmann::json divergence_json(std::size_t epoch, std::size_t batch, const std::string& message);

// A training run stopped by a non-finite value: the message, the summary's `diverged` field and the step's
// event
// ({"type": "error", "message", "epoch", "batch"}).
struct Divergence {
    std::string message;
    nlohmann::json at, event;
};
// Puts the last good weights back (a bad weight comes from this step, when it `stepped`; a bad loss or
// gradient from the weights the step before made) and describes the stop at (1-based) `epoch`, `batch`.
Divergence stop_at_divergence(const DivergenceGuard& guard, bool stepped, std::size_t epoch,
                              std::size_t batch, const std::string& what, double learning_rate);

}  // namespace helix::train
