// core/io/autoencoder_file.cpp: see autoencoder_file.hpp.
#include "autoencoder_file.hpp"

#include <cstdint>
#include <set>

#include "model_file.hpp"

namespace helix::io {

using nlohmann::json;

std::string hash_ids(const std::vector<std::string>& ids)
{
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const auto& id : ids) {
        for (unsigned char c : id) h = (h ^ c) * 0x100000001b3ull;
        h = (h ^ static_cast<unsigned char>('\n')) * 0x100000001b3ull;
    }
    static const char* hex = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = hex[h & 15];
    return out;
}

std::string save_autoencoder(const nn::Autoencoder& model, const std::vector<std::string>& genes,
                             const TrainedCells& cells, const json& metadata)
{
    HELIX_ASSERT(genes.size() == model.genes());
    const json fields = {{"genes", genes}, {"cells", {{"count", cells.count}, {"hash", cells.hash}}}};
    return write_model_file("autoencoder",
                            {nn::autoencoder_spec_to_json(model.spec()), model.params(), fields, metadata});
}

LoadedAutoencoder load_autoencoder(const std::string& text)
{
    LoadedAutoencoder out;
    auto fail = [&](const std::string& field, const std::string& message) {
        out.errors.push_back({field, field + ": " + message});
    };
    json file = open_model_file(text, "autoencoder", out.errors);
    if (file.is_null()) return out;
    if (!file.contains("genes") || !file["genes"].is_array() || file["genes"].empty()) {
        fail("genes", "must be a non-empty list of column names");
    } else {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < file["genes"].size(); ++i) {
            const json& g = file["genes"][i];
            if (!g.is_string() || !seen.insert(g.get<std::string>()).second) {
                fail("genes[" + std::to_string(i) + "]", "must be a name not used before, got " + g.dump());
                break;
            }
            out.genes.push_back(g.get<std::string>());
        }
    }
    if (file.contains("cells") && file["cells"].is_object()) {
        const json& c = file["cells"];
        if (c.contains("count") && c["count"].is_number_unsigned())
            out.cells.count = c["count"].get<std::size_t>();
        if (c.contains("hash") && c["hash"].is_string()) out.cells.hash = c["hash"].get<std::string>();
    }
    if (!out.errors.empty()) return out;
    const std::size_t genes = out.genes.size();
    out.model = model_from_file(
        file, [](const json& j) { return nn::parse_autoencoder_spec(j); },
        [&](const nn::AutoencoderSpec& s,
            std::vector<nn::SpecError>& errors) -> std::unique_ptr<nn::Autoencoder> {
            if (const std::string e = nn::Autoencoder::size_error(s, genes); !e.empty()) {
                errors.push_back({"spec", "spec: " + e});
                return nullptr;
            }
            return nn::Autoencoder::build(s, genes);
        },
        out.errors);
    if (out.model) out.metadata = metadata_of(file);
    return out;
}

}  // namespace helix::io
