// wasm/bind_autoencoder.cpp: Embind declarations for AutoencoderSession (core/api/autoencoder_session.hpp):
// its constructor and extras, over the Session bound once (bind_session.cpp). Types only: text in, JSON text
// out, and the reconstruction as a Float32Array view that JS copies at once; js/families/autoencoder.js gives
// it its JS shape.
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
    emscripten::class_<AutoencoderSession, emscripten::base<helix::api::Session>>("AutoencoderSession")
        .constructor<const std::string&, const std::string&>()
        .function("load", &AutoencoderSession::load)
        .function("loaded", &AutoencoderSession::loaded)
        .function("evaluate", &AutoencoderSession::evaluate_json)
        .function("encode", &AutoencoderSession::encode_json)
        .function("reconstruct", &AutoencoderSession::reconstruct)
        .function("reconstructionView", &reconstruction_view);
}
