// core/train/divergence.hpp: stops a training run at the first NaN or infinite loss, gradient or weight, and
// puts back the weights from just before the step that went bad. Every trainer (sequence models, autoencoders,
// graph models, GANs) steps through one guard:
//   DivergenceGuard guard(model.params());          // one buffer per parameter, allocated here only
//   guard.save();                                    // before the forward pass: batch norm's running
//                                                    // statistics (parameters too) change during it
//   Var loss = ...;                                  // forward
//   std::string bad = DivergenceGuard::check_loss(loss.value()(0));
//   if (bad.empty()) { backward(loss); bad = guard.check_gradients(); }
//   if (bad.empty()) { optimizer.step(); bad = guard.check_weights(); }   // a finite step can still overflow
//   if (!bad.empty()) { guard.restore(); message = divergence_message(epoch, batch, bad, learning_rate); }
// save() and restore() copy floats into and out of the buffers made by the constructor: no allocation per step.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../nn/layer.hpp"

namespace helix::train {

class DivergenceGuard {
public:
    explicit DivergenceGuard(std::vector<nn::Param*> params);

    void save();           // copies every parameter's values into the guard
    void restore() const;  // copies them back: the weights as they were at the last save()

    // "" when every value is finite, else what is not, for the message: "the loss became NaN",
    // "the gradient of conv1.weight became infinite", "the weight out.bias became NaN".
    static std::string check_loss(double loss);
    std::string check_gradients() const;  // parameters that have a gradient (frozen ones and running statistics have none)
    std::string check_weights() const;    // every parameter, running statistics included
    // The same checks on a subset (a GAN checks the network it is stepping).
    static std::string check_gradients(const std::vector<nn::Param*>& params);
    static std::string check_weights(const std::vector<nn::Param*>& params);

private:
    std::vector<nn::Param*> params_;
    std::vector<std::vector<float>> saved_;  // one per parameter, its size fixed at construction
};

// "training stopped at epoch 3, batch 7: the gradient of conv1.weight became NaN. The learning rate 1e+06 is
// probably too high; try 0.001. The weights from before this batch are kept." `unit` names what a step is
// ("batch", or "step" for a GAN).
std::string divergence_message(std::size_t epoch, std::size_t batch, const std::string& what, double learning_rate,
                               const std::string& unit = "batch");
// The learning rate the message suggests: 1e-3 for a rate above 1e-2, else a tenth of it.
double suggested_learning_rate(double learning_rate);

// {"epoch", "batch", "message"}: the summary's `diverged` field.
nlohmann::json divergence_json(std::size_t epoch, std::size_t batch, const std::string& message);

}  // namespace helix::train
