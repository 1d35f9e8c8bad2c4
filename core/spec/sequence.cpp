// core/spec/sequence.cpp: reading and checking a sequence model spec. See sequence.hpp.
#include "sequence.hpp"

#include <algorithm>
#include <set>

#include "../data/lines.hpp"
#include "../nn/head_kind.hpp"
#include "field_reader.hpp"
#include "optimizer_options.hpp"
#include "training_options.hpp"

namespace helix::nn {
namespace {

using nlohmann::json;

InputSpec read_input(const json& j, const std::string& path, std::vector<SpecError>& errors)
{
    InputSpec input;
    spec::FieldReader in(j, path, errors);
    if (!j.is_object()) return input;
    in.text("name", input.name);
    static const std::set<std::string> types = {"dna", "features"};
    in.text("type", input.type, &types);
    if (input.type == "dna") {
        in.size("length", input.length);
        std::size_t channels = 4;  // one-hot A, C, G, T: the only encoding for now
        in.size("channels", channels, 4);
        if (channels != 4) in.fail(in.field("channels"), "must be 4 (one-hot A, C, G, T)");
        static const std::set<std::string> resize = {"pad_crop", "exact"};
        in.text("resize", input.resize, &resize);
    } else {
        in.allow("columns");
        const json* c = in.has("columns") ? &j.at("columns") : nullptr;
        if (!c || !c->is_array() || c->empty() || !std::all_of(c->begin(), c->end(), [](const json& x) {
                return x.is_string() && !x.get<std::string>().empty();
            }))
            in.fail(in.field("columns"),
                    "must list the table columns this input reads, e.g. [\"accessibility\"]");
        else
            for (const auto& x : *c) input.columns.push_back(x.get<std::string>());
    }
    in.allow("comment");
    in.reject_unknown();
    return input;
}

HeadSpec read_head(const json& j, std::size_t index, std::vector<SpecError>& errors)
{
    HeadSpec h;
    spec::FieldReader r(j, "heads[" + std::to_string(index) + "]", errors);
    if (!j.is_object()) return h;
    if (!r.has("name")) r.fail(r.field("name"), "missing: the head's name (its label column by default)");
    r.text("name", h.name);
    if (!r.has("layer")) r.fail(r.field("layer"), "missing: the layer whose outputs this head predicts");
    r.text("layer", h.layer);
    static const std::set<std::string> losses(nn::head_loss_names().begin(), nn::head_loss_names().end());
    r.text("loss", h.loss, &losses);
    r.number("weight", h.weight, 0.0f, 1000.0f);
    r.text("label", h.label);
    if (h.label.empty()) h.label = h.name;
    r.allow("classes");
    if (r.has("classes")) {
        const json& c = j.at("classes");
        if (!c.is_array() || c.size() < 2 ||
            !std::all_of(c.begin(), c.end(), [](const json& x) { return x.is_string(); }))
            r.fail(r.field("classes"), "must be a list of at least 2 class names, got " + c.dump());
        else
            for (const auto& x : c) h.classes.push_back(x.get<std::string>());
        if (h.loss != "softmax_cross_entropy")
            r.fail(r.field("classes"), "class names need \"loss\": \"softmax_cross_entropy\"");
    }
    r.allow("columns");
    const bool profile = h.loss == "multinomial_nll";
    if (r.has("columns")) {
        const json& c = j.at("columns");
        std::set<std::string> seen;
        if (!c.is_array() || c.empty() || !std::all_of(c.begin(), c.end(), [&](const json& x) {
                return x.is_string() && !x.get<std::string>().empty() &&
                       seen.insert(x.get<std::string>()).second;
            }))
            r.fail(r.field("columns"),
                   "must list different profile columns, one per strand, e.g. [\"counts_plus\", "
                   "\"counts_minus\"], got " +
                       c.dump());
        else
            for (const auto& x : c) h.columns.push_back(x.get<std::string>());
        if (!profile && h.loss != "log1p_mse")
            r.fail(r.field("columns"),
                   "profile columns need \"loss\": \"multinomial_nll\" (the profile) or "
                   "\"log1p_mse\" (their total count)");
    } else if (profile) {
        r.fail(r.field("columns"),
               "missing: the profile columns this head predicts, one per strand, e.g. "
               "[\"counts_plus\", \"counts_minus\"]");
    }
    r.allow("metrics");  // accepted for readability; every head is scored on loss, accuracy, AUROC, AUPRC
    r.allow("comment");
    r.reject_unknown();
    return h;
}

// Every name a layer reads must be an input or an earlier layer; every head names a layer.
void check_references(ModelSpec& s, std::vector<SpecError>& errors)
{
    std::set<std::string> known;
    for (const auto& in : s.inputs) known.insert(in.name);
    for (std::size_t i = 0; i < s.layers.size(); ++i) {
        const LayerSpec& l = s.layers[i];
        if (known.count(l.name) && i < s.layers.size()) {
            for (const auto& in : s.inputs)
                if (in.name == l.name)
                    errors.push_back(
                        {"layers[" + std::to_string(i) + "].name",
                         "layers[" + std::to_string(i) + "].name: '" + l.name + "' is an input's name"});
        }
        for (const auto& name : l.inputs)
            if (!known.count(name))
                errors.push_back({"layers[" + std::to_string(i) + "].inputs",
                                  "layers[" + std::to_string(i) + "].inputs: '" + name +
                                      "' is neither an input nor an earlier layer"});
        known.insert(l.name);
    }
    std::set<std::string> heads;
    for (std::size_t i = 0; i < s.heads.size(); ++i) {
        const std::string f = "heads[" + std::to_string(i) + "]";
        const HeadSpec& h = s.heads[i];
        if (!h.name.empty() && !heads.insert(h.name).second)
            errors.push_back({f + ".name", f + ".name: '" + h.name + "' names an earlier head too"});
        if (!h.layer.empty() && std::none_of(s.layers.begin(), s.layers.end(),
                                             [&](const LayerSpec& l) { return l.name == h.layer; }))
            errors.push_back({f + ".layer", f + ".layer: no layer is named '" + h.layer + "'"});
    }
}

}  // namespace

SpecResult parse_spec(const json& j)
{
    SpecResult res;
    ModelSpec& s = res.spec;
    auto& errors = res.errors;
    spec::FieldReader top(j, "", errors);
    if (!j.is_object()) return res;
    top.text("name", s.name);
    top.text("description", s.description);
    top.allow("format");
    top.allow("version");
    top.allow("comment");
    static const std::set<std::string> losses(nn::head_loss_names().begin(), nn::head_loss_names().end());
    top.text("loss", s.loss, &losses);

    top.allow("classes");
    if (top.has("classes")) {
        const json& c = j.at("classes");
        std::set<std::string> seen;
        if (!c.is_array() || c.size() < 2) {
            top.fail("classes", "must be a list of at least 2 class names, got " + c.dump());
        } else {
            for (std::size_t i = 0; i < c.size(); ++i) {
                const std::string f = "classes[" + std::to_string(i) + "]";
                if (!c[i].is_string() || c[i].get<std::string>().empty())
                    top.fail(f, "must be a non-empty name, got " + c[i].dump());
                else if (!seen.insert(c[i].get<std::string>()).second)
                    top.fail(f, "'" + c[i].get<std::string>() + "' names an earlier class too");
                else
                    s.classes.push_back(c[i].get<std::string>());
            }
        }
        if (s.loss != "softmax_cross_entropy")
            top.fail("classes", "class names need \"loss\": \"softmax_cross_entropy\" (a " + s.loss +
                                    " model predicts one 0/1 label)");
    }

    top.allow("input");
    top.allow("inputs");
    if (top.has("input") && top.has("inputs"))
        top.fail("inputs", "give either \"input\" (one) or \"inputs\" (a list), not both");
    if (top.has("input")) {
        s.inputs.push_back(read_input(j.at("input"), "input", errors));
    } else if (top.has("inputs")) {
        const json& in = j.at("inputs");
        if (!in.is_array() || in.empty())
            top.fail("inputs", "must be a non-empty list of inputs");
        else
            for (std::size_t i = 0; i < in.size(); ++i)
                s.inputs.push_back(read_input(in[i], "inputs[" + std::to_string(i) + "]", errors));
        s.graph = true;
    }
    if (s.inputs.empty()) s.inputs.push_back(InputSpec{});
    s.input = s.inputs.front();
    {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < s.inputs.size(); ++i)
            if (!seen.insert(s.inputs[i].name).second)
                top.fail("inputs[" + std::to_string(i) + "].name",
                         "'" + s.inputs[i].name + "' names an earlier input too");
        const auto dna = std::count_if(s.inputs.begin(), s.inputs.end(),
                                       [](const InputSpec& x) { return x.type == "dna"; });
        if (dna > 1) top.fail("inputs", "at most one input of type dna (a table has one sequence column)");
    }

    top.allow("layers");
    if (!top.has("layers") || !j.at("layers").is_array() || j.at("layers").empty()) {
        top.fail("layers", "must be a non-empty list of layers");
    } else {
        const json& layers = j.at("layers");
        s.layers.resize(layers.size());
        std::set<std::string> names;
        for (std::size_t i = 0; i < layers.size(); ++i) {
            parse_layer(layers[i], "layers[" + std::to_string(i) + "]", s.layers[i], errors);
            LayerSpec& l = s.layers[i];
            if (l.name.empty()) l.name = l.type + "_" + std::to_string(i);
            if (!names.insert(l.name).second)
                top.fail("layers[" + std::to_string(i) + "].name",
                         "'" + l.name + "' is used by an earlier layer");
        }
    }

    top.allow("heads");
    if (top.has("heads")) {
        const json& h = j.at("heads");
        if (!h.is_array() || h.empty())
            top.fail("heads", "must be a non-empty list of heads");
        else
            for (std::size_t i = 0; i < h.size(); ++i) s.heads.push_back(read_head(h[i], i, errors));
        s.graph = true;
        if (j.contains("loss")) top.fail("loss", "with \"heads\", each head names its own loss");
        if (j.contains("classes")) top.fail("classes", "with \"heads\", each head names its own classes");
    } else if (!s.layers.empty()) {
        HeadSpec h;
        h.name = "label";
        h.layer = s.layers.back().name;
        h.loss = s.loss;
        h.label = "label";
        h.classes = s.classes;
        s.heads.push_back(h);
        if (s.loss == "multinomial_nll")
            top.fail("loss",
                     "a profile model names its profile columns in \"heads\": [{\"name\": \"profile\", "
                     "\"layer\": ..., \"loss\": \"multinomial_nll\", \"columns\": [...]}]");
    }
    if (s.heads.size() == 1) {  // the single-head fields, which most of the engine reads
        s.loss = s.heads[0].loss;
        s.classes = s.heads[0].classes;
    }
    if (errors.empty()) check_references(s, errors);

    top.allow("optimizer");
    if (top.has("optimizer")) {
        spec::FieldReader o(j.at("optimizer"), "optimizer", errors);
        spec::read_optimizer(o, s.optimizer);
    }

    top.allow("training");
    if (top.has("training")) {
        spec::FieldReader t(j.at("training"), "training", errors);
        static const std::set<std::string> monitors = {"val_loss", "val_auroc", "val_accuracy"};
        spec::read_training(t, s.training, monitors);
    }
    // Regression heads only: no AUROC or accuracy to watch. The default monitor becomes the validation
    // loss, and a monitor of classes is refused, naming the field.
    if (errors.empty() && std::none_of(s.heads.begin(), s.heads.end(), [](const HeadSpec& h) {
            return head_kind(h.loss).classification();
        })) {
        const bool given =
            top.has("training") && j.at("training").is_object() && j.at("training").contains("monitor");
        if (!given)
            s.training.monitor = "val_loss";
        else if (s.training.monitor != "val_loss")
            errors.push_back({"training.monitor", "training.monitor: '" + s.training.monitor +
                                                      "' scores classes, but every head of this model is a "
                                                      "regression or a profile: use \"val_loss\""});
    }
    top.reject_unknown();
    return res;
}

SpecResult parse_spec_text(const std::string& text)
{
    try {
        return parse_spec(json::parse(text));
    } catch (const json::parse_error& e) {
        // e.byte is 1-based: the character where reading stopped.
        const data::TextPlace at = data::place_of(text, e.byte > 0 ? e.byte - 1 : 0);
        SpecResult res;
        std::string m = "line " + std::to_string(at.line) + ", column " + std::to_string(at.column) +
                        ": the model spec is not valid JSON";
        res.errors.push_back({"", m});
        return res;
    } catch (const json::exception& e) {
        // Valid JSON that nlohmann cannot hold, e.g. a number past the double range (found by fuzz_spec).
        SpecResult res;
        res.errors.push_back({"", std::string("the spec has a value that cannot be read: ") + e.what()});
        return res;
    }
}

nlohmann::json spec_to_json(const ModelSpec& s)
{
    json layers = json::array();
    for (const auto& l : s.layers) layers.push_back(layer_to_json(l));
    auto input_json = [](const InputSpec& in, bool typed) {
        if (in.type == "features") return json{{"name", in.name}, {"type", in.type}, {"columns", in.columns}};
        json o = {{"name", in.name}, {"length", in.length ? json(in.length) : json(nullptr)}};
        if (typed) o["type"] = in.type;
        if (in.length) o["resize"] = in.resize;
        return o;
    };
    json out = {{"name", s.name},
                {"description", s.description},
                {"layers", layers},
                {"optimizer", spec::optimizer_to_json(s.optimizer)},
                {"training", spec::training_to_json(s.training)}};
    if (s.graph) {
        json inputs = json::array(), heads = json::array();
        for (const auto& in : s.inputs) inputs.push_back(input_json(in, true));
        for (const auto& h : s.heads) {
            json o = {{"name", h.name},
                      {"layer", h.layer},
                      {"loss", h.loss},
                      {"weight", h.weight},
                      {"label", h.label}};
            if (!h.classes.empty()) o["classes"] = h.classes;
            if (!h.columns.empty()) o["columns"] = h.columns;
            heads.push_back(o);
        }
        out["inputs"] = inputs;
        out["heads"] = heads;
    } else {
        out["input"] = input_json(s.input, false);
        out["loss"] = s.loss;
        if (!s.classes.empty()) out["classes"] = s.classes;
    }
    return out;
}

}  // namespace helix::nn
