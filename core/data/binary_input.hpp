// core/data/binary_input.hpp: a file that is not text (an image, a .gz left compressed, an .xlsx workbook)
// pasted or opened where text is expected. Caught before a format is guessed from its first line, so the
// message says what happened instead of finding a "table without a header" in the bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "input_error.hpp"
#include "lines.hpp"

namespace helix::data {

// The error at the first NUL byte of `text` (text files never hold one), or nothing.
inline std::optional<InputError> binary_input_error(std::string_view text)
{
    const std::size_t nul = text.find('\0');
    if (nul == std::string_view::npos) return std::nullopt;
    const TextPlace at = place_of(text, nul);
    return InputError{
        at.line, at.column, "",
        "line " + std::to_string(at.line) + ", column " + std::to_string(at.column) +
            ": byte 0x00: this is a binary file, not text (a compressed .gz, a spreadsheet .xlsx or "
            "an image?); save or export it as text (FASTA, TSV or CSV) and use that"};
}

}  // namespace helix::data
