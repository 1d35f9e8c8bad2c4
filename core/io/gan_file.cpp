// core/io/gan_file.cpp: see gan_file.hpp.
#include "gan_file.hpp"

#include "weights_json.hpp"

namespace helix::io {

using nlohmann::json;

std::string save_gan(const nn::Gan& gan, const json& metadata)
{
    return json{{"format", "helix-gan"},
                {"version", kGanFileVersion},
                {"spec", nn::gan_spec_to_json(gan.spec())},
                {"weights", weights_to_json(gan.params())},
                {"metadata", metadata}}
        .dump();
}

LoadedGan load_gan(const std::string& text)
{
    LoadedGan out;
    json file = open_model_file(text, "helix-gan", kGanFileVersion, "Helix GAN", out.errors);
    if (file.is_null()) return out;
    nn::GanSpecResult spec = nn::parse_gan_spec(file["spec"]);
    for (auto& e : spec.errors) out.errors.push_back({"spec." + e.field, "spec." + e.message});
    if (!out.errors.empty()) return out;
    auto gan = nn::Gan::build(spec.spec, out.errors);
    if (!gan) return out;
    weights_from_json(file.contains("weights") ? file["weights"] : json::object(), gan->params(), out.errors);
    if (!out.errors.empty()) return out;
    out.metadata = file.contains("metadata") ? file["metadata"] : json::object();
    out.gan = std::move(gan);
    return out;
}

}  // namespace helix::io
