// core/spec/gan.cpp: see gan.hpp.
#include "gan.hpp"

#include <set>

#include "field_reader.hpp"
#include "optimizer_options.hpp"
#include "training_options.hpp"

namespace helix::nn {

using nlohmann::json;

namespace {

using Fields = spec::FieldReader;

void read_net(const json& j, const std::string& path, GanNetSpec& net, std::vector<SpecError>& errors)
{
    net.optimizer.learning_rate = 2e-4f;  // DCGAN
    net.optimizer.beta1 = 0.5f;
    Fields f(j, path, errors);
    if (!j.is_object()) return;
    f.allow("layers");
    f.allow("optimizer");
    f.allow("comment");
    if (!f.has("layers") || !f.at("layers").is_array() || f.at("layers").empty()) {
        f.fail(f.field("layers"), "must be a non-empty list of layers");
    } else {
        const json& layers = f.at("layers");
        net.layers.resize(layers.size());
        std::set<std::string> names;
        for (std::size_t i = 0; i < layers.size(); ++i) {
            const std::string at = f.field("layers[" + std::to_string(i) + "]");
            parse_layer(layers[i], at, net.layers[i], errors);
            LayerSpec& l = net.layers[i];
            if (l.name.empty()) l.name = l.type + "_" + std::to_string(i);
            if (!names.insert(l.name).second)
                f.fail(at + ".name", "'" + l.name + "' is used by an earlier layer");
        }
    }
    if (f.has("optimizer")) {
        Fields o(f.at("optimizer"), f.field("optimizer"), errors);
        spec::read_optimizer(o, net.optimizer);
    }
    f.reject_unknown();
}

json net_to_json(const GanNetSpec& net)
{
    json layers = json::array();
    for (const auto& l : net.layers) layers.push_back(layer_to_json(l));
    return {{"layers", layers}, {"optimizer", spec::optimizer_to_json(net.optimizer)}};
}

}  // namespace

GanSpecResult parse_gan_spec(const json& j)
{
    GanSpecResult res;
    GanSpec& s = res.spec;
    if (!j.is_object()) {
        res.errors.push_back({"spec", "spec: must be an object"});
        return res;
    }
    Fields top(j, "", res.errors);
    top.text("name", s.name);
    top.text("description", s.description);
    top.allow("comment");
    if (!top.has("type")) top.fail("type", "missing; a GAN spec needs \"type\": \"gan\"");
    std::string type;
    top.text("type", type, {"gan"});
    top.size("length", s.length, 1, 10000);
    top.size("noise", s.noise, 1, 10000);
    top.allow("generator");
    top.allow("discriminator");
    for (const char* net : {"generator", "discriminator"}) {
        if (!top.has(net)) {
            top.fail(net, "missing: {\"layers\": [...], \"optimizer\": {...}}");
            continue;
        }
        read_net(j.at(net), net, std::string(net) == "generator" ? s.generator : s.discriminator, res.errors);
    }
    top.allow("training");
    if (top.has("training")) {
        Fields t(j.at("training"), "training", res.errors);
        t.size("epochs", s.training.epochs, spec::kMinEpochs, spec::kMaxEpochs);
        t.size("steps", s.training.steps, 0, 100000000);
        t.size("batch_size", s.training.batch_size, spec::kMinBatchSize, spec::kMaxBatchSize);
        t.size("d_steps", s.training.d_steps, 1, 100);
        t.number("label_smoothing", s.training.label_smoothing, 0.0f, 0.5f, false);
        t.seed("seed", s.training.seed, spec::kMaxSeed);
        t.reject_unknown();
    }
    top.reject_unknown();
    return res;
}

GanSpecResult parse_gan_spec_text(const std::string& text)
{
    try {
        return parse_gan_spec(json::parse(text));
    } catch (const json::parse_error& e) {
        std::size_t line = 1, col = 1;  // e.byte is 1-based
        for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
            col = text[i] == '\n' ? 1 : col + 1;
            line += text[i] == '\n';
        }
        GanSpecResult res;
        res.errors.push_back({"", "line " + std::to_string(line) + ", column " + std::to_string(col) +
                                      ": the GAN spec is not valid JSON"});
        return res;
    } catch (const json::exception& e) {
        // Valid JSON that nlohmann cannot hold, e.g. a number past the double range (found by fuzz_spec).
        GanSpecResult res;
        res.errors.push_back({"", std::string("the spec has a value that cannot be read: ") + e.what()});
        return res;
    }
}

json gan_spec_to_json(const GanSpec& s)
{
    const GanTrainingSpec& t = s.training;
    return {{"name", s.name},
            {"description", s.description},
            {"type", "gan"},
            {"length", s.length},
            {"noise", s.noise},
            {"generator", net_to_json(s.generator)},
            {"discriminator", net_to_json(s.discriminator)},
            {"training",
             {{"epochs", t.epochs},
              {"steps", t.steps},
              {"batch_size", t.batch_size},
              {"d_steps", t.d_steps},
              {"label_smoothing", t.label_smoothing},
              {"seed", t.seed}}}};
}

}  // namespace helix::nn
