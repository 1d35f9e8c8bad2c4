// wasm/bind_spec.cpp: the engine's bounds of every training option (core/spec/training_options.hpp), as JSON
// text: optionBounds() -> {"epochs": {"min", "max", "integer"}, "learningRate": {...}, ...}. The page's
// fields are checked against it.
#include <emscripten/bind.h>

#include <string>

#include "core/spec/training_options.hpp"

namespace {
std::string option_bounds()
{
    return helix::spec::option_bounds_json().dump();
}
}  // namespace

EMSCRIPTEN_BINDINGS(helix_spec)
{
    emscripten::function("optionBounds", &option_bounds);
}
