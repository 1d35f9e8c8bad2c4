// wasm/bind_explain.cpp: Embind declarations for the interpretation API (core/api/explain_api.hpp): free
// functions taking a ModelSession, text in, JSON text out. js/helix.js (Model.explain,
// Model.variants) gives them their JS shape.
#include <emscripten/bind.h>

#include "core/api/explain_api.hpp"

EMSCRIPTEN_BINDINGS(helix_explain)
{
    emscripten::function("explain", &helix::api::explain_session_json);
    emscripten::function("variants", &helix::api::variants_session_json);
}
