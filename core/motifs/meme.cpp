// core/motifs/meme.cpp: see meme.hpp.
#include "meme.hpp"

#include <cmath>
#include <cstdlib>
#include <string>

#include "../data/lines.hpp"

namespace helix::motifs {

namespace {

bool starts_with(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

// The whitespace-separated words of `line` with their byte offsets.
struct Word {
    std::string_view text;
    std::size_t at;
};
std::vector<Word> words(std::string_view line)
{
    std::vector<Word> out;
    for (std::size_t i = 0; i < line.size();) {
        if (data::is_space(line[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < line.size() && !data::is_space(line[j])) ++j;
        out.push_back({line.substr(i, j - i), i});
        i = j;
    }
    return out;
}

bool to_number(std::string_view word, double& v)
{
    const std::string s(word);
    char* end = nullptr;
    v = std::strtod(s.c_str(), &end);
    return !s.empty() && end == s.c_str() + s.size() && std::isfinite(v);
}

// The value after `key` in a matrix header ("alength= 4 w= 11"; "w=11" also), or -1 when absent.
// `at` receives the byte offset of the value (for errors).
double header_value(const std::vector<Word>& ws, std::string_view key, std::size_t& at)
{
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (!starts_with(ws[i].text, key)) continue;
        std::string_view rest = ws[i].text.substr(key.size());
        double v = -1;
        if (!rest.empty()) {
            at = ws[i].at + key.size();
            return to_number(rest, v) ? v : -2;
        }
        if (i + 1 < ws.size()) {
            at = ws[i + 1].at;
            return to_number(ws[i + 1].text, v) ? v : -2;
        }
        at = ws[i].at;
        return -2;
    }
    return -1;
}

enum class Block { none, background, probabilities, log_odds };

struct Reader {
    std::vector<Pfm> out;
    data::ErrorCollector errors;
    Pfm motif;          // the motif being read (after its MOTIF line)
    bool open = false;  // a MOTIF line was seen and its motif not yet closed
    bool has_matrix = false;
    int matrix_line = 0;
    long expected_rows = -1;  // w= of the matrix header, -1 when not given
    bool bad = false;         // an error inside this motif: it is not kept

    void close_matrix()
    {
        if (matrix_line == 0) return;
        if (expected_rows >= 0 && static_cast<long>(motif.columns.size()) != expected_rows && !bad) {
            errors.add(matrix_line, 1, "",
                       "motif '" + motif.id +
                           "': the matrix header says w= " + std::to_string(expected_rows) + " but " +
                           std::to_string(motif.columns.size()) + " rows follow");
            bad = true;
        }
        if (motif.columns.empty() && !bad) {
            errors.add(matrix_line, 1, "", "motif '" + motif.id + "': the matrix has no rows");
            bad = true;
        }
        matrix_line = 0;
    }

    void close_motif()
    {
        close_matrix();
        if (!open) return;
        open = false;
        if (!has_matrix) {
            errors.add(
                motif.line, 1, "",
                "motif '" + motif.id +
                    "' has no 'letter-probability matrix:' line (each MOTIF needs one, then its rows)");
            return;
        }
        if (!bad) out.push_back(std::move(motif));
    }
};

}  // namespace

data::Parsed<std::vector<Pfm>> parse_meme(std::string_view text)
{
    data::Parsed<std::vector<Pfm>> result;
    Reader r;
    Block block = Block::none;
    int line_no = 0;
    data::LineReader reader(text);
    for (data::Line l; reader.next_non_blank(l);) {
        const std::string_view line = l.text;
        line_no = l.number;
        const std::size_t i = data::first_non_space(line);
        const std::string_view rest = line.substr(i);
        auto column = [&](std::size_t at) { return data::column_of(line, at); };
        if (rest[0] == '#') continue;
        const std::vector<Word> ws = words(line);
        double first = 0;
        const bool numeric = to_number(ws[0].text, first);

        if (numeric && block == Block::probabilities) {
            if (ws.size() != 4) {
                r.errors.add(line_no, column(ws.size() > 4 ? ws[4].at : line.size()), "",
                             "a matrix row has " + std::to_string(ws.size()) +
                                 " values (allowed: 4, the probabilities of A, C, G and T)");
                r.bad = true;
                continue;
            }
            std::array<double, 4> col{};
            bool ok = true;
            double total = 0;
            for (int b = 0; b < 4 && ok; ++b) {
                if (!to_number(ws[b].text, col[b]) || col[b] < 0) {
                    r.errors.add(line_no, column(ws[b].at), "",
                                 "'" + std::string(ws[b].text) +
                                     "' is not a probability (allowed: a non-negative number)");
                    ok = false;
                }
                total += col[b];
            }
            if (ok && total <= 0) {
                r.errors.add(line_no, column(i), "", "a matrix row whose A, C, G, T sum to 0");
                ok = false;
            }
            if (!ok) {
                r.bad = true;
                continue;
            }
            if (r.expected_rows >= 0 && static_cast<long>(r.motif.columns.size()) == r.expected_rows) {
                r.errors.add(line_no, column(i), "",
                             "motif '" + r.motif.id +
                                 "': more rows than the header's w= " + std::to_string(r.expected_rows));
                r.bad = true;
                block = Block::none;
                continue;
            }
            r.motif.columns.push_back(col);
            continue;
        }
        if (numeric && block == Block::log_odds) continue;
        if (block == Block::background && !numeric &&
            ws[0].text.size() == 1) {  // "A 0.25 C 0.25 G 0.25 T 0.25"
            block = Block::none;
            continue;
        }
        if (block == Block::probabilities) r.close_matrix();
        block = Block::none;

        if (starts_with(rest, "MOTIF")) {
            r.close_motif();
            r.motif = Pfm{};
            r.open = true;
            r.has_matrix = false;
            r.bad = false;
            r.motif.line = line_no;
            if (ws.size() < 2 || ws[0].text != "MOTIF") {
                r.errors.add(line_no, column(i), "", "a MOTIF line needs an identifier: 'MOTIF id [name]'");
                r.bad = true;
                continue;
            }
            r.motif.id = std::string(ws[1].text);
            r.motif.name = std::string(data::trim(line.substr(ws[1].at + ws[1].text.size())));
        } else if (starts_with(rest, "letter-probability matrix")) {
            if (!r.open) {
                r.errors.add(line_no, column(i), "",
                             "a matrix before any MOTIF line (a motif starts with 'MOTIF id name')");
                continue;
            }
            if (r.has_matrix) {
                r.errors.add(line_no, column(i), "",
                             "motif '" + r.motif.id +
                                 "' has a second letter-probability matrix (the first is on line " +
                                 std::to_string(r.matrix_line) + ")");
                r.bad = true;
                continue;
            }
            r.has_matrix = true;
            r.matrix_line = line_no;
            block = Block::probabilities;
            std::size_t at = i;
            const double alength = header_value(ws, "alength=", at);
            if (alength != -1 && alength != 4) {
                r.errors.add(line_no, column(at), "",
                             "alength must be 4 (DNA: A, C, G, T); protein and other alphabets are not read");
                r.bad = true;
            }
            const double w = header_value(ws, "w=", at);
            if (w == -2 || (w != -1 && (w < 1 || w > 1e6 ||
                                        w != std::floor(w)))) {  // > 1e6: not a width (and past long)
                r.errors.add(line_no, column(at), "",
                             "w= must be a positive whole number (the motif's width)");
                r.bad = true;
            }
            r.expected_rows = w >= 1 && w <= 1e6 ? static_cast<long>(w) : -1;
        } else if (starts_with(rest, "log-odds matrix")) {
            block = Block::log_odds;
        } else if (starts_with(rest, "Background letter frequencies")) {
            block = Block::background;
        } else if (starts_with(rest, "ALPHABET")) {
            std::string_view alphabet = data::trim(rest.substr(std::string_view("ALPHABET").size()));
            if (!alphabet.empty() && alphabet[0] == '=') alphabet = data::trim(alphabet.substr(1));
            if (alphabet != "ACGT")
                r.errors.add(line_no, column(i), "",
                             "ALPHABET '" + std::string(alphabet) + "' is not read (allowed: ACGT, DNA)");
        } else if (starts_with(rest, "MEME version") || starts_with(rest, "strands:") ||
                   starts_with(rest, "URL")) {
            // Format version, strands and links: nothing to read for the matrices.
        } else {
            r.errors.add(
                line_no, column(i), "",
                numeric ? "numbers outside a letter-probability matrix"
                        : "'" + std::string(ws[0].text) +
                              "' does not start a MEME line (allowed: MEME version, ALPHABET=, strands:, "
                              "Background letter frequencies, MOTIF, letter-probability matrix:, URL)");
        }
    }
    r.close_motif();
    if (r.out.empty() && r.errors.total() == 0)
        r.errors.add(line_no > 0 ? line_no : 1, 1, "",
                     "no motif found (a motif starts with a line 'MOTIF id name')");
    result.value = std::move(r.out);
    r.errors.move_into(result);
    return result;
}

}  // namespace helix::motifs
