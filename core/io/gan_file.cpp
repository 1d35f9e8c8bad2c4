// core/io/gan_file.cpp: see gan_file.hpp.
#include "gan_file.hpp"

#include "model_file.hpp"

namespace helix::io {

using nlohmann::json;

std::string save_gan(const nn::Gan& gan, const json& metadata)
{
    return write_model_file("gan",
                            {nn::gan_spec_to_json(gan.spec()), gan.params(), json::object(), metadata});
}

LoadedGan load_gan(const std::string& text)
{
    LoadedGan out;
    json file = open_model_file(text, "gan", out.errors);
    if (file.is_null()) return out;
    out.gan = model_from_file(
        file, [](const json& j) { return nn::parse_gan_spec(j); },
        [](const nn::GanSpec& s, std::vector<nn::SpecError>& errors) { return nn::Gan::build(s, errors); },
        out.errors);
    if (out.gan) out.metadata = metadata_of(file);
    return out;
}

}  // namespace helix::io
