// core/data/fasta.hpp: FASTA parsing, with line numbers.
#pragma once

#include <string_view>

#include "input_error.hpp"
#include "sequence_set.hpp"

namespace helix::data {

// Reads FASTA as biologists paste it: records over several lines, either case, "\n", "\r\n" or "\r"
// line ends, a UTF-8 BOM, blank lines anywhere. A header ">id description" names the record by the
// text after '>' up to the first space or tab (leading spaces skipped; the description is ignored);
// a header with no name gets "seqN", N its record number. Duplicate ids are kept.
// Errors (each naming its line and column): text before the first header (reported once, at its
// first line), a record with no sequence lines (at its header), every character that is not a base
// (see alphabet.hpp), and no records at all. The result has no labels.
Parsed<SequenceSet> parse_fasta(std::string_view text);

}  // namespace helix::data
