// wasm/bind_graph.cpp: Embind declarations for GraphSession (core/api/graph_session.hpp): its constructor and
// extras, over the Session bound once (bind_session.cpp). Types only: text in, JSON text out;
// js/families/graph.js gives it its JS shape.
#include <emscripten/bind.h>

#include "core/api/graph_session.hpp"

using helix::api::GraphSession;

EMSCRIPTEN_BINDINGS(helix_graph)
{
    emscripten::class_<GraphSession, emscripten::base<helix::api::Session>>("GraphSession")
        .constructor<const std::string&, const std::string&>()
        .function("load", &GraphSession::load)
        .function("loaded", &GraphSession::loaded)
        .function("evaluate", &GraphSession::evaluate_json)
        .function("predict", &GraphSession::predict_json);
}
