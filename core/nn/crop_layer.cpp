// core/nn/crop_layer.cpp: the central window of a sequence (BPNet's input is longer than its output):
// (L, C) -> (length, C), starting at (L - length) / 2 (ops::crop_center). With a free input length the
// output still has `length` positions; a shorter input is an error naming the field.
#include "../ops/ops.hpp"
#include "transformer_layers.hpp"

namespace helix::nn {
namespace {

class Crop : public Layer {
public:
    using Layer::Layer;
    Shape output_shape(const Shape& in, std::string& error) const override
    {
        if (!(error = sequence_input_error(in, spec_.type)).empty()) return {};
        if (in[0] != 0 && in[0] < spec_.length) {
            error = "length " + std::to_string(spec_.length) + " is longer than its input (" +
                    std::to_string(in[0]) + " positions)";
            return {};
        }
        return {spec_.length, in[1]};
    }
    Var forward(const Var& x, ForwardCtx&) override { return ops::crop_center(x, spec_.length); }
};

}  // namespace

std::unique_ptr<Layer> make_crop_layer(const LayerSpec& spec)
{
    return std::make_unique<Crop>(spec);
}

}  // namespace helix::nn
