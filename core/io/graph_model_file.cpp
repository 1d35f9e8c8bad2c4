// core/io/graph_model_file.cpp: see graph_model_file.hpp.
#include "graph_model_file.hpp"

#include <cstring>

#include "base64.hpp"

namespace helix::io {

using nlohmann::json;

std::string save_graph_model(const nn::GraphModel& model, const json& metadata)
{
    json weights = json::object();
    for (const nn::Param* p : model.params()) {
        const Tensor& v = p->var.value();
        // Little-endian float bytes (wasm and x86 are little-endian), as model_file.cpp.
        weights[p->name] = {{"shape", shape_of(v)},
                            {"dtype", "float32"},
                            {"data", base64_encode(reinterpret_cast<const std::uint8_t*>(v.data()),
                                                   v.size() * sizeof(float))}};
    }
    return json{{"format", "helix-graph-model"},
                {"version", kGraphModelFileVersion},
                {"spec", nn::graph_spec_to_json(model.spec())},
                {"features", model.features()},
                {"classes", model.classes()},
                {"weights", weights},
                {"metadata", metadata}}
        .dump();
}

LoadedGraphModel load_graph_model(const std::string& text)
{
    LoadedGraphModel out;
    auto fail = [&](const std::string& field, const std::string& message) {
        out.errors.push_back({field, (field.empty() ? "" : field + ": ") + message});
    };
    json file = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (file.is_discarded() || !file.is_object()) {
        fail("", "this is not a Helix graph model file (not a JSON object); it may be truncated");
        return out;
    }
    if (!file.contains("format") || file["format"] != "helix-graph-model") {
        fail("format", "expected \"helix-graph-model\"; this file is not a Helix graph model");
        return out;
    }
    if (!file.contains("version") || file["version"] != kGraphModelFileVersion) {
        fail("version", "this Helix reads version " + std::to_string(kGraphModelFileVersion));
        return out;
    }
    for (const char* key : {"features", "classes"})
        if (!file.contains(key) || !file[key].is_number_unsigned() || file[key].get<std::size_t>() == 0)
            fail(key, "must be a positive integer");
    if (!file.contains("spec")) fail("spec", "missing");
    if (!out.errors.empty()) return out;
    nn::GraphSpecResult spec = nn::parse_graph_spec(file["spec"]);
    for (auto& e : spec.errors) out.errors.push_back({"spec." + e.field, "spec." + e.message});
    if (!out.errors.empty()) return out;
    auto model = nn::GraphModel::build(spec.spec, file["features"].get<std::size_t>(),
                                       file["classes"].get<std::size_t>(), out.errors);
    if (!model) return out;
    const json weights = file.contains("weights") ? file["weights"] : json::object();
    if (!weights.is_object()) {
        fail("weights", "must be an object of named tensors");
        return out;
    }
    std::vector<std::uint8_t> bytes;
    for (nn::Param* p : model->params()) {
        const std::string field = "weights." + p->name;
        if (!weights.contains(p->name)) {
            fail(field, "missing (the spec has this parameter, the file has no weights for it)");
            continue;
        }
        const json& w = weights[p->name];
        const Shape want = p->var.shape();
        if (!w.is_object() || !w.contains("shape") || !w.contains("data") || !w["data"].is_string()) {
            fail(field, "needs \"shape\" and \"data\"");
            continue;
        }
        if (w.contains("dtype") && w["dtype"] != "float32") {
            fail(field + ".dtype", "only float32 is supported, got " + w["dtype"].dump());
            continue;
        }
        if (w["shape"] != json(want)) {
            fail(field + ".shape", "is " + w["shape"].dump() + " but the spec needs " + json(want).dump());
            continue;
        }
        if (!base64_decode(w["data"].get<std::string>(), bytes) || bytes.size() != numel(want) * sizeof(float)) {
            fail(field + ".data", "is not " + std::to_string(numel(want)) + " float32 values in base64");
            continue;
        }
        std::memcpy(p->var.value().data(), bytes.data(), bytes.size());
    }
    for (auto it = weights.begin(); it != weights.end(); ++it) {
        bool known = false;
        for (const nn::Param* p : model->params()) known = known || p->name == it.key();
        if (!known) fail("weights." + it.key(), "no layer of the spec has this parameter");
    }
    if (!out.errors.empty()) return out;
    out.metadata = file.contains("metadata") ? file["metadata"] : json::object();
    out.model = std::move(model);
    return out;
}

}  // namespace helix::io
