// core/nn/profile_head_kinds.hpp: the head kinds of base-resolution profile models (BPNet, Avsec et al.
// 2021), kept beside head_kind.cpp's table, which lists them after its own:
//   multinomial_nll  the profile head. Its layer gives (L, S): L positions of the output window, one channel
//                    per profile column the head names in "columns" (a strand). The loss is the multinomial
//                    NLL of the observed counts under softmax over positions, per strand
//                    (ops::multinomial_nll); the prediction is that softmax, the shape of the profile (each
//                    strand sums to 1).
//   log1p_mse        the count head. One output, read as log(1 + total count); the loss is the squared error
//                    against log(1 + count) (ops::log1p_mse). Its label is the total of its "columns"
//                    (profile columns) over the window, or a numeric column of counts.
// A model of both, as BPNet's, sums the two losses by the heads' weights.
#pragma once

#include <vector>

#include "head_kind.hpp"

namespace helix::nn {

const std::vector<HeadKind>& profile_head_kinds();

}  // namespace helix::nn
