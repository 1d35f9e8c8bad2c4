// core/data/count_list.hpp: a table cell holding a list of per-position counts ("0,3,1,0"), as the
// profile columns of a profile table carry them (one list per strand and row).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "input_error.hpp"

namespace helix::data {

// Reads the counts in line[begin, end): non-negative finite numbers separated by commas, spaces allowed
// around them. Appends exactly `length` values to `out` (zeros in place of bad or missing ones, so the
// layout stays rows × lists × length); when `length` is 0 it becomes the count of this first list.
// Errors name the line, the column of the bad value and the field: "line 7, column 40: '-1' in
// 'counts_plus' of row 'chr1:100' is not a count (a number >= 0)", or, on a length mismatch,
// "'counts_plus' of row 'chr1:100' has 198 values; the output window is 200".
void read_count_list(std::string_view line, std::size_t begin, std::size_t end, int line_number,
                     const std::string& field, const std::string& row_id, std::size_t& length,
                     std::vector<float>& out, ErrorCollector& errors);

}  // namespace helix::data
