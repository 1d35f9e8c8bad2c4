// core/data/table.hpp: labelled sequence tables (TSV or CSV with a header row), with line numbers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "input_error.hpp"
#include "sequence_set.hpp"

namespace helix::data {

struct TableOptions {
    std::string label_column = "label";  // header of the label column, matched ignoring case
    bool require_labels = true;          // training needs them; prediction does not
    // How many classes the model tells apart. 2 (one 0/1 output) keeps the 0/1 rule below; K > 2 takes
    // class indices 0..K-1, written as integers ("2", "2.0" too).
    std::size_t classes = 2;
    // Several label columns (multi-task), read instead of label_column: each 0/1 (or 0..classes-1);
    // an empty cell is a missing label (NaN), which that task's loss leaves out.
    struct Task {
        std::string column;
        std::size_t classes = 2;
        bool numeric = false;  // a regression target: any finite number (classes is then ignored)
    };
    std::vector<Task> tasks;
    // Numeric columns read into SequenceSet::features (a second input of a multimodal model); every
    // cell must be a finite number.
    std::vector<std::string> feature_columns;
    // Profile columns: each cell a comma-separated list of non-negative counts, one per position of the
    // model's output window (SequenceSet::profiles). Every list on every row has profile_length values;
    // 0 takes the length of the first row's first list.
    std::vector<std::string> profile_columns;
    std::size_t profile_length = 0;
    bool sequence = true;  // false: a table of features only; a sequence column is not needed (nor read)
};

// Reads a table whose first non-blank line is a header row. The delimiter is a tab when the header
// line holds one, else a comma; a field may be double-quoted ("a,b" and "say ""hi""" as in CSV; a
// quoted field cannot span lines). Header names match ignoring case and surrounding spaces:
//   sequence (or seq)       required; validated as in FASTA, columns counted from the line start
//   opt.label_column        0 or 1 ("0.0" and "1.0" too), or 0..K-1 when opt.classes = K > 2; when
//                           !require_labels an empty cell is NaN
//                           (missing) and an absent column leaves labels empty
//   id (or name)            names the records; without it, or in an empty cell, a record is "seqN",
//                           N its data row number counting from 1 (blank lines are not rows)
//   opt.tasks[i].column     (multi-task) as the label column, but an empty cell is always allowed (missing)
//   opt.feature_columns     finite numbers ("0.5", "-1e-3"); an empty or non-numeric cell is an error
//   a numeric task column   a finite number ("1.25", "-3e-2"); NaN, Inf or text is an error at its cell;
//                           an empty cell is a missing value
//   opt.profile_columns     "0,3,1,0,...": non-negative finite numbers separated by commas (spaces
//                           allowed), as many as profile_length; the error names the row's id and both
//                           lengths
// Other columns are ignored. Errors name line and column: a row with a different number of fields
// than the header (at its line), a bad quote, an empty sequence, a label not 0/1 (not 0..K-1, naming the
// range), an empty label cell
// (when required), a missing sequence or label column (at the header line, listing the columns found).
Parsed<SequenceSet> parse_table(std::string_view text, const TableOptions& opt = {});

// True when `line`, split on a tab if it holds one and else on commas (or semicolons), has a field named
// "sequence" or "seq", or `label_column` when given (ignoring case, spaces and quotes): how parse_sequences
// spots a table (then a header naming the labels but not the DNA gets "no 'sequence' column").
bool looks_like_table_header(std::string_view line, std::string_view label_column = {});

}  // namespace helix::data
