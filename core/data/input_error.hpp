// core/data/input_error.hpp: mistakes in what a user pasted, reported as values that name the place.
// Parsers never throw and never stop at the first mistake: they collect up to 20 errors, count the
// rest, and the page shows them as "line 12, column 37: ..." followed by "and 113 more".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace helix::data {

struct InputError {
    int line;             // 1-based, as editors count
    int column;           // 1-based, in characters (UTF-8 code points), a tab counting as one
    std::string field;    // the table column the error is in ("sequence", "label"), or ""
    std::string message;  // "line L, column C: what was found; what is allowed": shown as is
};

// A parse result. `value` holds everything that could be read, even when there are errors; callers
// use it only when ok().
template <class T>
struct Parsed {
    T value;
    std::vector<InputError> errors;  // the first 20, in the order of the text
    std::size_t more_errors = 0;     // errors found after the first 20
    bool ok() const { return errors.empty(); }
};

// Keeps the first `kLimit` errors and counts the rest. Hot loops check full() before building a
// message, so a 20 MB paste with a million bad characters costs a counter, not a million strings.
class ErrorCollector {
public:
    static constexpr std::size_t kLimit = 20;

    bool full() const { return errors_.size() >= kLimit; }
    void count_more() { ++more_; }
    std::size_t total() const { return errors_.size() + more_; }

    // `what` is the text after "line L, column C: ".
    void add(int line, int column, std::string_view field, std::string_view what)
    {
        if (full()) {
            ++more_;
            return;
        }
        std::string message = "line " + std::to_string(line) + ", column " + std::to_string(column) + ": ";
        message += what;
        errors_.push_back({line, column, std::string(field), std::move(message)});
    }

    template <class T>
    void move_into(Parsed<T>& parsed)
    {
        parsed.errors = std::move(errors_);
        parsed.more_errors = more_;
        errors_.clear();
        more_ = 0;
    }

private:
    std::vector<InputError> errors_;
    std::size_t more_ = 0;
};

// All messages, one per line, then "and N more" when errors were left out: what a console or a
// test prints. The page lists errors itself and marks their lines.
template <class T>
std::string error_report(const Parsed<T>& parsed)
{
    std::string report;
    for (const InputError& e : parsed.errors) {
        report += e.message;
        report += '\n';
    }
    if (parsed.more_errors > 0) report += "and " + std::to_string(parsed.more_errors) + " more\n";
    return report;
}

}  // namespace helix::data
