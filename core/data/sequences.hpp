// core/data/sequences.hpp: one entry point for whatever a biologist pastes.
#pragma once

#include <string_view>

#include "input_error.hpp"
#include "sequence_set.hpp"
#include "table.hpp"

namespace helix::data {

// Detects the format from the first non-blank line and parses with the same rules as the format's
// own parser:
//   starts with '>'                          FASTA (parse_fasta)
//   has a field "sequence" or "seq"          a table (parse_table), split on tabs if any, else commas
//   anything else                            one sequence per line, named "seqN" by record number;
//                                            blank lines skipped, every line validated as in FASTA
// Empty (or blank) text is the error "no sequences found" at line 1. FASTA and plain lines carry no
// labels: when opt.require_labels they add one error saying which table would carry them. Plain lines
// whose first line holds a tab or comma get one error asking for the header row (a table without
// one), not an error per delimiter.
Parsed<SequenceSet> parse_sequences(std::string_view text, const TableOptions& opt = {});

}  // namespace helix::data
