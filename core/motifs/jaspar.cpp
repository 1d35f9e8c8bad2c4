// core/motifs/jaspar.cpp: see jaspar.hpp.
#include "jaspar.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "../data/lines.hpp"

namespace helix::motifs {

namespace {

int base_index(char c)
{
    switch (std::toupper(static_cast<unsigned char>(c))) {
        case 'A':
            return 0;
        case 'C':
            return 1;
        case 'G':
            return 2;
        case 'T':
            return 3;
        default:
            return -1;
    }
}

// One matrix being read: its rows as they come, then checked together when the next header (or the
// end of the text) closes it.
struct Pending {
    Pfm pfm;
    std::array<std::vector<double>, 4> rows;
    std::array<int, 4> row_line{0, 0, 0, 0};
    bool open = false;
};

void close(Pending& p, std::vector<Pfm>& out, data::ErrorCollector& errors)
{
    if (!p.open) return;
    p.open = false;
    static const char kBases[] = "ACGT";
    std::string missing;
    for (int b = 0; b < 4; ++b)
        if (p.row_line[b] == 0) missing += std::string(missing.empty() ? "" : ", ") + kBases[b];
    if (!missing.empty()) {
        errors.add(p.pfm.line, 1, "",
                   "matrix '" + p.pfm.id + "' has no row for " + missing +
                       " (each matrix needs rows A, C, G and T)");
        return;
    }
    const std::size_t width = p.rows[0].size();
    bool ok = width > 0;
    if (width == 0) errors.add(p.row_line[0], 1, "", "matrix '" + p.pfm.id + "': row A has no counts");
    for (int b = 1; b < 4; ++b)
        if (p.rows[b].size() != width) {
            errors.add(p.row_line[b], 1, "",
                       "matrix '" + p.pfm.id + "': row " + kBases[b] + " has " +
                           std::to_string(p.rows[b].size()) + " counts but row A has " +
                           std::to_string(width) + " (all four rows need the same width)");
            ok = false;
        }
    if (!ok) return;
    p.pfm.columns.resize(width);
    for (std::size_t j = 0; j < width; ++j) {
        double total = 0;
        for (int b = 0; b < 4; ++b) total += p.pfm.columns[j][b] = p.rows[b][j];
        if (total <= 0) {
            errors.add(p.pfm.line, 1, "",
                       "matrix '" + p.pfm.id + "': position " + std::to_string(j + 1) +
                           " has no counts (its A, C, G, T sum to 0)");
            ok = false;
        }
    }
    if (ok) out.push_back(std::move(p.pfm));
}

}  // namespace

data::Parsed<std::vector<Pfm>> parse_jaspar(std::string_view text)
{
    data::Parsed<std::vector<Pfm>> result;
    data::ErrorCollector errors;
    Pending p;
    int line_no = 0;
    data::LineReader reader(text);
    for (data::Line l; reader.next_non_blank(l);) {
        const std::string_view line = l.text;
        line_no = l.number;
        std::size_t i = data::first_non_space(line);
        if (line[i] == '#') continue;
        auto column = [&](std::size_t at) { return data::column_of(line, at); };
        if (line[i] == '>') {
            close(p, result.value, errors);
            std::size_t j = i + 1;
            while (j < line.size() && !data::is_space(line[j])) ++j;
            p = Pending{};
            p.open = true;
            p.pfm.id = std::string(line.substr(i + 1, j - i - 1));
            p.pfm.line = line_no;
            p.pfm.name = std::string(data::trim(line.substr(j)));
            if (p.pfm.id.empty())
                errors.add(line_no, column(i + 1), "", "a matrix header needs an ID after '>'");
            continue;
        }
        if (!p.open) {
            errors.add(line_no, column(i), "",
                       "a count row before any matrix header (a matrix starts with a line '>ID name')");
            continue;
        }
        const int b = base_index(line[i]);
        if (b < 0 || (i + 1 < line.size() && !data::is_space(line[i + 1]) && line[i + 1] != '[')) {
            errors.add(line_no, column(i), "",
                       "'" + std::string(1, line[i]) +
                           "' does not start a count row (allowed: A, C, G or T, then the counts)");
            continue;
        }
        if (p.row_line[b] != 0) {
            errors.add(line_no, column(i), "",
                       std::string("a second row for ") + "ACGT"[b] + " in matrix '" + p.pfm.id +
                           "' (the first is on line " + std::to_string(p.row_line[b]) + ")");
            continue;
        }
        p.row_line[b] = line_no;
        std::vector<double>& row = p.rows[b];
        std::size_t j = i + 1;
        bool bracket = false, closed = false;
        while (j < line.size()) {
            if (data::is_space(line[j])) {
                ++j;
                continue;
            }
            if (line[j] == '[' && !bracket && row.empty()) {
                bracket = true;
                ++j;
                continue;
            }
            if (line[j] == ']' && bracket && !closed) {
                closed = true;
                ++j;
                continue;
            }
            std::size_t k = j;
            while (k < line.size() && !data::is_space(line[k]) && line[k] != ']' && line[k] != '[') ++k;
            const std::string token(line.substr(j, std::max<std::size_t>(k - j, 1)));
            char* end = nullptr;
            const double v = std::strtod(token.c_str(), &end);
            if (closed) {
                errors.add(line_no, column(j), "", "text after the closing ']'");
                break;
            }
            if (end != token.c_str() + token.size() || !std::isfinite(v) || v < 0) {
                // Counted as a position all the same, so the row's width stays right and this is its one
                // error.
                errors.add(line_no, column(j), "",
                           "'" + token + "' is not a count (allowed: a non-negative number)");
                row.push_back(0.0);
                j = std::max(k, j + 1);  // a stray '[' or ']' is a one-character token: step past it
                continue;
            }
            row.push_back(v);
            j = k;
        }
        if (bracket && !closed && j >= line.size())
            errors.add(line_no, column(line.size()), "", "the '[' of this row is never closed with ']'");
    }
    close(p, result.value, errors);
    if (result.value.empty() && errors.total() == 0)
        errors.add(line_no > 0 ? line_no : 1, 1, "",
                   "no matrix found (a matrix starts with a line '>ID name')");
    errors.move_into(result);
    return result;
}

std::vector<std::array<double, 4>> probabilities(const Pfm& pfm, double pseudocount)
{
    std::vector<std::array<double, 4>> p(pfm.width());
    for (std::size_t j = 0; j < pfm.width(); ++j) {
        double total = pseudocount;
        for (double c : pfm.columns[j]) total += c;
        for (int b = 0; b < 4; ++b) p[j][b] = (pfm.columns[j][b] + pseudocount / 4) / total;
    }
    return p;
}

std::string consensus(const Pfm& pfm)
{
    std::string s;
    for (const auto& c : pfm.columns) {
        int best = 0;
        for (int b = 1; b < 4; ++b)
            if (c[b] > c[best]) best = b;
        s.push_back("ACGT"[best]);
    }
    return s;
}

}  // namespace helix::motifs
