// core/interpret/target.hpp: the scalar an attribution explains, and the forward passes that compute it.
// A Target names one head, the class of a K-class head (or each sequence's predicted class) and whether
// the logit or the probability is explained. A Scorer runs the model on DNA batches (B, L, 4) with every
// other input (numeric features of a multimodal model) held at one record's values, and turns a head's
// logits into per-row scores, or into their sum as a Var for one backward pass.
// While a Scorer lives the model's parameters record no gradient (attributions need only d/dx); their
// previous settings (frozen layers) come back when it is destroyed, so the model is left as it was.
#pragma once

#include <string>
#include <vector>

#include "../autograd.hpp"
#include "../infer/examples.hpp"
#include "../nn/model.hpp"

namespace helix::interpret {

struct Target {
    std::size_t head = 0;
    int class_index = -1;      // K-class heads: the class explained; -1: each sequence's predicted class
    bool probability = false;  // false: the logit (a 0/1 head's single output; class k's raw logit)
};

class Scorer {
public:
    // `ex` holds the records whose features are held (it must outlive the Scorer); `ex.sequences` is unused.
    Scorer(nn::Model& model, const infer::Examples& ex, Target target);
    ~Scorer();
    Scorer(const Scorer&) = delete;
    Scorer& operator=(const Scorer&) = delete;

    const Target& target() const { return target_; }
    std::size_t outputs() const { return model_.head_outputs(target_.head); }  // K (1 for a 0/1 head)
    bool multiclass() const;

    // The target head's logits (B, K) for DNA x (B, L, 4), each row reading record `record`'s features.
    // Records a tape when x requires a gradient.
    Var logits(const Var& x, std::size_t record);
    // The same with row b reading record records[b]'s features.
    Var logits(const Var& x, const std::vector<std::size_t>& records);
    // The class explained for a row of logits: the Target's, or the row's most probable (0 for 0/1 heads).
    std::size_t class_of(const float* logits_row) const;
    // One row's score: the logit or probability of class k.
    float score(const float* logits_row, std::size_t k) const;
    // log(p / (1 − p)) of class k's probability (a 0/1 head's logit), computed from the logits without
    // rounding p first.
    double log_odds(const float* logits_row, std::size_t k) const;
    // Σ_b score(row b, classes[b]) as a Var of shape {1}, so one backward() gives every row's gradient.
    Var score_sum(const Var& logits, const std::vector<std::size_t>& classes) const;

    // Scores of the rows of x (B, L, 4) for class k, in chunks that keep memory small (no tape).
    std::vector<float> scores(const Tensor& x, std::size_t record, std::size_t k);

private:
    nn::Model& model_;
    const infer::Examples& ex_;
    Target target_;
    mutable std::vector<float> prediction_;  // score()'s scratch row of K predictions
    std::vector<bool> requires_grad_;        // the parameters' settings before, restored on destruction
};

// How many rows of length L one forward pass takes: about 128k positions, so a chunk's activations stay
// a few tens of MB whatever the length.
std::size_t rows_per_chunk(std::size_t L);

// One-hot (L, 4) of a sequence, A C G T channels (other IUPAC codes spread, N = 0.25 each).
Tensor one_hot_sequence(const std::string& seq);

}  // namespace helix::interpret
