// core/interpret/variants.cpp: see variants.hpp.
#include "variants.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>

#include "../data/lines.hpp"
#include "../data/one_hot.hpp"
#include "../train/batches.hpp"

namespace helix::interpret {

namespace {

struct Cell {
    std::string_view text;  // trimmed
    std::size_t offset;     // of the trimmed text in its line
};

std::vector<Cell> split_cells(std::string_view line, char sep)
{
    std::vector<Cell> cells;
    std::size_t start = 0;
    while (true) {
        std::size_t end = line.find(sep, start);
        if (end == std::string_view::npos) end = line.size();
        std::string_view raw = line.substr(start, end - start);
        std::size_t lead = 0;
        while (lead < raw.size() && data::is_space(raw[lead])) ++lead;
        std::size_t len = raw.size();
        while (len > lead && data::is_space(raw[len - 1])) --len;
        std::string_view t = raw.substr(lead, len - lead);
        if (t.size() >= 2 && t.front() == '"' && t.back() == '"') t = t.substr(1, t.size() - 2), ++lead;
        cells.push_back({t, start + lead});
        if (end == line.size()) break;
        start = end + 1;
    }
    return cells;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool is_dna(char c)
{
    switch (std::toupper(static_cast<unsigned char>(c))) {
        case 'A':
        case 'C':
        case 'G':
        case 'T':
        case 'N':
            return true;
        default:
            return false;
    }
}

bool is_base(std::string_view s)
{
    if (s.size() != 1) return false;
    const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return c == 'A' || c == 'C' || c == 'G' || c == 'T';
}

const char* kLayouts =
    "a variant table has the columns id, sequence, position, ref, alt (position 1-based) "
    "or id, ref_sequence, alt_sequence";

}  // namespace

data::Parsed<VariantSet> parse_variants(std::string_view text,
                                        const std::vector<std::string>& feature_columns)
{
    data::Parsed<VariantSet> out;
    data::ErrorCollector errors;
    data::LineReader reader(text);
    data::Line header;
    if (!reader.next_non_blank(header)) {
        errors.add(1, 1, "", std::string("no variants: ") + kLayouts + ", with a header line");
        errors.move_into(out);
        return out;
    }
    const char sep = header.text.find('\t') != std::string_view::npos ? '\t' : ',';
    std::map<std::string, std::size_t> index;  // column name (lower case) -> field
    const std::vector<Cell> names = split_cells(header.text, sep);
    for (std::size_t i = 0; i < names.size(); ++i) index.emplace(lower(names[i].text), i);
    auto find = [&](std::initializer_list<const char*> aliases) -> int {
        for (const char* a : aliases)
            if (auto it = index.find(a); it != index.end()) return static_cast<int>(it->second);
        return -1;
    };
    const int id_col = find({"id", "name"});
    const bool pairs = find({"ref_sequence"}) >= 0 || find({"alt_sequence"}) >= 0;
    out.value.pairs = pairs;
    std::vector<std::pair<const char*, int>> required;
    if (pairs)
        required = {{"ref_sequence", find({"ref_sequence"})}, {"alt_sequence", find({"alt_sequence"})}};
    else
        required = {{"sequence", find({"sequence", "seq"})},
                    {"position", find({"position", "pos"})},
                    {"ref", find({"ref"})},
                    {"alt", find({"alt"})}};
    std::vector<int> feature_fields;
    for (const auto& f : feature_columns) feature_fields.push_back(find({lower(f).c_str()}));
    const int header_end = data::column_of(header.text, header.text.size());
    bool header_ok = true;
    for (const auto& [name, field] : required)
        if (field < 0) {
            errors.add(header.number, header_end, name,
                       std::string("the header has no '") + name + "' column; " + kLayouts);
            header_ok = false;
        }
    for (std::size_t f = 0; f < feature_columns.size(); ++f)
        if (feature_fields[f] < 0) {
            errors.add(header.number, header_end, feature_columns[f],
                       "the header has no '" + feature_columns[f] +
                           "' column: the model reads it as a numeric input");
            header_ok = false;
        }
    if (!header_ok) {
        errors.move_into(out);
        return out;
    }

    data::Line line;
    while (reader.next(line)) {
        if (data::first_non_space(line.text) == std::string_view::npos) continue;
        const std::vector<Cell> cells = split_cells(line.text, sep);
        const int end_column = data::column_of(line.text, line.text.size());
        auto cell = [&](const char* name, int field, Cell& c) {
            if (field < static_cast<int>(cells.size()) && !cells[field].text.empty()) {
                c = cells[field];
                return true;
            }
            const int column = field < static_cast<int>(cells.size())
                                   ? data::column_of(line.text, cells[field].offset)
                                   : end_column;
            errors.add(line.number, column, name,
                       std::string("the '") + name + "' cell is missing (column " +
                           std::to_string(field + 1) + " of the header)");
            return false;
        };
        auto column = [&](const Cell& c, std::size_t i = 0) {
            return data::column_of(line.text, c.offset + i);
        };
        // A sequence cell of DNA letters; bad letters are errors at their own column.
        auto sequence = [&](const char* name, const Cell& c, std::string& s) {
            bool ok = true;
            for (std::size_t i = 0; i < c.text.size(); ++i)
                if (!is_dna(c.text[i])) {
                    if (errors.full()) {
                        errors.count_more();
                    } else {
                        errors.add(line.number, column(c, i), name,
                                   std::string("'") + c.text[i] +
                                       "' is not a DNA base (allowed: A, C, G, T, N in either case)");
                    }
                    ok = false;
                }
            s.assign(c.text);
            for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            return ok;
        };

        Variant v;
        v.line = line.number;
        v.id = id_col >= 0 && id_col < static_cast<int>(cells.size()) && !cells[id_col].text.empty()
                   ? std::string(cells[id_col].text)
                   : "line" + std::to_string(line.number);
        bool ok = true;
        Cell c{};
        if (pairs) {
            if (cell("ref_sequence", required[0].second, c)) {
                v.ref_column = column(c);
                ok &= sequence("ref_sequence", c, v.ref_sequence);
            } else {
                ok = false;
            }
            if (cell("alt_sequence", required[1].second, c)) {
                v.alt_column = column(c);
                ok &= sequence("alt_sequence", c, v.alt_sequence);
            } else {
                ok = false;
            }
        } else {
            Cell seq{}, pos{}, ref{}, alt{};
            const bool have_seq = cell("sequence", required[0].second, seq);
            const bool have_pos = cell("position", required[1].second, pos);
            const bool have_ref = cell("ref", required[2].second, ref);
            const bool have_alt = cell("alt", required[3].second, alt);
            ok = have_seq && have_pos && have_ref && have_alt;
            if (have_seq) {
                v.ref_column = v.alt_column = column(seq);
                ok &= sequence("sequence", seq, v.ref_sequence);
            }
            if (have_pos) {
                const std::string p(pos.text);
                char* endp = nullptr;
                const long long n = std::strtoll(p.c_str(), &endp, 10);
                if (endp != p.c_str() + p.size() || p.empty() ||
                    !std::isdigit(static_cast<unsigned char>(p[0]))) {
                    errors.add(line.number, column(pos), "position",
                               "position: '" + p + "' is not a whole number (1-based)");
                    ok = false;
                } else if (have_seq && (n < 1 || static_cast<std::size_t>(n) > seq.text.size())) {
                    errors.add(line.number, column(pos), "position",
                               "position " + p + " is outside the sequence (1.." +
                                   std::to_string(seq.text.size()) + ")");
                    ok = false;
                } else {
                    v.position = static_cast<std::size_t>(n);
                }
            }
            if (have_ref && !is_base(ref.text)) {
                errors.add(line.number, column(ref), "ref",
                           "ref: '" + std::string(ref.text) + "' is not one base A, C, G or T");
                ok = false;
            } else if (have_ref) {
                v.ref = static_cast<char>(std::toupper(static_cast<unsigned char>(ref.text[0])));
            }
            if (have_alt && !is_base(alt.text)) {
                errors.add(line.number, column(alt), "alt",
                           "alt: '" + std::string(alt.text) + "' is not one base A, C, G or T");
                ok = false;
            } else if (have_alt) {
                v.alt = static_cast<char>(std::toupper(static_cast<unsigned char>(alt.text[0])));
            }
            if (v.ref && v.position && v.ref_sequence.size() >= v.position) {
                const char there = v.ref_sequence[v.position - 1];
                if (there != v.ref) {
                    errors.add(line.number, column(ref), "ref",
                               std::string("ref '") + v.ref + "' does not match the sequence at position " +
                                   std::to_string(v.position) + " ('" + there + "', column " +
                                   std::to_string(column(seq, v.position - 1)) + ")");
                    ok = false;
                }
            }
            if (v.ref && v.alt && v.ref == v.alt) {
                errors.add(line.number, column(alt), "alt",
                           std::string("alt '") + v.alt + "' is the same base as ref");
                ok = false;
            }
            if (ok) {
                v.alt_sequence = v.ref_sequence;
                v.alt_sequence[v.position - 1] = v.alt;
            }
        }
        for (std::size_t f = 0; f < feature_columns.size(); ++f) {
            const char* name = feature_columns[f].c_str();
            if (!cell(name, feature_fields[f], c)) {
                ok = false;
                continue;
            }
            const std::string t(c.text);
            char* endp = nullptr;
            const double x = std::strtod(t.c_str(), &endp);
            if (endp != t.c_str() + t.size() || !std::isfinite(x) ||
                std::fabs(x) > std::numeric_limits<float>::max()) {
                // Past the float range counts too: it would become infinite (found by fuzz_variants).
                errors.add(line.number, column(c), name,
                           feature_columns[f] + ": '" + t + "' is not a number");
                ok = false;
                continue;
            }
            v.features.push_back(static_cast<float>(x));
        }
        if (ok) out.value.variants.push_back(std::move(v));
    }
    if (errors.total() == 0 && out.value.variants.empty())
        errors.add(header.number, 1, "", std::string("no variants below the header; ") + kLayouts);
    errors.move_into(out);
    return out;
}

std::vector<VariantEffect> score_variants(nn::Model& model, const VariantSet& set, const Target& target,
                                          std::vector<data::InputError>& errors, std::size_t& more_errors)
{
    // Records 2i (ref allele) and 2i + 1 (alt allele), fitted to the model's length as predict fits them.
    infer::Examples ex;
    const auto& inputs = model.spec().inputs;
    ex.features.resize(inputs.size());
    const std::size_t fixed = model.fixed_length();
    auto add = [&](const Variant& v, const std::string& s, int column, const char* field) {
        const std::string why = model.check_length(s.size());
        if (!why.empty()) {
            if (errors.size() < data::ErrorCollector::kLimit)
                errors.push_back({v.line, column, field,
                                  "line " + std::to_string(v.line) + ", column " + std::to_string(column) +
                                      " (" + v.id + "): " + why});
            else
                ++more_errors;
        }
        ex.sequences.push_back(fixed && s.size() != fixed ? data::fit_length(s, fixed) : s);
        for (std::size_t i = 0, offset = 0; i < inputs.size(); ++i) {
            if (inputs[i].type != "features") continue;
            const std::size_t F = inputs[i].columns.size();
            ex.features[i].insert(ex.features[i].end(), v.features.begin() + offset,
                                  v.features.begin() + offset + F);
            offset += F;
        }
    };
    for (const Variant& v : set.variants) {
        add(v, v.ref_sequence, v.ref_column, set.pairs ? "ref_sequence" : "sequence");
        add(v, v.alt_sequence, v.alt_column, set.pairs ? "alt_sequence" : "sequence");
    }
    if (!errors.empty()) return {};

    Target probability = target;  // scores are probabilities; the log odds come from the logits
    probability.probability = true;
    Scorer scorer(model, ex, probability);
    const std::size_t K = scorer.outputs(), N = ex.size();
    std::vector<float> logits(N * K);
    std::vector<std::size_t> all(N);
    for (std::size_t i = 0; i < N; ++i) all[i] = i;
    for (const auto& batch : train::make_batches(ex.sequences, all, 256, nullptr)) {
        Var z = scorer.logits(Var(train::encode_batch(ex.sequences, batch), false), batch);
        for (std::size_t b = 0; b < batch.size(); ++b)
            std::copy_n(z.value().data() + b * K, K, logits.data() + batch[b] * K);
    }
    std::vector<VariantEffect> out(set.variants.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        const float* ref = logits.data() + 2 * i * K;
        const float* alt = logits.data() + (2 * i + 1) * K;
        VariantEffect& e = out[i];
        e.class_index = scorer.class_of(ref);
        e.ref_score = scorer.score(ref, e.class_index);
        e.alt_score = scorer.score(alt, e.class_index);
        e.difference = e.alt_score - e.ref_score;
        e.log_odds_ratio =
            static_cast<float>(scorer.log_odds(alt, e.class_index) - scorer.log_odds(ref, e.class_index));
    }
    return out;
}

}  // namespace helix::interpret
