// wasm/bind_session.cpp: Embind declarations for the engine facade (core/api). Types only: text in,
// JSON text out; js/helix.js parses the JSON and gives the JS API its shape.
#include <emscripten/bind.h>

#include "core/api/model_session.hpp"
#include "core/api/simulate_api.hpp"

using helix::api::ModelSession;

EMSCRIPTEN_BINDINGS(helix_session)
{
    emscripten::function("parseSequences", &helix::api::parse_sequences_json);
    emscripten::function("simulate", &helix::api::simulate_json);
    emscripten::function("simulateGraphs", &helix::api::simulate_graphs_json);
    emscripten::class_<ModelSession>("ModelSession")
        .constructor<const std::string&, const std::string&>()
        .function("ok", &ModelSession::ok)
        .function("errors", &ModelSession::errors_json)
        .function("spec", &ModelSession::spec_json)
        .function("summary", &ModelSession::summary_json)
        .function("reset", &ModelSession::reset)
        .function("predict", &ModelSession::predict_json)
        .function("evaluate", &ModelSession::evaluate_json)
        .function("startTraining", &ModelSession::start_training)
        .function("trainStep", &ModelSession::train_step)
        .function("trainingFinished", &ModelSession::training_finished)
        .function("cancelTraining", &ModelSession::cancel_training)
        .function("trainingSummary", &ModelSession::training_summary)
        .function("save", &ModelSession::save)
        .function("metadata", &ModelSession::metadata_json)
        .function("loadWeightsFrom", &ModelSession::load_weights_from)
        .function("setTrainable", &ModelSession::set_trainable);
}
