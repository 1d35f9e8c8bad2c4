// core/interpret/saliency.hpp: gradient × input, per base: a_l = Σ_c x_lc · ∂score/∂x_lc. For one-hot
// DNA that is the gradient at the base present; one forward and one backward pass.
#pragma once

#include <string>
#include <vector>

#include "target.hpp"

namespace helix::interpret {

struct Saliency {
    float score = 0;                  // the explained score of the sequence
    std::size_t class_index = 0;      // the class explained (0 for a 0/1 head)
    std::vector<float> attributions;  // L
};

// `seq` has a length the model accepts; `record` indexes the Scorer's records (held features).
Saliency saliency(Scorer& scorer, const std::string& seq, std::size_t record);

}  // namespace helix::interpret
