// wasm/bind_gan.cpp: Embind declarations for GanSession (core/api/gan_session.hpp): its constructor and
// extras, over the Session bound once (bind_session.cpp). Types only: text in, JSON text out;
// js/families/gan.js gives it its JS shape.
#include <emscripten/bind.h>

#include "core/api/gan_session.hpp"

using helix::api::GanSession;

EMSCRIPTEN_BINDINGS(helix_gan)
{
    emscripten::class_<GanSession, emscripten::base<helix::api::Session>>("GanSession")
        .constructor<const std::string&, const std::string&>()
        .function("sample", &GanSession::sample)
        .function("motifEnrichment", &GanSession::motif_enrichment)
        .function("generateFromNoise", &GanSession::generate_from_noise);
}
