// core/data/matrix.cpp: see matrix.hpp. A 2638 × 2000 matrix is 5 million numbers, so rows are split over
// string_views and numbers read by a small decimal parser rather than through std::string and strtod.
#include "matrix.hpp"

#include <cmath>
#include <unordered_map>

#include "binary_input.hpp"
#include "lines.hpp"

namespace helix::data {
namespace {

struct Field {
    std::string_view text;  // trimmed, without surrounding quotes
    std::size_t offset;     // where the raw field starts in its line
};

// Splits on `delim`; a field written "like this" loses its quotes (it may not hold the delimiter).
void split(std::string_view line, char delim, std::vector<Field>& out)
{
    out.clear();
    std::size_t pos = 0;
    while (true) {
        std::size_t end = line.find(delim, pos);
        if (end == std::string_view::npos) end = line.size();
        std::string_view f = trim(line.substr(pos, end - pos));
        if (f.size() >= 2 && f.front() == '"' && f.back() == '"') f = f.substr(1, f.size() - 2);
        out.push_back({f, pos});
        if (end >= line.size()) return;
        pos = end + 1;
    }
}

// A decimal number as written by R, pandas or awk: [+-]digits[.digits][(e|E)[+-]digits], or .5. False for
// anything else (NA, nan, inf, empty), and for values outside float's finite range.
bool parse_number(std::string_view s, float& out)
{
    std::size_t i = 0;
    const bool negative = i < s.size() && s[i] == '-';
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    double mantissa = 0.0;
    int exponent = 0, digits = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++digits)
        mantissa = mantissa * 10.0 + (s[i] - '0');
    if (i < s.size() && s[i] == '.') {
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++digits) {
            mantissa = mantissa * 10.0 + (s[i] - '0');
            --exponent;
        }
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        const bool neg_exp = i < s.size() && s[i] == '-';
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        int e = 0, e_digits = 0;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++e_digits)
            e = std::min(e * 10 + (s[i] - '0'), 10000);
        if (e_digits == 0) return false;
        exponent += neg_exp ? -e : e;
    }
    if (i != s.size()) return false;
    // Exact powers of ten for the usual exponents (a pow() per number would dominate reading a matrix).
    static const double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const double v =
        exponent >= 0
            ? (exponent <= 22 ? mantissa * kPow10[exponent] : mantissa * std::pow(10.0, exponent))
            : (exponent >= -22 ? mantissa / kPow10[-exponent] : mantissa * std::pow(10.0, exponent));
    if (!(std::fabs(v) <= 3.4028234663852886e38)) return false;
    out = static_cast<float>(negative ? -v : v);
    return true;
}

std::string shorten(std::string_view s)
{
    return s.size() <= 24 ? std::string(s) : std::string(s.substr(0, 21)) + "...";
}

// Tab if the header has one, else comma; else ';' (Excel's CSV where the decimal separator is a comma).
char delimiter_of(std::string_view header)
{
    if (header.find('\t') != std::string_view::npos) return '\t';
    if (header.find(',') == std::string_view::npos && header.find(';') != std::string_view::npos) return ';';
    return ',';
}

}  // namespace

Parsed<Matrix> parse_matrix(std::string_view text)
{
    Parsed<Matrix> out;
    if (auto binary = binary_input_error(text)) {
        out.errors.push_back(std::move(*binary));
        return out;
    }
    ErrorCollector errors;
    Matrix& m = out.value;
    LineReader reader(text);
    Line line;
    if (!reader.next_non_blank(line)) {
        errors.add(1, 1, "",
                   "the matrix is empty: expected a header (an id column, then one name per column) "
                   "and one row per sample");
        errors.move_into(out);
        return out;
    }
    const char delim = delimiter_of(line.text);
    const int header_line = line.number;
    std::vector<Field> fields;
    split(line.text, delim, fields);
    if (fields.size() < 2) {
        errors.add(line.number, 1, "",
                   "the header has " + std::to_string(fields.size()) +
                       " column; a matrix needs an id column and at least one value column "
                       "(separated by tabs or commas)");
        errors.move_into(out);
        return out;
    }
    std::unordered_map<std::string_view, std::size_t> seen_columns;
    for (std::size_t c = 1; c < fields.size(); ++c) {
        const int column = column_of(line.text, fields[c].offset);
        if (fields[c].text.empty())
            errors.add(line.number, column, "", "column " + std::to_string(c + 1) + " has no name");
        else if (!seen_columns.emplace(fields[c].text, c).second)
            errors.add(line.number, column, std::string(fields[c].text),
                       "column name '" + shorten(fields[c].text) + "' is used by column " +
                           std::to_string(seen_columns[fields[c].text] + 1) + " too");
        m.columns.emplace_back(fields[c].text);
    }
    const std::size_t width = fields.size();
    std::unordered_map<std::string, int> seen_ids;
    while (reader.next_non_blank(line)) {
        split(line.text, delim, fields);
        if (fields.size() != width) {
            if (errors.full())
                errors.count_more();
            else
                errors.add(line.number, column_of(line.text, line.text.size()), "",
                           "this row has " + std::to_string(fields.size()) + " fields but the header has " +
                               std::to_string(width) + " (an id and " + std::to_string(width - 1) +
                               " values)");
            continue;
        }
        const std::string id(fields[0].text);
        if (id.empty()) {
            errors.add(line.number, 1, "", "the id (first field) is empty");
        } else {
            auto [it, fresh] = seen_ids.emplace(id, line.number);
            if (!fresh)
                errors.add(line.number, 1, "",
                           "id '" + shorten(id) + "' is also on line " + std::to_string(it->second) +
                               " (ids must be unique)");
        }
        const std::size_t base = m.values.size();
        m.values.resize(base + width - 1);
        for (std::size_t c = 1; c < width; ++c) {
            if (parse_number(fields[c].text, m.values[base + c - 1])) continue;
            m.values[base + c - 1] = 0.0f;
            if (errors.full()) {
                errors.count_more();
                continue;
            }
            errors.add(line.number, column_of(line.text, fields[c].offset), m.columns[c - 1],
                       "'" + shorten(fields[c].text) + "' in column '" + shorten(m.columns[c - 1]) +
                           "' is not a number (expected a finite decimal such as 0, 1.5 or 2e-3)");
        }
        m.ids.push_back(id);
        m.lines.push_back(line.number);
    }
    if (m.ids.empty() && errors.total() == 0)
        errors.add(header_line, 1, "", "the matrix has a header but no rows");
    errors.move_into(out);
    return out;
}

Parsed<std::vector<std::string>> parse_row_labels(std::string_view text, const std::string& label_column,
                                                  const Matrix& matrix)
{
    Parsed<std::vector<std::string>> out;
    ErrorCollector errors;
    out.value.assign(matrix.rows(), "");
    LineReader reader(text);
    Line line;
    if (!reader.next_non_blank(line)) {
        errors.add(
            1, 1, "",
            "the labels table is empty: expected a header with an id column and '" + label_column + "'");
        errors.move_into(out);
        return out;
    }
    const char delim = delimiter_of(line.text);
    std::vector<Field> fields;
    split(line.text, delim, fields);
    std::size_t label_at = 0;
    std::string found;
    auto lower = [](std::string_view s) {
        std::string r(s);
        for (char& ch : r) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return r;
    };
    for (std::size_t c = 1; c < fields.size(); ++c) {
        if (lower(fields[c].text) == lower(label_column) && label_at == 0) label_at = c;
        if (c <= 8) found += (found.empty() ? "" : ", ") + shorten(fields[c].text);
        if (c == 9) found += ", ...";
    }
    if (label_at == 0) {
        errors.add(line.number, 1, label_column,
                   "no column '" + label_column +
                       "' after the id column (found: " + (found.empty() ? "none" : found) + ")");
        errors.move_into(out);
        return out;
    }
    const std::size_t width = fields.size();
    std::unordered_map<std::string_view, std::size_t> row_of;
    for (std::size_t i = 0; i < matrix.rows(); ++i) row_of.emplace(matrix.ids[i], i);
    std::unordered_map<std::string, int> seen;
    while (reader.next_non_blank(line)) {
        split(line.text, delim, fields);
        if (fields.size() != width) {
            errors.add(line.number, column_of(line.text, line.text.size()), "",
                       "this row has " + std::to_string(fields.size()) + " fields but the header has " +
                           std::to_string(width));
            continue;
        }
        const std::string id(fields[0].text);
        auto it = row_of.find(id);
        if (it == row_of.end()) {
            errors.add(line.number, 1, "", "id '" + shorten(id) + "' is not a row of the matrix");
            continue;
        }
        auto [prev, fresh] = seen.emplace(id, line.number);
        if (!fresh) {
            errors.add(line.number, 1, "",
                       "id '" + shorten(id) + "' is also on line " + std::to_string(prev->second));
            continue;
        }
        out.value[it->second] = std::string(fields[label_at].text);
    }
    errors.move_into(out);
    return out;
}

}  // namespace helix::data
