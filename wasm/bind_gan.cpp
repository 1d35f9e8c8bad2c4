// wasm/bind_gan.cpp: Embind declarations for GanSession (core/api/gan_session.hpp). Types only: text in,
// JSON text out; js/helix.js (createGan) gives it its JS shape.
#include <emscripten/bind.h>

#include "core/api/gan_session.hpp"

using helix::api::GanSession;

EMSCRIPTEN_BINDINGS(helix_gan)
{
    emscripten::class_<GanSession>("GanSession")
        .constructor<const std::string&, const std::string&>()
        .function("ok", &GanSession::ok)
        .function("errors", &GanSession::errors_json)
        .function("spec", &GanSession::spec_json)
        .function("summary", &GanSession::summary_json)
        .function("startTraining", &GanSession::start_training)
        .function("trainStep", &GanSession::train_step)
        .function("trainingFinished", &GanSession::training_finished)
        .function("cancelTraining", &GanSession::cancel_training)
        .function("trainingSummary", &GanSession::training_summary)
        .function("sample", &GanSession::sample)
        .function("motifEnrichment", &GanSession::motif_enrichment)
        .function("generateFromNoise", &GanSession::generate_from_noise)
        .function("save", &GanSession::save)
        .function("metadata", &GanSession::metadata_json);
}
