// wasm/bind_session.cpp: Embind declarations for the engine facade (core/api). Types only: text in, JSON text
// out; js/session.js and js/families/ give the JS API its shape. The shared Session (core/api/session.hpp) is
// bound once here; each family binds only `class_<X, base<Session>>` with its constructor and extras (this
// file: ModelSession, the sequence models; bind_graph.cpp, bind_autoencoder.cpp, bind_gan.cpp).
#include <emscripten/bind.h>

#include "core/api/model_session.hpp"
#include "core/api/session.hpp"
#include "core/api/simulate_api.hpp"

using helix::api::ModelSession;
using helix::api::Session;

EMSCRIPTEN_BINDINGS(helix_session)
{
    emscripten::function("parseSequences", &helix::api::parse_sequences_json);
    emscripten::function("simulate", &helix::api::simulate_json);
    emscripten::function("simulateGraphs", &helix::api::simulate_graphs_json);
    emscripten::class_<Session>("Session")
        .function("ok", &Session::ok)
        .function("errors", &Session::errors_json)
        .function("spec", &Session::spec_json)
        .function("summary", &Session::summary_json)
        .function("startTraining", &Session::start_training)
        .function("trainStep", &Session::train_step)
        .function("trainingFinished", &Session::training_finished)
        .function("cancelTraining", &Session::cancel_training)
        .function("trainingSummary", &Session::training_summary)
        .function("save", &Session::save)
        .function("metadata", &Session::metadata_json);
    emscripten::class_<ModelSession, emscripten::base<Session>>("ModelSession")
        .constructor<const std::string&, const std::string&>()
        .function("reset", &ModelSession::reset)
        .function("predict", &ModelSession::predict_json)
        .function("evaluate", &ModelSession::evaluate_json)
        .function("loadWeightsFrom", &ModelSession::load_weights_from)
        .function("setTrainable", &ModelSession::set_trainable);
}
