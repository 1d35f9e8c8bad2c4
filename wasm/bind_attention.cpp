// wasm/bind_attention.cpp: Embind declaration of the attention maps (core/api/attention_api.hpp): a free
// function taking a ModelSession, text in, JSON text out. js/helix.js (Model.attention) gives it its JS
// shape.
#include <emscripten/bind.h>

#include "core/api/attention_api.hpp"

EMSCRIPTEN_BINDINGS(helix_attention)
{
    emscripten::function("attention", &helix::api::attention_session_json);
}
