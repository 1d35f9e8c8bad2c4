// core/data/simulate_transfer.hpp: a pair of related tasks for transfer learning.
// Pretraining (large): label 1 when a GATA1 site (JASPAR MA0035.4) was planted, half of the sequences.
// Fine-tuning (small): label 1 when a sequence carries BOTH a GATA1 site and a TAL1 E-box site (MA0091.1
// TAL1::TCF3), as the GATA1-TAL1 complex binds composite elements; half the negatives carry GATA1 alone,
// a quarter TAL1 alone, a quarter neither, so GATA1 alone is not enough. Filters that learnt GATA1 on
// the large set leave only the E-box to learn from the few fine-tuning rows.
// Sites are drawn position by position from the matrices, on a random strand, in random background.
#pragma once

#include <cstdint>

#include "sequence_set.hpp"

namespace helix::data {

struct TransferOptions {
    std::size_t count = 5000;  // 5000 to pretrain; 200 to fine-tune (and a larger set to test)
    std::size_t length = 100;  // at least 35 (as for the multitask simulator)
    double gc = 0.42;          // G+C fraction of the background
    std::uint64_t seed = 1;
};

SequenceSet simulate_transfer_pretrain(const TransferOptions& options);
SequenceSet simulate_transfer_finetune(const TransferOptions& options);

}  // namespace helix::data
