// wasm/bind_motifs.cpp: Embind declaration of the filter-motif API (core/motifs/motifs_api.hpp). Types only:
// a model session and options JSON in, JSON text out; js/helix.js (Model.motifs) supplies the default
// database.
#include <emscripten/bind.h>

#include "core/motifs/motifs_api.hpp"

EMSCRIPTEN_BINDINGS(helix_motifs)
{
    emscripten::function("motifs", &helix::motifs::motifs_session_json);
}
