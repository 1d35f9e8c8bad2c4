// core/nn/head_kind.hpp: what a head's loss means, in one place. A head of a sequence model names its loss;
// the loss decides what its label column holds, how many outputs it needs, what training minimises, what
// a prediction is, and how it is scored. Training (core/train/sequence_task), prediction and scores
// (core/infer/evaluate), reading tables (core/infer/prepared_input) and explanations (core/interpret/target)
// all ask here, so a new kind of head is one entry in head_kind.cpp, or a file of its own whose kinds that
// table lists after its own (profile_head_kinds.cpp).
//   bce_with_logits        a 0/1 label; 1 output; prediction = sigmoid (a probability)
//   softmax_cross_entropy  a class index 0..K-1; K >= 2 outputs; prediction = softmax row
//   mse                    a number (regression: enhancer activity, log counts); 1 output; prediction = the
//                          output itself; scored by Pearson and Spearman correlation and mean squared error
//   poisson                a count >= 0; 1 output, read as the log of the rate; prediction = exp(output), the
//                          expected count; loss = Poisson NLL (torch.nn.PoissonNLLLoss(log_input=True));
//                          scored as mse is, on the expected counts
//   multinomial_nll        per-position read counts of the head's profile columns (BPNet's profile head,
//                          core/nn/profile_head_kinds.cpp); positions × strands outputs; prediction = softmax
//                          over positions per strand
//   log1p_mse              a read count (BPNet's count head); 1 output read as log(1 + count)
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "../autograd.hpp"

namespace helix::nn {

enum class LabelKind {
    binary,   // 0/1
    classes,  // 0..K-1
    number,   // any finite number
    profile,  // per-position counts of the head's profile columns, (positions, strands) per record
};

struct HeadKind {
    const char* loss;
    LabelKind labels;
    // The mean loss over the entries `mask` keeps: logits (B, K); targets (B) class indices for classes,
    // else (B, 1). A profile head: logits and counts (B, L, S), mask (B).
    Var (*train_loss)(const Var& logits, const Tensor& targets, const Tensor& mask);
    // One example's prediction from its L × K logits (L = 1 but for a profile head: L positions of K
    // strands, channels-last), written to out[0..L*K): sigmoid, softmax, identity, exp.
    void (*predict)(const float* logits, std::size_t L, std::size_t K, float* out);
    // One example's loss from its prediction, for scores (clamped so a confident mistake stays finite).
    // Null for a profile head (core/infer/profile_scores.hpp scores it).
    double (*example_loss)(const float* prediction, std::size_t K, float label);
    // The label on the prediction's scale, for correlations (log1p_mse: log(1 + count)); null = itself.
    float (*observed)(float label) = nullptr;

    bool classification() const { return labels == LabelKind::binary || labels == LabelKind::classes; }
};

// The kind of a loss name the spec accepted (HELIX_ASSERT for any other).
const HeadKind& head_kind(const std::string& loss);
// Every loss name a head may have, for the spec's check and its message.
const std::vector<std::string>& head_loss_names();

}  // namespace helix::nn
