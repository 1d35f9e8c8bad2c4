// core/data/sequence_set.hpp: DNA sequences as read from a paste (FASTA, a table, or plain lines).
#pragma once

#include <string>
#include <vector>

namespace helix::data {

// Parallel arrays, one entry per record, in the order of the text. Duplicate ids are kept as they are.
struct SequenceSet {
    std::vector<std::string> ids;
    std::vector<std::string> sequences;  // uppercase, only A C G T and IUPAC N R Y S W K M B D H V
    std::vector<int> lines;              // 1-based line where each record starts (header or table row)
    std::vector<float> labels;           // 0 or 1 (NaN: a missing label); empty when unlabelled
    std::string label_column;            // the label column's header as written; "" when unlabelled
    // Multi-task tables (TableOptions::tasks): size() rows × task_columns.size(), row-major, NaN = missing;
    // a numeric task's cells are its numbers (regression targets).
    std::vector<std::string> task_columns;
    std::vector<float> task_labels;
    // Numeric feature columns (TableOptions::feature_columns): size() rows × feature_columns.size().
    std::vector<std::string> feature_columns;
    std::vector<float> features;
    // Per-position counts of a profile table (TableOptions::profile_columns, e.g. counts_plus and
    // counts_minus, one per strand): size() rows × profile_columns.size() × profile_length, row-major.
    std::vector<std::string> profile_columns;
    std::size_t profile_length = 0;
    std::vector<float> profiles;

    std::size_t size() const { return sequences.size(); }
};

}  // namespace helix::data
