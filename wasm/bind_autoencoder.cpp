// wasm/bind_autoencoder.cpp: Embind declarations for AutoencoderSession (core/api/autoencoder_session.hpp).
// Types only: text in, JSON text out, and the reconstruction as a Float32Array view that JS copies at once;
// js/helix.js (createAutoencoder) gives it its JS shape.
#include <emscripten/bind.h>

#include "core/api/autoencoder_session.hpp"

using helix::api::AutoencoderSession;

namespace {

emscripten::val reconstruction_view(const AutoencoderSession& s)
{
    const auto& v = s.reconstruction();
    return emscripten::val(emscripten::typed_memory_view(v.size(), v.data()));
}

}  // namespace

EMSCRIPTEN_BINDINGS(helix_autoencoder)
{
    emscripten::class_<AutoencoderSession>("AutoencoderSession")
        .constructor<const std::string&, const std::string&>()
        .function("ok", &AutoencoderSession::ok)
        .function("errors", &AutoencoderSession::errors_json)
        .function("spec", &AutoencoderSession::spec_json)
        .function("summary", &AutoencoderSession::summary_json)
        .function("load", &AutoencoderSession::load)
        .function("loaded", &AutoencoderSession::loaded)
        .function("startTraining", &AutoencoderSession::start_training)
        .function("trainStep", &AutoencoderSession::train_step)
        .function("trainingFinished", &AutoencoderSession::training_finished)
        .function("cancelTraining", &AutoencoderSession::cancel_training)
        .function("trainingSummary", &AutoencoderSession::training_summary)
        .function("evaluate", &AutoencoderSession::evaluate_json)
        .function("encode", &AutoencoderSession::encode_json)
        .function("reconstruct", &AutoencoderSession::reconstruct)
        .function("reconstructionView", &reconstruction_view)
        .function("save", &AutoencoderSession::save)
        .function("metadata", &AutoencoderSession::metadata_json);
}
