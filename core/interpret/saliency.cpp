// core/interpret/saliency.cpp: see saliency.hpp.
#include "saliency.hpp"

namespace helix::interpret {

Saliency saliency(Scorer& scorer, const std::string& seq, std::size_t record)
{
    const std::size_t L = seq.size();
    Tensor x = one_hot_sequence(seq);
    x.reshape({std::size_t{1}, L, std::size_t{4}});
    Var input(x, /*requires_grad=*/true);
    Var z = scorer.logits(input, record);
    Saliency out;
    out.class_index = scorer.class_of(z.value().data());
    out.score = scorer.score(z.value().data(), out.class_index);
    backward(scorer.score_sum(z, {out.class_index}));
    const Tensor& g = input.grad();
    out.attributions.resize(L);
    for (std::size_t l = 0; l < L; ++l) {
        float a = 0;
        for (std::size_t c = 0; c < 4; ++c) a += x.data()[l * 4 + c] * g.data()[l * 4 + c];
        out.attributions[l] = a;
    }
    return out;
}

}  // namespace helix::interpret
