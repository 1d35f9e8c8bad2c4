// core/data/table.cpp: TSV/CSV tables of sequences and labels, read row by row over string_views.
#include "table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <vector>

#include "alphabet.hpp"
#include "count_list.hpp"
#include "lines.hpp"

namespace helix::data {
namespace {

// One field of a row: its text is line[begin, end) (inside the quotes, if quoted). A quoted field
// with "" inside needs unescaping (field_text); sequences are validated in place, so columns match.
struct Field {
    std::size_t begin = 0, end = 0;
    bool escaped = false;
};

struct SplitError {
    std::size_t offset = 0;  // where in the line
    std::string what;
};

// Splits `line` on `delim` into `fields`; false (and `error`) on an unclosed quote or text after a
// closing quote.
bool split_fields(std::string_view line, char delim, std::vector<Field>& fields, SplitError& error)
{
    fields.clear();
    std::size_t pos = 0;
    while (true) {
        std::size_t start = pos;
        while (start < line.size() && line[start] != delim && is_space(line[start])) ++start;
        Field f;
        std::size_t next;  // position of the delimiter after this field, or line.size()
        if (start < line.size() && line[start] == '"') {
            std::size_t i = start + 1;
            while (i < line.size()) {
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        f.escaped = true;
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            if (i >= line.size()) {
                error = {start, "this quote is never closed (a quoted field must end on the same line)"};
                return false;
            }
            f.begin = start + 1;
            f.end = i;
            next = i + 1;
            while (next < line.size() && line[next] != delim && is_space(line[next])) ++next;
            if (next < line.size() && line[next] != delim) {
                error = {next,
                         "unexpected text after a closing quote (expected the delimiter or the "
                         "end of the line)"};
                return false;
            }
        } else {
            next = line.find(delim, pos);
            if (next == std::string_view::npos) next = line.size();
            f.begin = pos;
            f.end = next;
        }
        fields.push_back(f);
        if (next >= line.size()) return true;
        pos = next + 1;
    }
}

std::string field_text(std::string_view line, const Field& f)
{
    std::string_view raw = line.substr(f.begin, f.end - f.begin);
    if (!f.escaped) return std::string(trim(raw));
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        out.push_back(raw[i]);
        if (raw[i] == '"' && i + 1 < raw.size() && raw[i + 1] == '"') ++i;
    }
    return std::string(trim(out));
}

bool iequals(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

// Index of the first header equal to `name` (ignoring case), or -1.
int find_column(const std::vector<std::string>& names, std::string_view name)
{
    for (std::size_t i = 0; i < names.size(); ++i)
        if (iequals(names[i], name)) return static_cast<int>(i);
    return -1;
}

// 0, 1, 0.0, 1.0 (any number of zeros after the point): the label, or NaN when it is none of those.
float parse_label(std::string_view s)
{
    if (s.empty() || (s[0] != '0' && s[0] != '1')) return std::numeric_limits<float>::quiet_NaN();
    for (std::size_t i = 1; i < s.size(); ++i)
        if (!(s[i] == '.' && i == 1) && s[i] != '0') return std::numeric_limits<float>::quiet_NaN();
    return s[0] == '1' ? 1.0f : 0.0f;
}

// A class index 0..classes-1 written as an integer ("2"; "2.0" too, as the 0/1 rule allows "1.0"), or NaN.
float parse_class(std::string_view s, std::size_t classes)
{
    const float nan = std::numeric_limits<float>::quiet_NaN();
    std::size_t i = 0, value = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
        value = value * 10 + static_cast<std::size_t>(s[i] - '0');
        if (value >= classes) return nan;  // also stops overflow on long digit strings
    }
    if (i == 0) return nan;
    if (i < s.size()) {
        if (s[i] != '.' || i + 1 == s.size()) return nan;
        for (++i; i < s.size(); ++i)
            if (s[i] != '0') return nan;
    }
    return static_cast<float>(value);
}

// A finite number that fits a float: true and `out` set, or false with `why` ("is not a number", "is too
// large (at most 3.4e38)": past the float range it would become infinity, found by fuzz_table).
bool parse_finite(const std::string& cell, float& out, std::string& why)
{
    char* end = nullptr;
    const double v = std::strtod(cell.c_str(), &end);
    if (end != cell.c_str() + cell.size() || !std::isfinite(v)) {
        why = "is not a number";
        return false;
    }
    if (std::fabs(v) > std::numeric_limits<float>::max()) {
        why = "is too large (at most 3.4e38)";
        return false;
    }
    out = static_cast<float>(v);
    return true;
}

std::string quoted_list(const std::vector<std::string>& names)
{
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += ", ";
        out += "'" + names[i] + "'";
    }
    return out;
}

// Tab if the header has one, else comma; else ';' (Excel's CSV where the decimal separator is a comma).
char delimiter_of(std::string_view header)
{
    if (header.find('\t') != std::string_view::npos) return '\t';
    if (header.find(',') == std::string_view::npos && header.find(';') != std::string_view::npos) return ';';
    return ',';
}

}  // namespace

bool looks_like_table_header(std::string_view line, std::string_view label_column)
{
    std::vector<Field> fields;
    SplitError error;
    if (!split_fields(line, delimiter_of(line), fields, error)) return false;
    for (const Field& f : fields) {
        const std::string name = field_text(line, f);
        if (iequals(name, "sequence") || iequals(name, "seq")) return true;
        if (!label_column.empty() && fields.size() > 1 && iequals(name, label_column)) return true;
    }
    return false;
}

Parsed<SequenceSet> parse_table(std::string_view text, const TableOptions& opt)
{
    Parsed<SequenceSet> result;
    SequenceSet& set = result.value;
    ErrorCollector errors;
    LineReader reader(text);
    Line line;

    // The header: the first non-blank line.
    if (!reader.next_non_blank(line)) {
        errors.add(1, 1, "", "no sequences found: the text is empty");
        errors.move_into(result);
        return result;
    }
    const int header_line = line.number;
    const std::string_view header = line.text;
    const char delim = delimiter_of(header);
    std::vector<Field> fields;
    SplitError split_error;
    if (!split_fields(header, delim, fields, split_error)) {
        errors.add(header_line, column_of(header, split_error.offset), "", "header row: " + split_error.what);
        errors.move_into(result);
        return result;
    }
    std::vector<std::string> names;
    for (const Field& f : fields) names.push_back(field_text(header, f));
    const std::size_t n_columns = names.size();

    int seq_col = opt.sequence ? find_column(names, "sequence") : -1;
    if (opt.sequence && seq_col < 0) seq_col = find_column(names, "seq");
    const bool multitask = !opt.tasks.empty();
    // A profile table's labels are its count lists (and task columns, if any): no 'label' column.
    const bool profile = !opt.profile_columns.empty();
    const int label_col = multitask || profile ? -1 : find_column(names, opt.label_column);
    int id_col = find_column(names, "id");
    if (id_col < 0) id_col = find_column(names, "name");
    const std::string columns_found = "the header row has " + quoted_list(names);
    if (seq_col < 0 && opt.sequence)
        errors.add(header_line, 1, "",
                   "no 'sequence' column: " + columns_found + " (" +
                       (delim == '\t'  ? "tab"
                        : delim == ';' ? "semicolon"
                                       : "comma") +
                       "-separated); name the column of DNA 'sequence' or 'seq'");
    std::vector<int> task_cols, feature_cols;
    for (const auto& task : opt.tasks) {
        task_cols.push_back(find_column(names, task.column));
        if (task_cols.back() < 0 && opt.require_labels)
            errors.add(header_line, 1, "",
                       "no '" + task.column + "' column: " + columns_found + "; training needs a column of " +
                           (task.numeric        ? std::string("numbers (a regression target)")
                            : task.classes <= 2 ? std::string("0/1 labels")
                                                : "class indices 0 to " + std::to_string(task.classes - 1)) +
                           " named '" + task.column + "' (an empty cell is a missing label)");
        if (task_cols.back() >= 0)
            set.task_columns.push_back(names[task_cols.back()]);
        else
            set.task_columns.push_back(task.column);
    }
    // Numeric and list columns: their indexes, the names as written, and the message when one is missing.
    const auto find_all = [&](const std::vector<std::string>& wanted, std::vector<int>& cols,
                              std::vector<std::string>& found, const char* what) {
        for (const auto& column : wanted) {
            cols.push_back(find_column(names, column));
            if (cols.back() < 0)
                errors.add(header_line, 1, "",
                           "no '" + column + "' column: " + columns_found + "; the model reads " + what +
                               " from a column named '" + column + "' on every row");
            else
                found.push_back(names[cols.back()]);
        }
    };
    std::vector<int> profile_cols;
    find_all(opt.feature_columns, feature_cols, set.feature_columns, "a number");
    find_all(opt.profile_columns, profile_cols, set.profile_columns, "a list of counts");
    set.profile_length = opt.profile_length;
    if (label_col < 0 && opt.require_labels && !multitask && !profile)
        errors.add(header_line, 1, "",
                   "no '" + opt.label_column + "' column: " + columns_found +
                       "; training needs a column of " +
                       (opt.classes <= 2 ? std::string("0/1 labels")
                                         : "class indices 0 to " + std::to_string(opt.classes - 1)) +
                       " named '" + opt.label_column + "'");
    if ((opt.sequence && seq_col < 0) ||
        std::any_of(feature_cols.begin(), feature_cols.end(), [](int c) { return c < 0; }) ||
        std::any_of(profile_cols.begin(), profile_cols.end(), [](int c) { return c < 0; }) ||
        (opt.require_labels &&
         std::any_of(task_cols.begin(), task_cols.end(), [](int c) { return c < 0; }))) {
        errors.move_into(result);
        return result;
    }
    if (label_col >= 0) set.label_column = names[label_col];
    const std::string seq_name = seq_col >= 0 ? names[seq_col] : "sequence";
    const std::string label_name = label_col >= 0 ? names[label_col] : opt.label_column;
    const bool binary = opt.classes <= 2;
    const std::string allowed =
        binary ? "0 or 1" : "0 to " + std::to_string(opt.classes - 1);  // "0 to 2" for three classes

    std::size_t row = 0;  // data rows so far, for "seqN"
    while (reader.next_non_blank(line)) {
        ++row;
        const std::string_view t = line.text;
        if (!split_fields(t, delim, fields, split_error)) {
            errors.add(line.number, column_of(t, split_error.offset), "", split_error.what);
            continue;
        }
        if (fields.size() != n_columns) {
            errors.add(line.number, 1, "",
                       std::to_string(fields.size()) + (fields.size() == 1 ? " field" : " fields") +
                           ", but the header (line " + std::to_string(header_line) + ") has " +
                           std::to_string(n_columns) + ": " + quoted_list(names) + " (separated by " +
                           (delim == '\t'  ? "tabs"
                            : delim == ';' ? "semicolons"
                                           : "commas") +
                           ")");
            continue;
        }
        std::string sequence;
        if (seq_col >= 0) {
            const Field& sf = fields[seq_col];
            sequence.reserve(sf.end - sf.begin);
            append_bases(t, sf.begin, sf.end, line.number, seq_name, sequence, errors);
            if (first_non_space(t.substr(sf.begin, sf.end - sf.begin)) == std::string_view::npos)
                errors.add(line.number, column_of(t, sf.begin), seq_name,
                           "the '" + seq_name + "' cell is empty; every row needs a DNA sequence");
        }
        // The column (1-based) where field f's text starts, past leading spaces.
        const auto cell_column = [&](const Field& f) {
            const std::size_t lead = first_non_space(t.substr(f.begin, f.end - f.begin));
            return column_of(t, f.begin + (lead == std::string_view::npos ? 0 : lead));
        };
        for (std::size_t k = 0; k < task_cols.size(); ++k) {
            float label = std::numeric_limits<float>::quiet_NaN();
            if (task_cols[k] >= 0) {
                const Field& f = fields[task_cols[k]];
                const std::string cell = field_text(t, f);
                const std::size_t classes = opt.tasks[k].classes;
                if (!cell.empty() && opt.tasks[k].numeric) {
                    std::string why;
                    if (!parse_finite(cell, label, why))
                        errors.add(
                            line.number, cell_column(f), set.task_columns[k],
                            "'" + cell + "' in column '" + set.task_columns[k] + "' " + why +
                                " (a regression target: a number, or an empty cell for a missing one)");
                } else if (!cell.empty()) {
                    label = classes <= 2 ? parse_label(cell) : parse_class(cell, classes);
                    if (std::isnan(label))
                        errors.add(line.number, cell_column(f), set.task_columns[k],
                                   "'" + cell + "' in column '" + set.task_columns[k] +
                                       "' is not a label (allowed: " +
                                       (classes <= 2 ? std::string("0 or 1")
                                                     : "0 to " + std::to_string(classes - 1)) +
                                       ", or an empty cell for a missing label)");
                }
            }
            set.task_labels.push_back(label);
        }
        const auto read_numbers = [&](const std::vector<int>& cols, std::vector<float>& out) {
            for (const int c : cols) {
                const Field& f = fields[c];
                const std::string cell = field_text(t, f);
                const std::string& column = names[c];
                float v = 0.0f;
                std::string why;
                if (cell.empty())
                    errors.add(line.number, cell_column(f), column,
                               "the '" + column + "' cell is empty; every row needs a number there");
                else if (!parse_finite(cell, v, why))
                    errors.add(line.number, cell_column(f), column,
                               "'" + cell + "' in column '" + column + "' " + why);
                out.push_back(v);
            }
        };
        read_numbers(feature_cols, set.features);
        for (const int c : profile_cols) {
            const std::string id = id_col >= 0 ? field_text(t, fields[id_col]) : std::string();
            read_count_list(t, fields[c].begin, fields[c].end, line.number, names[c],
                            id.empty() ? "seq" + std::to_string(row) : id, set.profile_length, set.profiles,
                            errors);
        }

        if (label_col >= 0) {
            const Field& lf = fields[label_col];
            const std::string cell = field_text(t, lf);
            const std::size_t lead = first_non_space(t.substr(lf.begin, lf.end - lf.begin));
            const int col = column_of(t, lf.begin + (lead == std::string_view::npos ? 0 : lead));
            float label = std::numeric_limits<float>::quiet_NaN();
            if (cell.empty()) {
                if (opt.require_labels)
                    errors.add(line.number, col, label_name,
                               "the '" + label_name + "' cell is empty; training needs a label " + allowed +
                                   " on every row");
            } else {
                label = binary ? parse_label(cell) : parse_class(cell, opt.classes);
                if (std::isnan(label))
                    errors.add(line.number, col, label_name,
                               "'" + cell + "' in column '" + label_name +
                                   "' is not a label (allowed: " + allowed +
                                   (binary ? ""
                                           : ", the class indices of a model with " +
                                                 std::to_string(opt.classes) + " classes") +
                                   ")");
            }
            set.labels.push_back(label);
        }
        std::string id = id_col >= 0 ? field_text(t, fields[id_col]) : std::string();
        set.ids.push_back(id.empty() ? "seq" + std::to_string(row) : std::move(id));
        set.sequences.push_back(std::move(sequence));
        set.lines.push_back(line.number);
    }
    if (row == 0)
        errors.add(header_line, 1, "", "no sequences found: the header row is not followed by any rows");
    errors.move_into(result);
    return result;
}

}  // namespace helix::data
