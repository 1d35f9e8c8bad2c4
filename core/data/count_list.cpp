// core/data/count_list.cpp: see count_list.hpp.
#include "count_list.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>

#include "lines.hpp"

namespace helix::data {

void read_count_list(std::string_view line, std::size_t begin, std::size_t end, int line_number,
                     const std::string& field, const std::string& row_id, std::size_t& length,
                     std::vector<float>& out, ErrorCollector& errors)
{
    const std::size_t first = out.size();
    const std::string where = "'" + field + "' of row '" + row_id + "'";
    std::size_t pos = begin, values = 0;
    bool bad = false;
    while (pos <= end) {
        std::size_t comma = line.find(',', pos);
        if (comma == std::string_view::npos || comma > end) comma = end;
        std::size_t a = pos, b = comma;
        while (a < b && (line[a] == ' ' || line[a] == '"')) ++a;
        while (b > a && (line[b - 1] == ' ' || line[b - 1] == '"' || line[b - 1] == '\r')) --b;
        const std::string text(line.substr(a, b - a));
        if (text.empty() && comma == end && pos == begin) {
            errors.add(line_number, column_of(line, begin), field,
                       where + " is empty; every row needs its counts, one per position");
            out.resize(first + length, 0.0f);
            return;
        }
        char* stop = nullptr;
        const double v = text.empty() ? -1.0 : std::strtod(text.c_str(), &stop);
        if (text.empty() || stop != text.c_str() + text.size() || !std::isfinite(v) || v < 0 ||
            v > std::numeric_limits<float>::max()) {
            if (!bad)
                errors.add(line_number, column_of(line, a), field,
                           "'" + text + "' in " + where + " is not a count (a number >= 0)");
            bad = true;  // one message per cell is enough
            out.push_back(0.0f);
        } else {
            out.push_back(static_cast<float>(v));
        }
        ++values;
        pos = comma + 1;
    }
    if (length == 0) length = values;
    if (values != length) {
        if (!bad)
            errors.add(line_number, column_of(line, begin), field,
                       where + " has " + std::to_string(values) + (values == 1 ? " value" : " values") +
                           "; the output window is " + std::to_string(length));
        out.resize(first + length, 0.0f);
    }
}

}  // namespace helix::data
