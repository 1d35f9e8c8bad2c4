// tests/fuzz/fuzz_spec.cpp: spec JSON for every kind of model (core/spec/sequence, graph, autoencoder, gan).
// Input: byte 0 picks the kind (modulo 4), the rest is the spec's text.
// Besides the contract of fuzz_contract.hpp (no throw; each error names its field): a spec that parses writes
// out as JSON that parses again, without errors, to the same JSON.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/nn/autoencoder.hpp"
#include "core/nn/gan.hpp"
#include "core/nn/graph_model.hpp"
#include "core/spec/sequence.hpp"
#include "fuzz_contract.hpp"

namespace {

namespace nn = helix::nn;

template <class ParseText, class Parse, class ToJson>
void check_spec(const std::string& text, ParseText parse_text, Parse parse, ToJson to_json)
{
    const auto parsed = parse_text(text);
    helix::fuzz::check_spec_errors(parsed.errors);
    if (!parsed.errors.empty()) return;
    const nlohmann::json written = to_json(parsed.spec);
    const auto again = parse(written);
    FUZZ_CHECK(again.errors.empty(), again.errors.front().message + " in " + written.dump());
    FUZZ_CHECK(to_json(again.spec) == written, written.dump() + " became " + to_json(again.spec).dump());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size)
{
    if (size == 0) return 0;
    const std::string text(reinterpret_cast<const char*>(bytes) + 1, size - 1);
    helix::fuzz::no_throw("parse spec", [&] {
        switch (bytes[0] % 4) {
            case 0:
                check_spec(text, nn::parse_spec_text, nn::parse_spec, nn::spec_to_json);
                break;
            case 1:
                check_spec(text, nn::parse_graph_spec_text, nn::parse_graph_spec, nn::graph_spec_to_json);
                break;
            case 2:
                check_spec(text, nn::parse_autoencoder_spec_text, nn::parse_autoencoder_spec,
                           nn::autoencoder_spec_to_json);
                break;
            default:
                check_spec(text, nn::parse_gan_spec_text, nn::parse_gan_spec, nn::gan_spec_to_json);
                break;
        }
    });
    return 0;
}
