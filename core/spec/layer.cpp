// core/spec/layer.cpp: reading, checking and writing one layer of a spec. See layer.hpp.
#include "layer.hpp"

#include <algorithm>
#include <set>

#include "field_reader.hpp"

namespace helix::nn {
namespace {

using nlohmann::json;

const std::set<std::string> kLayerTypes = {"dense",
                                           "conv1d",
                                           "max_pool1d",
                                           "avg_pool1d",
                                           "global_max_pool",
                                           "global_avg_pool",
                                           "flatten",
                                           "dropout",
                                           "relu",
                                           "sigmoid",
                                           "tanh",
                                           "lstm",
                                           "gru",
                                           "batch_norm",
                                           "layer_norm",
                                           "concatenate",
                                           "add",
                                           "reshape",
                                           "upsample1d",
                                           "softmax",
                                           "gelu",
                                           "crop",
                                           "positional",
                                           "transformer_block",
                                           "cls_token",
                                           "cls_readout"};
const std::set<std::string> kActivations = {"", "linear", "relu", "sigmoid", "tanh", "gelu"};

// crop, positional and transformer_block: the layers of transformers and profile models.
void parse_sequence_layer(spec::FieldReader& r, LayerSpec& layer)
{
    if (layer.type == "crop") {
        if (!r.has("length")) r.fail(r.field("length"), "missing: the central window to keep, in positions");
        r.size("length", layer.length);
    } else if (layer.type == "positional") {
        static const std::set<std::string> encodings = {"sinusoidal", "learned"};
        r.text("encoding", layer.encoding, &encodings);
        r.size("max_length", layer.max_length);
    } else {
        if (!r.has("heads"))
            r.fail(r.field("heads"), "missing: how many attention heads (dividing the width)");
        r.size("heads", layer.heads);
        r.size("ff_units", layer.ff_units);
        r.size("max_length", layer.max_length);
        r.number("rate", layer.rate, 0.0f, 1.0f, /*hi_open=*/true);
        r.number("eps", layer.eps, 1e-12f, 1.0f);
        r.boolean("alibi", layer.alibi);
        r.boolean("causal", layer.causal);
    }
}

}  // namespace

void parse_layer(const json& j, const std::string& path, LayerSpec& layer, std::vector<SpecError>& errors)
{
    spec::FieldReader r(j, path, errors);
    if (!j.is_object()) return;
    if (!r.has("type")) {
        r.fail(r.field("type"), "missing (one of dense, conv1d, max_pool1d, global_max_pool, ...)");
        return;
    }
    r.text("type", layer.type, &kLayerTypes);
    // Not an activation of its own: said plainly, as it is the usual mistake of a multi-class model.
    const bool softmax = j.contains("activation") && j.at("activation") == "softmax";
    if (softmax) {
        r.allow("activation");
        r.fail(r.field("activation"),
               "'softmax' is not a layer activation: use \"loss\": "
               "\"softmax_cross_entropy\", which applies it to the last layer's outputs");
    }
    r.text("name", layer.name);
    r.allow("comment");
    r.allow("inputs");
    if (r.has("inputs")) {
        const json& in = j.at("inputs");
        if (in.is_string()) {
            layer.inputs.push_back(in.get<std::string>());
        } else if (in.is_array() && !in.empty() &&
                   std::all_of(in.begin(), in.end(), [](const json& x) { return x.is_string(); })) {
            for (const auto& x : in) layer.inputs.push_back(x.get<std::string>());
        } else {
            r.fail(r.field("inputs"),
                   "must be the name of an input or an earlier layer, or a list of names, got " + in.dump());
        }
    }
    r.boolean("trainable", layer.trainable);
    const bool merge = layer.type == "concatenate" || layer.type == "add";
    if (merge && layer.inputs.size() < 2)
        r.fail(r.field("inputs"), "a " + layer.type + " layer merges two or more: name them in \"inputs\"");
    if (!merge && layer.inputs.size() > 1)
        r.fail(r.field("inputs"),
               "a " + layer.type +
                   " layer reads one input; merge several with a concatenate or add layer first");
    if (layer.type == "dense") {
        if (!r.has("units")) r.fail(r.field("units"), "missing: how many outputs this layer has");
        r.size("units", layer.units);
        if (!softmax) r.text("activation", layer.activation, &kActivations);
    } else if (layer.type == "conv1d") {
        if (!r.has("filters")) r.fail(r.field("filters"), "missing: how many filters (motif detectors)");
        if (!r.has("kernel_size")) r.fail(r.field("kernel_size"), "missing: the filter width in bases");
        r.size("filters", layer.filters);
        r.size("kernel_size", layer.kernel_size);
        static const std::set<std::string> paddings = {"valid", "same"};
        r.text("padding", layer.padding, &paddings);
        r.size("dilation", layer.dilation);
        if (!softmax) r.text("activation", layer.activation, &kActivations);
    } else if (layer.type == "max_pool1d" || layer.type == "avg_pool1d") {
        if (!r.has("pool_size")) r.fail(r.field("pool_size"), "missing: the pooling window in positions");
        r.size("pool_size", layer.pool_size);
        r.size("stride", layer.stride);
        if (layer.stride == 0) layer.stride = layer.pool_size;
    } else if (layer.type == "dropout") {
        r.number("rate", layer.rate, 0.0f, 1.0f, /*hi_open=*/true);
    } else if (layer.type == "lstm" || layer.type == "gru") {
        if (!r.has("units")) r.fail(r.field("units"), "missing: the size of the hidden state");
        r.size("units", layer.units);
        r.boolean("return_sequences", layer.return_sequences);
        r.boolean("bidirectional", layer.bidirectional);
    } else if (layer.type == "batch_norm" || layer.type == "layer_norm") {
        if (layer.type == "batch_norm") r.number("momentum", layer.momentum, 0.0f, 1.0f);
        r.number("eps", layer.eps, 1e-12f, 1.0f);
    } else if (layer.type == "reshape") {
        r.allow("target_shape");
        const json* t = r.has("target_shape") ? &j.at("target_shape") : nullptr;
        bool ok = t && t->is_array() && !t->empty() && t->size() <= 2;
        for (std::size_t i = 0; ok && i < t->size(); ++i)
            ok = (*t)[i].is_number_integer() && (*t)[i].get<long long>() >= 1;
        if (!t)
            r.fail(r.field("target_shape"), "missing: the shape to lay the input out as, e.g. [25, 32]");
        else if (!ok)
            r.fail(r.field("target_shape"),
                   "must be [positions, channels] or [features], positive integers, got " + t->dump());
        else
            for (const auto& d : *t) layer.target_shape.push_back(d.get<std::size_t>());
    } else if (layer.type == "upsample1d") {
        r.size("size", layer.size);
    } else if (layer.type == "crop" || layer.type == "positional" || layer.type == "transformer_block") {
        parse_sequence_layer(r, layer);
    }
    if (layer.activation == "linear") layer.activation.clear();
    r.reject_unknown();
}

json layer_to_json(const LayerSpec& l)
{
    json o = {{"type", l.type}, {"name", l.name}};
    if (l.type == "dense") o["units"] = l.units;
    if (l.type == "conv1d") {
        o["filters"] = l.filters;
        o["kernel_size"] = l.kernel_size;
        o["padding"] = l.padding;
    }
    if ((l.type == "dense" || l.type == "conv1d") && !l.activation.empty()) o["activation"] = l.activation;
    if (l.type == "max_pool1d" || l.type == "avg_pool1d") {
        o["pool_size"] = l.pool_size;
        o["stride"] = l.stride;
    }
    if (l.type == "dropout") o["rate"] = l.rate;
    if (l.type == "lstm" || l.type == "gru") {
        o["units"] = l.units;
        o["return_sequences"] = l.return_sequences;
        o["bidirectional"] = l.bidirectional;
    }
    if (l.type == "batch_norm") o["momentum"] = l.momentum;
    if (l.type == "batch_norm" || l.type == "layer_norm") o["eps"] = l.eps;
    if (l.type == "reshape") o["target_shape"] = l.target_shape;
    if (l.type == "upsample1d") o["size"] = l.size;
    if (l.type == "conv1d" && l.dilation != 1) o["dilation"] = l.dilation;
    if (l.type == "crop") o["length"] = l.length;
    if (l.type == "positional") o["encoding"] = l.encoding;
    if ((l.type == "positional" || l.type == "transformer_block") && l.max_length)
        o["max_length"] = l.max_length;
    if (l.type == "transformer_block") {
        o["heads"] = l.heads;
        if (l.ff_units) o["ff_units"] = l.ff_units;
        o["rate"] = l.rate;
        o["eps"] = l.eps;
        o["alibi"] = l.alibi;
        o["causal"] = l.causal;
    }
    if (!l.inputs.empty()) o["inputs"] = l.inputs;
    if (!l.trainable) o["trainable"] = false;
    return o;
}

}  // namespace helix::nn
