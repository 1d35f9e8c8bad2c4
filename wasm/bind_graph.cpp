// wasm/bind_graph.cpp: Embind declarations for GraphSession (core/api/graph_session.hpp). Types only: text
// in, JSON text out; js/helix.js (createGraphModel) gives it its JS shape.
#include <emscripten/bind.h>

#include "core/api/graph_session.hpp"

using helix::api::GraphSession;

EMSCRIPTEN_BINDINGS(helix_graph)
{
    emscripten::class_<GraphSession>("GraphSession")
        .constructor<const std::string&, const std::string&>()
        .function("ok", &GraphSession::ok)
        .function("errors", &GraphSession::errors_json)
        .function("spec", &GraphSession::spec_json)
        .function("summary", &GraphSession::summary_json)
        .function("load", &GraphSession::load)
        .function("loaded", &GraphSession::loaded)
        .function("startTraining", &GraphSession::start_training)
        .function("trainStep", &GraphSession::train_step)
        .function("trainingFinished", &GraphSession::training_finished)
        .function("cancelTraining", &GraphSession::cancel_training)
        .function("trainingSummary", &GraphSession::training_summary)
        .function("evaluate", &GraphSession::evaluate_json)
        .function("predict", &GraphSession::predict_json)
        .function("save", &GraphSession::save)
        .function("metadata", &GraphSession::metadata_json);
}
