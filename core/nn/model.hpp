// core/nn/model.hpp: a Model is a spec made real: layers with initialised parameters wired as the spec's
// graph (each layer reads named inputs or earlier layers; concatenate and add merge several), a forward
// pass from its inputs (one-hot DNA (B, L, 4), numeric features (B, F)) to each head's logits
// (B, outputs), or (B, positions, strands) for a profile head, and the shape rules that say which sequence
// lengths it accepts.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "../rng.hpp"
#include "../spec/sequence.hpp"
#include "layer.hpp"

namespace helix::nn {

class Model {
public:
    // Builds and initialises from `spec` with the spec's seed; problems go to `errors` (then the
    // returned pointer is null): shapes that do not fit, a last layer with the wrong width.
    static std::unique_ptr<Model> build(const ModelSpec& spec, std::vector<SpecError>& errors);

    const ModelSpec& spec() const { return spec_; }
    // "" when sequences of length L can go through the model, else the reason.
    std::string check_length(std::size_t L) const;
    std::size_t min_length() const { return min_length_; }           // shortest accepted length
    std::size_t fixed_length() const { return spec_.input.length; }  // 0: any length >= min_length()
    std::size_t outputs() const { return head_outputs_.at(0); }      // the first head's width
    std::size_t head_outputs(std::size_t h) const { return head_outputs_.at(h); }
    // Positions of a profile head's output window (its outputs are positions × strands); 1 for other heads.
    std::size_t head_positions(std::size_t h) const { return head_positions_.at(h); }
    // The output window of the model's profile heads (they share one), 0 when it has none.
    std::size_t profile_length() const;
    std::size_t heads() const { return spec_.heads.size(); }
    // Index in spec().inputs of the DNA input, or -1 for a model of features only.
    int dna_input() const { return dna_input_; }

    // inputs[i] for spec().inputs[i]: (B, L, 4) for dna, (B, F) for features -> logits of every head,
    // (B, outputs) each. Records a tape only when parameters require gradients.
    std::vector<Var> forward_heads(const std::vector<Tensor>& inputs, bool training, Rng& rng);
    // The same from Vars: an input that requires a gradient gets one from backward() (attributions).
    std::vector<Var> forward_heads(const std::vector<Var>& inputs, bool training, Rng& rng);
    // Every value of the graph (inputs first, then each layer's output in spec order), for reading
    // inner activations (e.g. the first convolution's, for filter motifs).
    std::vector<Var> forward_values(const std::vector<Var>& inputs, bool training, Rng& rng);
    // A model with one DNA input and one head: x (B, L, 4) -> logits (B, outputs).
    Var forward(const Tensor& x, bool training, Rng& rng);

    // Freezes (false) or unfreezes the parameters of the named layers; returns the names not found.
    std::vector<std::string> set_trainable(const std::vector<std::string>& layers, bool trainable);

    // The layer object named `name` (spec().layers[i].name), or null: no such layer, or a merge (concatenate,
    // add), which has none. For reading what a layer keeps, e.g. a transformer block's attention.
    Layer* layer(const std::string& name);

    std::vector<Param*> params();
    std::vector<const Param*> params() const;
    std::size_t parameter_count() const;
    // Layers, their output shapes ("any" for free lengths) and parameter counts, for the page.
    std::string summary_json() const;

    std::vector<Tensor> weights() const;  // copies, in params() order
    void set_weights(const std::vector<Tensor>& w);

private:
    // The shape of every value (inputs first, then layers) for a DNA length L (0 = any); "" or the error
    // of the first layer that cannot take it, with that layer's index in `where`.
    std::string propagate(std::size_t L, std::vector<Shape>& shapes, std::size_t& where) const;

    ModelSpec spec_;
    std::vector<std::unique_ptr<Layer>> layers_;     // null for merges (concatenate, add)
    std::vector<std::vector<std::size_t>> sources_;  // per layer: indices of the values it reads
    std::vector<std::size_t> head_values_;           // per head: the value index of its layer
    std::vector<Shape> shapes_;  // output shape of each layer at build time (0 = any length)
    std::size_t min_length_ = 0;
    std::vector<std::size_t> head_outputs_;
    std::vector<std::size_t> head_positions_;
    int dna_input_ = -1;
};

}  // namespace helix::nn
