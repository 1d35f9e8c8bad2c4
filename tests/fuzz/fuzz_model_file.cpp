// tests/fuzz/fuzz_model_file.cpp: the four model files a user can load (the envelope of core/io/model_file,
// with the families' parts: sequence_model_file, autoencoder_file, graph_model_file, gan_file). Input: byte 0
// picks the kind (modulo 4), the rest is the file's text. Besides the contract of fuzz_contract.hpp (no
// throw; each error names its field): a load gives a model exactly when it reports no error, and a loaded
// model saves to a file that loads and saves again to the same text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/io/autoencoder_file.hpp"
#include "core/io/gan_file.hpp"
#include "core/io/graph_model_file.hpp"
#include "core/io/sequence_model_file.hpp"
#include "fuzz_contract.hpp"

namespace {

namespace io = helix::io;

// `load(text)` returns a Loaded* whose `errors` are empty exactly when `model(loaded)` is set; `save(loaded)`
// writes it out again.
template <class Load, class Has, class Save>
void check_file(const std::string& text, Load load, Has has_model, Save save)
{
    const auto loaded = load(text);
    helix::fuzz::check_spec_errors(loaded.errors);
    FUZZ_CHECK(loaded.errors.empty() == has_model(loaded), std::to_string(loaded.errors.size()) + " errors");
    if (!has_model(loaded)) return;
    const std::string saved = save(loaded);
    const auto reloaded = load(saved);
    FUZZ_CHECK(reloaded.errors.empty(), reloaded.errors.front().message);
    FUZZ_CHECK(save(reloaded) == saved, "a saved file does not load back to the same model");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size)
{
    if (size == 0) return 0;
    const std::string text(reinterpret_cast<const char*>(bytes) + 1, size - 1);
    helix::fuzz::no_throw("load model file", [&] {
        switch (bytes[0] % 4) {
            case 0:
                check_file(
                    text, io::load_model, [](const auto& l) { return l.model != nullptr; },
                    [](const auto& l) { return io::save_model(*l.model, l.metadata); });
                break;
            case 1:
                check_file(
                    text, io::load_autoencoder, [](const auto& l) { return l.model != nullptr; },
                    [](const auto& l) {
                        return io::save_autoencoder(*l.model, l.genes, l.cells, l.metadata);
                    });
                break;
            case 2:
                check_file(
                    text, io::load_graph_model, [](const auto& l) { return l.model != nullptr; },
                    [](const auto& l) { return io::save_graph_model(*l.model, l.metadata); });
                break;
            default:
                check_file(
                    text, io::load_gan, [](const auto& l) { return l.gan != nullptr; },
                    [](const auto& l) { return io::save_gan(*l.gan, l.metadata); });
                break;
        }
    });
    return 0;
}
