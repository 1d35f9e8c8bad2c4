// tests/fuzz/fuzz_table.cpp: the tables a user pastes: labelled sequence tables (core/data/table, read
// through parse_sequences as the model session does in core/infer/prepared_input) and expression matrices
// with their label tables (core/data/matrix). Input: byte 0 picks the table options (labels required or not,
// 2 or 3 classes, tasks, feature columns, a features-only table, regression targets, profile count lists);
// the rest is the table, and after a NUL byte, if any, the metadata table that parse_row_labels joins to the
// matrix (else the same text). Besides the contract of fuzz_contract.hpp: a successful parse has one entry
// per record in every array, labels that are classes (or NaN when allowed), finite features and matrix
// values, unique matrix ids and columns; and a table or matrix whose names need no quoting writes out as TSV
// and reads back the same.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>

#include "core/data/alphabet.hpp"
#include "core/data/matrix.hpp"
#include "core/data/sequences.hpp"
#include "core/data/simulate.hpp"
#include "core/data/table.hpp"
#include "fuzz_contract.hpp"

namespace {

namespace data = helix::data;

// A name TSV keeps as it is: no delimiter, quote, space or control character.
bool plain(const std::string& s)
{
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (c <= ' ' || c == ',' || c == '"' || c == 0x7F) return false;
    return true;
}

data::TableOptions options_from(std::uint8_t b)
{
    data::TableOptions opt;
    opt.require_labels = b & 1;
    opt.classes = (b & 2) ? 3 : 2;
    if (b & 4) opt.tasks = {{"gata1", 2}, {"tal1", opt.classes}};
    if (b & 8) opt.feature_columns = {"accessibility", "gc"};
    if (b & 16) opt.label_column = "class";
    if ((b & 32) && !opt.feature_columns.empty()) opt.sequence = false;
    if (b & 64) opt.tasks = {{"dev", 2, true}, {"hk", 2, true}};  // regression targets
    if (b & 128) {
        opt.profile_columns = {"counts_plus", "counts_minus"};
        opt.profile_length = (b & 16) ? 0 : 3;  // 0: taken from the first row
    }
    return opt;
}

// `from_table`: parse_table itself, which reads every feature column asked for (parse_sequences may have read
// FASTA or plain lines, which have none).
void check_table(const data::SequenceSet& set, const data::TableOptions& opt, bool from_table)
{
    const std::size_t n = set.size();
    FUZZ_CHECK(n > 0 && set.ids.size() == n && set.lines.size() == n, "");
    FUZZ_CHECK(set.labels.empty() || set.labels.size() == n, "");
    FUZZ_CHECK(set.task_labels.size() == n * set.task_columns.size(), "");
    FUZZ_CHECK(set.features.size() == n * set.feature_columns.size(), "");
    if (from_table) FUZZ_CHECK(set.feature_columns.size() == opt.feature_columns.size(), "");
    for (float f : set.features) FUZZ_CHECK(std::isfinite(f), "a feature is not finite");
    if (from_table && !opt.profile_columns.empty()) {
        FUZZ_CHECK(set.profile_length > 0, "a profile of no positions");
        FUZZ_CHECK(set.profiles.size() == n * set.profile_columns.size() * set.profile_length, "");
    }
    for (float c : set.profiles) FUZZ_CHECK(std::isfinite(c) && c >= 0, "a count is negative or not finite");
    for (float y : set.labels) {
        if (std::isnan(y)) continue;
        FUZZ_CHECK(y >= 0 && y < static_cast<float>(opt.classes) && y == std::floor(y), std::to_string(y));
    }
    const std::size_t T = set.task_columns.size();
    for (std::size_t k = 0; k < set.task_labels.size(); ++k) {
        const float y = set.task_labels[k];
        if (std::isnan(y)) continue;
        if (T == opt.tasks.size() && opt.tasks[k % T].numeric)  // a regression target: any finite number
            FUZZ_CHECK(std::isfinite(y), std::to_string(y));
        else
            FUZZ_CHECK(y >= 0 && y < static_cast<float>(opt.classes) && y == std::floor(y),
                       std::to_string(y));
    }
    if (opt.sequence)
        for (std::size_t i = 0; i < n; ++i) {
            FUZZ_CHECK(!set.sequences[i].empty(), set.ids[i]);
            for (char c : set.sequences[i]) FUZZ_CHECK(data::dna_base(c) == c, set.ids[i]);
        }
}

// data::to_table's TSV (id, sequence, a 0/1 label) reads back to the same records.
void check_table_round_trip(const data::SequenceSet& set, const data::TableOptions& opt)
{
    if (!opt.sequence || opt.classes != 2 || set.labels.empty()) return;
    for (float y : set.labels)
        if (std::isnan(y)) return;
    for (const std::string& id : set.ids)
        if (!plain(id)) return;
    data::TableOptions plain_options;
    const auto again = data::parse_table(data::to_table(set), plain_options);
    FUZZ_CHECK(again.ok(), data::error_report(again));
    FUZZ_CHECK(again.value.ids == set.ids && again.value.sequences == set.sequences,
               "records differ after to_table");
    FUZZ_CHECK(again.value.labels == set.labels, "labels differ after to_table");
}

void check_matrix(const data::Matrix& m)
{
    FUZZ_CHECK(
        m.rows() > 0 && m.cols() > 0 && m.values.size() == m.rows() * m.cols() && m.lines.size() == m.rows(),
        "");
    FUZZ_CHECK(std::set<std::string>(m.ids.begin(), m.ids.end()).size() == m.rows(), "duplicate ids");
    FUZZ_CHECK(std::set<std::string>(m.columns.begin(), m.columns.end()).size() == m.cols(),
               "duplicate columns");
    for (float v : m.values) FUZZ_CHECK(std::isfinite(v), "a value is not finite");
}

// Written as TSV with 9 significant digits (enough for any float), the matrix reads back bit for bit.
void check_matrix_round_trip(const data::Matrix& m)
{
    for (const std::string& s : m.ids)
        if (!plain(s)) return;
    for (const std::string& s : m.columns)
        if (!plain(s)) return;
    std::string tsv = "id";
    for (const std::string& c : m.columns) tsv += "\t" + c;
    tsv += "\n";
    char number[32];
    for (std::size_t i = 0; i < m.rows(); ++i) {
        tsv += m.ids[i];
        for (std::size_t j = 0; j < m.cols(); ++j) {
            std::snprintf(number, sizeof number, "\t%.9g", static_cast<double>(m.row(i)[j]));
            tsv += number;
        }
        tsv += "\n";
    }
    const auto again = data::parse_matrix(tsv);
    FUZZ_CHECK(again.ok(), data::error_report(again));
    FUZZ_CHECK(again.value.ids == m.ids && again.value.columns == m.columns, "names differ after writing");
    FUZZ_CHECK(again.value.values == m.values, "values differ after writing");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size)
{
    if (size == 0) return 0;
    const data::TableOptions opt = options_from(bytes[0]);
    const std::string_view input(reinterpret_cast<const char*>(bytes) + 1, size - 1);
    const std::size_t nul = input.find('\0');
    const std::string_view text = input.substr(0, nul);
    const std::string_view labels_text = nul == std::string_view::npos ? text : input.substr(nul + 1);

    helix::fuzz::no_throw("parse_table", [&] {
        const auto parsed = data::parse_table(text, opt);
        helix::fuzz::check_errors(parsed, text);
        if (!parsed.ok()) return;
        check_table(parsed.value, opt, /*from_table=*/true);
        check_table_round_trip(parsed.value, opt);
    });
    helix::fuzz::no_throw("parse_sequences", [&] {
        const auto parsed = data::parse_sequences(text, opt);
        helix::fuzz::check_errors(parsed, text);
        if (parsed.ok() && opt.sequence) check_table(parsed.value, opt, /*from_table=*/false);
    });
    helix::fuzz::no_throw("parse_matrix", [&] {
        const auto parsed = data::parse_matrix(text);
        helix::fuzz::check_errors(parsed, text);
        if (!parsed.ok()) return;
        check_matrix(parsed.value);
        check_matrix_round_trip(parsed.value);
        const auto labels = data::parse_row_labels(labels_text, opt.label_column, parsed.value);
        helix::fuzz::check_errors(labels, labels_text);
        if (labels.ok()) FUZZ_CHECK(labels.value.size() == parsed.value.rows(), "one label per row");
    });
    return 0;
}
