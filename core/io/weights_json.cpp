// core/io/weights_json.cpp: see weights_json.hpp.
#include "weights_json.hpp"

#include <cstring>

#include "base64.hpp"

namespace helix::io {

using nlohmann::json;

json weights_to_json(const std::vector<const nn::Param*>& params)
{
    json weights = json::object();
    for (const nn::Param* p : params) {
        const Tensor& v = p->var.value();
        // Floats are stored as their little-endian bytes (wasm and x86 are little-endian).
        weights[p->name] = {{"shape", shape_of(v)},
                            {"dtype", "float32"},
                            {"data", base64_encode(reinterpret_cast<const std::uint8_t*>(v.data()),
                                                   v.size() * sizeof(float))}};
    }
    return weights;
}

void weights_from_json(const json& weights, const std::vector<nn::Param*>& params,
                       std::vector<nn::SpecError>& errors)
{
    auto fail = [&](const std::string& field, const std::string& message) {
        errors.push_back({field, field + ": " + message});
    };
    if (!weights.is_object()) return fail("weights", "must be an object of named tensors");
    std::vector<std::uint8_t> bytes;
    for (nn::Param* p : params) {
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
        if (!base64_decode(w["data"].get<std::string>(), bytes) ||
            bytes.size() != numel(want) * sizeof(float)) {
            fail(field + ".data", "is not " + std::to_string(numel(want)) + " float32 values in base64");
            continue;
        }
        std::memcpy(p->var.value().data(), bytes.data(), bytes.size());
    }
    for (auto it = weights.begin(); it != weights.end(); ++it) {
        bool known = false;
        for (const nn::Param* p : params) known = known || p->name == it.key();
        if (!known) fail("weights." + it.key(), "no layer of the spec has this parameter");
    }
}

}  // namespace helix::io
