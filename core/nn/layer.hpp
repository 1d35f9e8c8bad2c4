// core/nn/layer.hpp: what every layer is: named, with named parameters, a shape rule and a forward
// pass built from ops (so backward comes from autograd). Shapes here exclude the batch axis:
// a DNA input is {L, 4}; L == 0 stands for "any length" while a model is being built.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "../autograd.hpp"
#include "../rng.hpp"
#include "../spec/layer.hpp"

namespace helix::nn {

struct Param {
    std::string name;  // "<layer>.weight", "<layer>.bias": the key in model files
    Var var;
};

// The most parameters a network may have: 64 M floats (256 MB). Training keeps about six floats per parameter
// (gradient, two Adam moments, the divergence guard's two copies), which is what a browser's 0.5 to 2 GB heap
// holds; a spec or model file asking for more is refused before anything is allocated.
constexpr double kMaxParameters = 64.0 * 1024 * 1024;

// "" while `total` (the parameters of the layers so far, this one included) is within kMaxParameters, else
// the message for this layer: "this layer would bring the network to 1.4e+12 parameters; at most 67108864 (64
// M) fit in a browser's memory: use fewer filters or units".
std::string parameter_budget_error(double total);

struct ForwardCtx {
    bool training = false;
    Rng* rng = nullptr;  // dropout masks
};

class Layer {
public:
    explicit Layer(const LayerSpec& spec) : spec_(spec) {}
    virtual ~Layer() = default;
    const std::string& name() const { return spec_.name; }
    const LayerSpec& spec() const { return spec_; }

    // The output shape for input `in`, or "" in `error` with the reason ("kernel_size 24 is longer
    // than the sequence (L = 20)"). Called before build() and for every new input length.
    virtual Shape output_shape(const Shape& in, std::string& error) const = 0;
    // How many parameters build(in) would make (weights, biases, running statistics), before making them: a
    // double, so that what a spec asks for (44294967297 filters) is counted, not wrapped around.
    virtual double parameter_count(const Shape& /*in*/) const { return 0.0; }
    // Creates and initialises the parameters for input shape `in` (the length may be 0 = any).
    virtual void build(const Shape& /*in*/, Rng& /*rng*/) {}
    virtual Var forward(const Var& x, ForwardCtx& ctx) = 0;
    std::vector<Param>& params() { return params_; }
    const std::vector<Param>& params() const { return params_; }

protected:
    LayerSpec spec_;
    std::vector<Param> params_;
};

std::unique_ptr<Layer> make_layer(const LayerSpec& spec);
std::unique_ptr<Layer> make_recurrent_layer(const LayerSpec& spec);  // lstm, gru (recurrent_layers.cpp)
std::unique_ptr<Layer> make_norm_layer(const LayerSpec& spec);  // batch_norm, layer_norm (norm_layers.cpp)
std::unique_ptr<Layer> make_crop_layer(const LayerSpec& spec);  // crop (crop_layer.cpp)
// positional, transformer_block, cls_token, cls_readout (transformer_layers.cpp)
std::unique_ptr<Layer> make_transformer_layer(const LayerSpec& spec);

// Glorot-uniform weights of `shape` (Keras's default), drawn from rng; a parameter (requires a gradient).
Var glorot(const Shape& shape, std::size_t fan_in, std::size_t fan_out, Rng& rng);

}  // namespace helix::nn
