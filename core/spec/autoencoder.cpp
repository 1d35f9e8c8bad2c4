// core/spec/autoencoder.cpp: see autoencoder.hpp.
#include "autoencoder.hpp"

#include <set>

#include "field_reader.hpp"
#include "optimizer_options.hpp"
#include "training_options.hpp"

namespace helix::nn {

using nlohmann::json;

namespace {

const std::set<std::string> kLayerTypes = {"dense", "dropout", "batch_norm", "layer_norm",
                                           "relu",  "sigmoid", "tanh"};
const std::set<std::string> kActivations = {"", "linear", "relu", "sigmoid", "tanh"};

void read_layers(const json& j, const char* key, std::vector<LayerSpec>& out, std::vector<SpecError>& errors)
{
    const std::string at = key;
    if (!j.contains(key) || j.at(key).is_null()) return;  // an empty encoder or decoder is allowed
    if (!j.at(key).is_array()) {
        errors.push_back(
            {at, at + ": must be a list of layers (dense, dropout, batch_norm, layer_norm, relu, ...)"});
        return;
    }
    const json& list = j.at(key);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = at + "[" + std::to_string(i) + "]";
        spec::FieldReader r(list[i], path, errors);
        if (!list[i].is_object()) continue;
        LayerSpec l;
        if (!r.has("type")) {
            r.fail(r.field("type"),
                   "missing (one of dense, dropout, batch_norm, layer_norm, relu, sigmoid, tanh)");
            continue;
        }
        r.text("type", l.type, &kLayerTypes);
        r.text("name", l.name);
        r.allow("comment");
        if (l.type == "dense") {
            if (!r.has("units")) r.fail(r.field("units"), "missing: how many outputs this layer has");
            r.size("units", l.units);
            r.text("activation", l.activation, &kActivations);
            if (l.activation == "linear") l.activation.clear();
        } else if (l.type == "dropout") {
            r.number("rate", l.rate, 0.0, 1.0, /*hi_open=*/true);
        } else if (l.type == "batch_norm" || l.type == "layer_norm") {
            if (l.type == "batch_norm") r.number("momentum", l.momentum, 0.0, 1.0);
            r.number("eps", l.eps, 1e-12, 1.0);
        }
        r.reject_unknown();
        if (l.type.empty()) continue;
        if (l.name.empty()) l.name = at + "_" + std::to_string(i);
        out.push_back(l);
    }
}

}  // namespace

AutoencoderSpecResult parse_autoencoder_spec(const json& j)
{
    AutoencoderSpecResult res;
    AutoencoderSpec& s = res.spec;
    auto& errors = res.errors;
    spec::FieldReader top(j, "", errors);
    if (!j.is_object()) return res;
    top.text("name", s.name);
    top.text("description", s.description);
    top.allow("comment");
    std::string type;
    static const std::set<std::string> types = {"autoencoder"};
    if (!top.has("type")) top.fail("type", "missing; an autoencoder spec needs \"type\": \"autoencoder\"");
    top.text("type", type, &types);

    top.allow("encoder");
    top.allow("decoder");
    read_layers(j, "encoder", s.encoder, errors);
    read_layers(j, "decoder", s.decoder, errors);
    std::set<std::string> names = {"latent", "reconstruction"};
    for (auto* part : {&s.encoder, &s.decoder})
        for (std::size_t i = 0; i < part->size(); ++i) {
            const std::string f =
                std::string(part == &s.encoder ? "encoder" : "decoder") + "[" + std::to_string(i) + "].name";
            if (!names.insert((*part)[i].name).second)
                errors.push_back({f, f + ": '" + (*part)[i].name +
                                         "' is used by another layer (latent and "
                                         "reconstruction are taken)"});
        }

    top.allow("latent");
    if (!top.has("latent")) {
        top.fail("latent", "missing: {\"units\": 2} gives a 2-D latent map");
    } else {
        spec::FieldReader l(j.at("latent"), "latent", errors);
        if (!l.has("units")) l.fail("latent.units", "missing: the size of the latent code (2 for a map)");
        l.size("units", s.latent_units, 1, 4096);
        l.text("activation", s.latent_activation, &kActivations);
        if (s.latent_activation == "linear") s.latent_activation.clear();
        l.reject_unknown();
    }

    top.allow("corruption");
    if (top.has("corruption")) {
        spec::FieldReader c(j.at("corruption"), "corruption", errors);
        static const std::set<std::string> kinds = {"none", "mask", "gaussian"};
        c.text("type", s.corruption.type, &kinds);
        c.number("rate", s.corruption.rate, 0.0, s.corruption.type == "gaussian" ? 10.0 : 0.95);
        c.reject_unknown();
        if (s.corruption.type != "none" && s.corruption.rate <= 0.0f)
            c.fail("corruption.rate", "must be > 0 for corruption '" + s.corruption.type + "'");
    }
    static const std::set<std::string> losses = {"mse", "masked_mse"};
    top.text("reconstruction", s.reconstruction, &losses);
    if (s.reconstruction == "masked_mse" && s.corruption.type != "mask")
        top.fail("reconstruction",
                 "masked_mse scores the entries the corruption hides: it needs \"corruption\": "
                 "{\"type\": \"mask\", \"rate\": ...}");

    top.allow("imputation");
    if (top.has("imputation")) {
        spec::FieldReader im(j.at("imputation"), "imputation", errors);
        im.number("mask_fraction", s.imputation.mask_fraction, 0.001, 0.9);
        static const std::set<std::string> entries = {"all", "nonzero"};
        im.text("entries", s.imputation.entries, &entries);
        im.reject_unknown();
    }
    top.allow("preprocess");
    if (top.has("preprocess")) {
        spec::FieldReader p(j.at("preprocess"), "preprocess", errors);
        static const std::set<std::string> transforms = {"none", "log1p"};
        p.text("transform", s.transform, &transforms);
        p.reject_unknown();
    }

    top.allow("optimizer");
    if (top.has("optimizer")) {
        spec::FieldReader o(j.at("optimizer"), "optimizer", errors);
        spec::read_optimizer(o, s.optimizer);
    }
    s.training.monitor = "val_loss";
    s.training.epochs = 30;
    top.allow("training");
    if (top.has("training")) {
        spec::FieldReader t(j.at("training"), "training", errors);
        static const std::set<std::string> monitors = {"val_loss"};
        spec::read_training(t, s.training, monitors);
    }
    top.reject_unknown();
    return res;
}

AutoencoderSpecResult parse_autoencoder_spec_text(const std::string& text)
{
    try {
        return parse_autoencoder_spec(json::parse(text));
    } catch (const json::parse_error& e) {
        std::size_t line = 1, col = 1;
        for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        AutoencoderSpecResult res;
        res.errors.push_back({"", "line " + std::to_string(line) + ", column " + std::to_string(col) +
                                      ": the autoencoder spec is not valid JSON"});
        return res;
    } catch (const json::exception& e) {
        // Valid JSON that nlohmann cannot hold, e.g. a number past the double range (found by fuzz_spec).
        AutoencoderSpecResult res;
        res.errors.push_back({"", std::string("the spec has a value that cannot be read: ") + e.what()});
        return res;
    }
}

json autoencoder_spec_to_json(const AutoencoderSpec& s)
{
    json encoder = json::array(), decoder = json::array();
    for (const auto& l : s.encoder) encoder.push_back(layer_to_json(l));
    for (const auto& l : s.decoder) decoder.push_back(layer_to_json(l));
    json latent = {{"units", s.latent_units}};
    if (!s.latent_activation.empty()) latent["activation"] = s.latent_activation;
    return {
        {"name", s.name},
        {"description", s.description},
        {"type", "autoencoder"},
        {"encoder", encoder},
        {"latent", latent},
        {"decoder", decoder},
        {"corruption", {{"type", s.corruption.type}, {"rate", s.corruption.rate}}},
        {"reconstruction", s.reconstruction},
        {"imputation", {{"mask_fraction", s.imputation.mask_fraction}, {"entries", s.imputation.entries}}},
        {"preprocess", {{"transform", s.transform}}},
        {"optimizer", spec::optimizer_to_json(s.optimizer)},
        {"training", spec::training_to_json(s.training)}};
}

}  // namespace helix::nn
