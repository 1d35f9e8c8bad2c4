// core/data/sequences.cpp: format detection, and the "one sequence per line" format.
#include "sequences.hpp"

#include <algorithm>

#include "alphabet.hpp"
#include "binary_input.hpp"
#include "fasta.hpp"
#include "lines.hpp"

namespace helix::data {
namespace {

std::string labels_needed(std::string_view format, const TableOptions& opt)
{
    return std::string(format) +
           " carries no labels, and training needs them: paste a table (tab- or "
           "comma-separated) whose header row names a 'sequence' column and a '" +
           opt.label_column + "' column of " +
           (opt.classes <= 2 ? std::string("0/1") : "0 to " + std::to_string(opt.classes - 1)) +
           ", e.g. 'sequence<TAB>" + opt.label_column + "'";
}

// chrom <TAB> start <TAB> end [...]: a BED line (start and end whole numbers).
bool looks_like_bed(std::string_view line)
{
    std::size_t pos = 0;
    for (int field = 0; field < 3; ++field) {
        if (pos > line.size()) return false;  // fewer than three fields
        const std::size_t end = std::min(line.find('\t', pos), line.size());
        const std::string_view f = line.substr(pos, end - pos);
        if (f.empty() || (field > 0 && f.find_first_not_of("0123456789") != std::string_view::npos))
            return false;
        pos = end + 1;
    }
    return true;
}

Parsed<SequenceSet> parse_plain_lines(std::string_view text, const TableOptions& opt, const Line& first)
{
    Parsed<SequenceSet> result;
    SequenceSet& set = result.value;
    ErrorCollector errors;
    if (looks_like_bed(first.text)) {
        errors.add(
            first.number, 1, "",
            "this looks like a BED file (chromosome, start, end): it holds coordinates, not bases; get the "
            "sequences first (e.g. 'bedtools getfasta -fi genome.fa -bed peaks.bed') and use that FASTA");
        errors.move_into(result);
        return result;
    }
    if (opt.require_labels) errors.add(first.number, 1, "", labels_needed("one sequence per line", opt));
    const std::size_t delim = first.text.find_first_of("\t,");
    if (delim != std::string_view::npos) {
        errors.add(first.number, column_of(first.text, delim), "",
                   std::string("this looks like a table (") + (first.text[delim] == '\t' ? "tab" : "comma") +
                       "-separated) without a header row: add a first line naming the columns, with "
                       "'sequence' above the DNA, e.g. 'sequence" +
                       (first.text[delim] == '\t' ? "<TAB>" : ",") + opt.label_column + "'");
        errors.move_into(result);
        return result;
    }
    LineReader reader(text);
    Line line;
    while (reader.next_non_blank(line)) {
        set.ids.push_back("seq" + std::to_string(set.ids.size() + 1));
        set.lines.push_back(line.number);
        set.sequences.emplace_back();
        append_bases(line.text, 0, line.text.size(), line.number, "", set.sequences.back(), errors);
    }
    errors.move_into(result);
    return result;
}

}  // namespace

Parsed<SequenceSet> parse_sequences(std::string_view text, const TableOptions& opt)
{
    if (auto binary = binary_input_error(text)) {
        Parsed<SequenceSet> result;
        result.errors.push_back(std::move(*binary));
        return result;
    }
    LineReader reader(text);
    Line first;
    if (!reader.next_non_blank(first)) {
        Parsed<SequenceSet> result;
        result.errors.push_back({1, 1, "", "line 1, column 1: no sequences found: the text is empty"});
        return result;
    }
    if (!opt.sequence || !opt.feature_columns.empty()) {
        // The model reads table columns besides (or instead of) the DNA: only a table has them.
        const bool fasta = first.text[first_non_space(first.text)] == '>';
        if (!fasta && (!opt.sequence || looks_like_table_header(first.text))) return parse_table(text, opt);
        std::string columns;
        for (const auto& c : opt.feature_columns) columns += (columns.empty() ? "'" : ", '") + c + "'";
        Parsed<SequenceSet> result;
        result.errors.push_back({first.number, 1, "",
                                 "line " + std::to_string(first.number) +
                                     ", column 1: this model reads the column" +
                                     (opt.feature_columns.size() == 1 ? " " : "s ") + columns +
                                     (opt.sequence ? " besides the DNA" : "") +
                                     ": paste a table (tab- or comma-separated) whose header row names " +
                                     (opt.sequence ? "'sequence' and " : "") + "those columns"});
        return result;
    }
    if (first.text[first_non_space(first.text)] == '>') {
        Parsed<SequenceSet> result = parse_fasta(text);
        if (opt.require_labels) {
            // Labels first: it is the error that matters most, and it must not fall past the cap.
            const std::string what = labels_needed("FASTA", opt);
            InputError e{first.number, 1, "", "line " + std::to_string(first.number) + ", column 1: " + what};
            result.errors.insert(result.errors.begin(), std::move(e));
            if (result.errors.size() > ErrorCollector::kLimit) {
                result.errors.pop_back();
                ++result.more_errors;
            }
        }
        return result;
    }
    if (looks_like_table_header(first.text,
                                opt.require_labels ? std::string_view(opt.label_column) : std::string_view()))
        return parse_table(text, opt);
    // A title or note above FASTA records: parse_fasta names it ("text before the first header").
    if (text.find("\n>") != std::string_view::npos || text.find("\r>") != std::string_view::npos)
        return parse_fasta(text);
    return parse_plain_lines(text, opt, first);
}

}  // namespace helix::data
