// core/data/alphabet.hpp: the DNA alphabet every input format shares, and the one check of a sequence.
// Allowed: A C G T and the IUPAC ambiguity codes N R Y S W K M B D H V, in either case. Not allowed:
// U (RNA), gaps '-' and '.', digits, anything else; spaces and tabs inside a sequence are skipped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "input_error.hpp"

namespace helix::data {

inline constexpr std::string_view kDnaBases = "ACGTNRYSWKMBDHV";
inline constexpr std::string_view kAllowedBases =
    "allowed: A, C, G, T and the IUPAC codes N, R, Y, S, W, K, M, B, D, H, V, in either case";

// The uppercase base for a byte of the alphabet (either case), or '\0' when it is not one.
char dna_base(char c);

// Appends the bases of line[begin, end) to `out`, uppercased, skipping spaces and tabs. Every other
// character is one error at its own line and column (counted from the start of `line`, so a table
// cell reports the column an editor shows), saying what it is and what is allowed; `field` names the
// table column ("" for FASTA and plain lines). Returns how many bad characters there were, including
// those past the error cap.
std::size_t append_bases(std::string_view line, std::size_t begin, std::size_t end, int line_number,
                         std::string_view field, std::string& out, ErrorCollector& errors);

// How a message shows the character starting at byte `offset` of `text`: 'J' when printable ASCII,
// else its code point ("U+00A0 (no-break space)"); a byte that is not UTF-8 is "byte 0xFF".
// `length` receives the character's length in bytes.
std::string describe_character(std::string_view text, std::size_t offset, std::size_t* length);

// The reverse complement: reversed, A<->T and C<->G; other letters (N, IUPAC codes) kept as they are.
std::string reverse_complement(const std::string& s);

}  // namespace helix::data
