// core/nn/model.hpp: a Model is a spec made real: layers with initialised parameters, a forward pass
// over one-hot DNA (B, L, 4) giving logits (B, outputs), and the shape rules that say which sequence
// lengths it accepts. Sequential for now (the spec's layers in order).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "../rng.hpp"
#include "layer.hpp"
#include "spec.hpp"

namespace helix::nn {

class Model {
public:
    // Builds and initialises from `spec` with the spec's seed; problems go to `errors` (then the
    // returned pointer is null): shapes that do not fit, a last layer with the wrong width.
    static std::unique_ptr<Model> build(const ModelSpec& spec, std::vector<SpecError>& errors);

    const ModelSpec& spec() const { return spec_; }
    // "" when sequences of length L can go through the model, else the reason.
    std::string check_length(std::size_t L) const;
    std::size_t min_length() const { return min_length_; }      // shortest accepted length
    std::size_t fixed_length() const { return spec_.input.length; }  // 0: any length >= min_length()
    std::size_t outputs() const { return outputs_; }

    // x: (B, L, 4) -> logits (B, outputs). Records a tape only when parameters require gradients.
    Var forward(const Tensor& x, bool training, Rng& rng);

    std::vector<Param*> params();
    std::vector<const Param*> params() const;
    std::size_t parameter_count() const;
    // Layers, their output shapes ("any" for free lengths) and parameter counts, for the page.
    std::string summary_json() const;

    std::vector<Tensor> weights() const;  // copies, in params() order
    void set_weights(const std::vector<Tensor>& w);

private:
    ModelSpec spec_;
    std::vector<std::unique_ptr<Layer>> layers_;
    std::vector<Shape> shapes_;  // output shape of each layer at build time (0 = any length)
    std::size_t min_length_ = 0;
    std::size_t outputs_ = 0;
};

}  // namespace helix::nn
