// core/nn/model.cpp: building a Model from its spec and running it. See model.hpp.
#include "model.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "../ops/norm.hpp"
#include "head_kind.hpp"

namespace helix::nn {

namespace {
constexpr std::size_t kChannels = 4;
constexpr std::size_t kLongestChecked = 100000;  // longer minimum lengths are reported as an error

bool is_merge(const LayerSpec& l)
{
    return l.type == "concatenate" || l.type == "add";
}

std::string shape_text(const Shape& s)
{
    std::string out;
    for (std::size_t d = 0; d < s.size(); ++d)
        out += (d ? " × " : "") +
               (s.size() == 2 && d == 0 && s[0] == 0 ? std::string("any") : std::to_string(s[d]));
    return out;
}

// The output shape of a merge of `in`, or "" in `error` with the reason.
Shape merge_shape(const std::string& type, const std::vector<Shape>& in, std::string& error)
{
    Shape out = in[0];
    for (std::size_t i = 1; i < in.size(); ++i) {
        bool fits = in[i].size() == out.size();
        for (std::size_t d = 0; fits && d < out.size(); ++d)
            fits = d + 1 == out.size() && type == "concatenate" ? true : in[i][d] == out[d];
        if (!fits) {
            error = type == "add" ? "add needs inputs of one shape, got " + shape_text(in[0]) + " and " +
                                        shape_text(in[i])
                                  : "concatenate joins along the last axis, so the others must agree: got " +
                                        shape_text(in[0]) + " and " + shape_text(in[i]) +
                                        " (pool or flatten the sequence first)";
            return {};
        }
        if (type == "concatenate") out.back() += in[i].back();
    }
    return out;
}
// "" when a profile head's layer gives a fixed window of one channel per profile column, and every profile
// head of the spec has the same window (the table's lists have one length); else why not.
// `field` gets ".columns" when the columns are at fault.
std::string profile_head_error(const HeadSpec& head, const Shape& shape, const std::string& what,
                               std::size_t window, std::string& field)
{
    if (shape.size() != 2)
        return what + " must give positions × strands (a sequence of " + std::to_string(head.columns.size()) +
               " channels), but it gives " + shape_text(shape) + ": end with a conv1d of " +
               std::to_string(head.columns.size()) + " filters";
    if (shape[0] == 0)
        return what +
               " has a window that depends on the input length: give input.length, or end with a "
               "crop layer of the output window's length";
    if (window && shape[0] != window)
        return what + " gives a window of " + std::to_string(shape[0]) +
               " positions, but an earlier profile "
               "head's is " +
               std::to_string(window) + " (a table's count lists have one length)";
    field = ".columns";
    if (shape[1] != head.columns.size())
        return what + " gives " + std::to_string(shape[1]) + " channels but the head names " +
               std::to_string(head.columns.size()) + " profile columns (one channel per column, a strand)";
    return "";
}

}  // namespace

std::size_t Model::profile_length() const
{
    for (std::size_t h = 0; h < head_positions_.size(); ++h)  // during build: the heads built so far
        if (head_kind(spec_.heads[h].loss).labels == LabelKind::profile) return head_positions_[h];
    return 0;
}

std::string Model::propagate(std::size_t L, std::vector<Shape>& shapes, std::size_t& where) const
{
    const auto& inputs = spec_.inputs;
    shapes.assign(inputs.size() + layers_.size(), Shape{});
    for (std::size_t i = 0; i < inputs.size(); ++i)
        shapes[i] = inputs[i].type == "dna" ? Shape{inputs[i].length ? inputs[i].length : L, kChannels}
                                            : Shape{inputs[i].columns.size()};
    for (std::size_t i = 0; i < layers_.size(); ++i) {
        std::vector<Shape> in;
        for (std::size_t s : sources_[i]) in.push_back(shapes[s]);
        std::string error;
        Shape out = layers_[i] ? layers_[i]->output_shape(in[0], error)
                               : merge_shape(spec_.layers[i].type, in, error);
        if (!error.empty()) {
            where = i;
            return error;
        }
        shapes[inputs.size() + i] = out;
    }
    return "";
}

std::unique_ptr<Model> Model::build(const ModelSpec& spec, std::vector<SpecError>& errors)
{
    auto m = std::unique_ptr<Model>(new Model());
    m->spec_ = spec;
    const std::size_t I = spec.inputs.size();
    for (std::size_t i = 0; i < I; ++i)
        if (spec.inputs[i].type == "dna") m->dna_input_ = static_cast<int>(i);
    // Which values each layer reads: named ones, else the layer before (the first input for the first).
    std::vector<std::string> names;
    for (const auto& in : spec.inputs) names.push_back(in.name);
    for (std::size_t i = 0; i < spec.layers.size(); ++i) {
        std::vector<std::size_t> src;
        for (const auto& n : spec.layers[i].inputs) {
            auto it = std::find(names.begin(), names.end(), n);
            HELIX_ASSERT(it != names.end());  // parse_spec checked the references
            src.push_back(static_cast<std::size_t>(it - names.begin()));
        }
        if (src.empty()) src.push_back(i == 0 ? 0 : I + i - 1);
        m->sources_.push_back(src);
        names.push_back(spec.layers[i].name);
    }

    std::vector<Shape> shapes(I);
    for (std::size_t i = 0; i < I; ++i)
        shapes[i] = spec.inputs[i].type == "dna" ? Shape{spec.inputs[i].length, kChannels}
                                                 : Shape{spec.inputs[i].columns.size()};
    Rng init_rng(spec.training.seed);
    double parameters = 0.0;
    for (std::size_t i = 0; i < spec.layers.size(); ++i) {
        const LayerSpec& ls = spec.layers[i];
        std::vector<Shape> in;
        for (std::size_t s : m->sources_[i]) in.push_back(shapes[s]);
        std::string error;
        std::unique_ptr<Layer> layer = is_merge(ls) ? nullptr : make_layer(ls);
        Shape out = layer ? layer->output_shape(in[0], error) : merge_shape(ls.type, in, error);
        if (layer && error.empty())
            error = parameter_budget_error(parameters += layer->parameter_count(in[0]));
        if (!error.empty()) {
            std::string f = "layers[" + std::to_string(i) + "]";
            errors.push_back({f, f + " (" + ls.name + "): " + error});
            return nullptr;
        }
        if (layer) {
            layer->build(in[0], init_rng);
            if (!ls.trainable)
                for (auto& p : layer->params()) p.var.set_requires_grad(false);
        }
        shapes.push_back(out);
        m->shapes_.push_back(out);
        m->layers_.push_back(std::move(layer));
    }

    const bool single = !spec.graph;  // the messages of a sequential model speak of "the last layer"
    for (std::size_t h = 0; h < spec.heads.size(); ++h) {
        const HeadSpec& head = spec.heads[h];
        const auto li =
            static_cast<std::size_t>(std::find_if(spec.layers.begin(), spec.layers.end(),
                                                  [&](const LayerSpec& l) { return l.name == head.layer; }) -
                                     spec.layers.begin());
        const LayerSpec& last = spec.layers[li];
        const Shape& shape = m->shapes_[li];
        const std::string f = single ? "layers" : "heads[" + std::to_string(h) + "]";
        const std::string what =
            single ? "the last layer" : "layer " + last.name + " (head " + head.name + ")";
        const std::string lf = single ? "layers[" + std::to_string(li) + "]" : f;
        const HeadKind& kind = head_kind(head.loss);
        if (kind.labels == LabelKind::profile) {
            std::string field;
            const std::string why = profile_head_error(head, shape, what, m->profile_length(), field);
            if (!why.empty()) {
                errors.push_back({f + field, f + field + ": " + why});
                return nullptr;
            }
            m->head_values_.push_back(I + li);
            m->head_outputs_.push_back(shape[0] * shape[1]);
            m->head_positions_.push_back(shape[0]);
            continue;
        }
        if (shape.size() != 1) {
            errors.push_back(
                {f, f + ": " + what +
                        " must give one number per output, but it gives "
                        "positions × channels: end with global_max_pool or flatten and a dense layer"});
            return nullptr;
        }
        const std::size_t outputs = shape[0];
        if (kind.labels != LabelKind::classes && outputs != 1) {
            errors.push_back(
                {f, f + ": " + what + " has " + std::to_string(outputs) + " outputs but " +
                        (kind.labels == LabelKind::binary ? "a 0/1 label" : "a number to predict") +
                        " needs 1 (dense with units: 1" +
                        (kind.labels == LabelKind::number ? "; one head per target column" : "") + ")"});
            return nullptr;
        }
        if (kind.classification() && last.type == "softmax") {
            errors.push_back({lf, lf + ": remove the softmax layer: the loss " + head.loss +
                                      " applies it to " + what + "'s outputs"});
            return nullptr;
        }
        if (kind.classification() && (last.activation == "sigmoid" || last.type == "sigmoid")) {
            errors.push_back({lf, lf + ": remove the sigmoid from " + what + ": the loss " + head.loss +
                                      (head.loss == "bce_with_logits" ? " applies it"
                                                                      : " applies a softmax to its outputs") +
                                      " (predictions are reported as probabilities)"});
            return nullptr;
        }
        if (head.loss == "softmax_cross_entropy") {
            if (outputs < 2) {
                errors.push_back({f, f + ": " + what + " has " + std::to_string(outputs) +
                                         " output but softmax_cross_entropy needs one per class, at least 2 "
                                         "(dense with units: K)"});
                return nullptr;
            }
            if (!head.classes.empty() && head.classes.size() != outputs) {
                const std::string cf = single ? "classes" : f + ".classes";
                errors.push_back({cf, cf + ": " + std::to_string(head.classes.size()) + " names, but " +
                                          what + " has " + std::to_string(outputs) +
                                          " outputs (one name per output)"});
                return nullptr;
            }
        }
        m->head_values_.push_back(I + li);
        m->head_outputs_.push_back(outputs);
        m->head_positions_.push_back(1);
    }

    if (m->dna_input_ < 0) return m;  // features only: no sequence length to check
    const InputSpec& dna = spec.inputs[static_cast<std::size_t>(m->dna_input_)];
    if (dna.length) {
        m->min_length_ = dna.length;
    } else {
        std::size_t L = 1;
        while (L <= kLongestChecked && !m->check_length(L).empty()) ++L;
        if (L > kLongestChecked) {
            errors.push_back({"layers", "layers: no sequence length up to 100000 fits these layers"});
            return nullptr;
        }
        m->min_length_ = L;
    }
    return m;
}

std::string Model::check_length(std::size_t L) const
{
    if (dna_input_ < 0) return "";
    const InputSpec& dna = spec_.inputs[static_cast<std::size_t>(dna_input_)];
    if (L == 0) return "the sequence is empty";
    if (dna.length && L != dna.length && dna.resize == "exact")
        return "the model takes sequences of exactly " + std::to_string(dna.length) +
               " bases, this one has " + std::to_string(L);
    if (dna.length) return "";  // pad_crop: every length is fitted to input.length
    std::vector<Shape> shapes;
    std::size_t where = 0;
    std::string error = propagate(L, shapes, where);
    if (error.empty()) return "";
    return "a sequence of " + std::to_string(L) + " bases is too short for layer " +
           spec_.layers[where].name + " (" + error + ")";
}

std::vector<Var> Model::forward_heads(const std::vector<Tensor>& inputs, bool training, Rng& rng)
{
    std::vector<Var> in;
    in.reserve(inputs.size());
    for (const Tensor& t : inputs) in.emplace_back(t, false);
    return forward_heads(in, training, rng);
}

std::vector<Var> Model::forward_heads(const std::vector<Var>& inputs, bool training, Rng& rng)
{
    std::vector<Var> values = forward_values(inputs, training, rng);
    std::vector<Var> heads;
    for (std::size_t v : head_values_) heads.push_back(values[v]);
    return heads;
}

std::vector<Var> Model::forward_values(const std::vector<Var>& inputs, bool training, Rng& rng)
{
    const std::size_t I = spec_.inputs.size();
    HELIX_ASSERT(inputs.size() == I);
    ForwardCtx ctx{training, &rng};
    std::vector<Var> values;
    values.reserve(I + layers_.size());
    for (std::size_t i = 0; i < I; ++i) {
        const Tensor& x = inputs[i].value();
        HELIX_ASSERT(spec_.inputs[i].type == "dna"
                         ? x.dimension() == 3 && x.shape()[2] == kChannels
                         : x.dimension() == 2 && x.shape()[1] == spec_.inputs[i].columns.size());
        values.push_back(inputs[i]);
    }
    for (std::size_t i = 0; i < layers_.size(); ++i) {
        const auto& src = sources_[i];
        if (layers_[i]) {
            values.push_back(layers_[i]->forward(values[src[0]], ctx));
            continue;
        }
        std::vector<Var> in;
        for (std::size_t s : src) in.push_back(values[s]);
        values.push_back(spec_.layers[i].type == "add" ? ops::add(in) : ops::concat(in, in[0].ndim() - 1));
    }
    return values;
}

Var Model::forward(const Tensor& x, bool training, Rng& rng)
{
    HELIX_ASSERT(spec_.inputs.size() == 1 && dna_input_ == 0 && head_values_.size() == 1);
    return forward_heads({x}, training, rng)[0];
}

std::vector<std::string> Model::set_trainable(const std::vector<std::string>& names, bool trainable)
{
    std::vector<std::string> missing;
    for (const auto& n : names) {
        auto it = std::find_if(spec_.layers.begin(), spec_.layers.end(),
                               [&](const LayerSpec& l) { return l.name == n; });
        if (it == spec_.layers.end()) {
            missing.push_back(n);
            continue;
        }
        const auto i = static_cast<std::size_t>(it - spec_.layers.begin());
        it->trainable = trainable;
        if (!layers_[i]) continue;
        for (auto& p : layers_[i]->params())
            if (p.name.find(".running_") == std::string::npos) p.var.set_requires_grad(trainable);
    }
    return missing;
}

Layer* Model::layer(const std::string& name)
{
    for (auto& l : layers_)
        if (l && l->name() == name) return l.get();
    return nullptr;
}

std::vector<Param*> Model::params()
{
    std::vector<Param*> out;
    for (auto& l : layers_)
        if (l)
            for (auto& p : l->params()) out.push_back(&p);
    return out;
}

std::vector<const Param*> Model::params() const
{
    std::vector<const Param*> out;
    for (const auto& l : layers_)
        if (l)
            for (const auto& p : l->params()) out.push_back(&p);
    return out;
}

std::size_t Model::parameter_count() const
{
    std::size_t n = 0;
    for (const Param* p : params()) n += p->var.value().size();
    return n;
}

std::string Model::summary_json() const
{
    nlohmann::json layers = nlohmann::json::array();
    std::vector<std::string> names;
    for (const auto& in : spec_.inputs) names.push_back(in.name);
    for (std::size_t i = 0; i < layers_.size(); ++i) {
        nlohmann::json shape = nlohmann::json::array();
        for (std::size_t d = 0; d < shapes_[i].size(); ++d)
            shape.push_back(shapes_[i].size() == 2 && d == 0 && shapes_[i][0] == 0
                                ? nlohmann::json("L")
                                : nlohmann::json(shapes_[i][d]));
        std::size_t n = 0;
        bool frozen = false;
        if (layers_[i])
            for (const auto& p : layers_[i]->params()) {
                n += p.var.value().size();
                frozen = frozen || !spec_.layers[i].trainable;
            }
        nlohmann::json inputs = nlohmann::json::array();
        for (std::size_t s : sources_[i]) inputs.push_back(names[s]);
        names.push_back(spec_.layers[i].name);
        layers.push_back({{"name", spec_.layers[i].name},
                          {"type", spec_.layers[i].type},
                          {"output", shape},
                          {"parameters", n},
                          {"inputs", inputs},
                          {"trainable", !frozen}});
    }
    nlohmann::json inputs = nlohmann::json::array(), heads = nlohmann::json::array();
    for (const auto& in : spec_.inputs) {
        nlohmann::json o = {{"name", in.name}, {"type", in.type}};
        if (in.type == "features") o["columns"] = in.columns;
        inputs.push_back(o);
    }
    for (std::size_t h = 0; h < spec_.heads.size(); ++h) {
        const auto& head = spec_.heads[h];
        nlohmann::json o = {{"name", head.name},     {"layer", head.layer}, {"loss", head.loss},
                            {"weight", head.weight}, {"label", head.label}, {"outputs", head_outputs_[h]}};
        if (!head.classes.empty()) o["classes"] = head.classes;
        heads.push_back(o);
    }
    return nlohmann::json{{"layers", layers},
                          {"inputs", inputs},
                          {"heads", heads},
                          {"parameters", parameter_count()},
                          {"min_length", min_length_},
                          {"fixed_length", spec_.input.length},
                          {"outputs", outputs()}}
        .dump();
}

std::vector<Tensor> Model::weights() const
{
    std::vector<Tensor> w;
    for (const Param* p : params()) w.push_back(p->var.value());
    return w;
}

void Model::set_weights(const std::vector<Tensor>& w)
{
    auto ps = params();
    HELIX_ASSERT(w.size() == ps.size());
    for (std::size_t i = 0; i < ps.size(); ++i) {
        HELIX_ASSERT(w[i].shape() == ps[i]->var.value().shape());
        ps[i]->var.value() = w[i];
    }
}

}  // namespace helix::nn
