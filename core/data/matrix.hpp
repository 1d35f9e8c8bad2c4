// core/data/matrix.hpp: numeric matrices of samples × features (cells × genes), read from TSV/CSV text with
// line numbers, and per-row labels joined to them by id.
//   cell        PPBP   LYZ    S100A9  ...      header: a name for the id column, then one name per feature
//   AAACATAC    0      1.636  0       ...      one row per sample: its id, then its values
// The delimiter is a tab when the header line holds one, else a comma; a field may be double-quoted (as R's
// write.csv quotes names). Blank lines are skipped; CRLF line ends, a UTF-8 BOM and a last line with or
// without its line end all read the same. Gzipped files are decompressed by the caller (bin/helix.mjs with
// node:zlib, the page with web/engine/gzip.js) before the text gets here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "input_error.hpp"

namespace helix::data {

struct Matrix {
    std::vector<std::string> ids;      // one per row, unique
    std::vector<std::string> columns;  // feature names (the header without the id column), unique
    std::vector<int> lines;            // the text line of each row (1-based), for messages
    std::vector<float> values;         // rows × cols, row-major
    std::size_t rows() const { return ids.size(); }
    std::size_t cols() const { return columns.size(); }
    const float* row(std::size_t i) const { return values.data() + i * columns.size(); }
};

// Errors name line and column: an empty text or a header of fewer than 2 columns, an empty or duplicate
// column name (at the header), a row with a different number of fields than the header (at the end of the
// row), an empty or duplicate id (naming the line of the first), a value that is not a finite number (naming
// its column), a header without rows.
Parsed<Matrix> parse_matrix(std::string_view text);

// A metadata table (TSV/CSV with a header) joined to `matrix` by id: the first column holds the ids and
// `label_column` (matched ignoring case) the label. Returns one label per matrix row, "" for a row the table
// does not mention (unlabelled). Errors: the label column missing (at the header, listing the columns found),
// an id the matrix does not hold, an id given twice, a ragged row.
Parsed<std::vector<std::string>> parse_row_labels(std::string_view text, const std::string& label_column,
                                                  const Matrix& matrix);

}  // namespace helix::data
