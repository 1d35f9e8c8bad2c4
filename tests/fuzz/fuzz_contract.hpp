// tests/fuzz/fuzz_contract.hpp: what every parser promises about any input, checked by the libFuzzer targets
// (tests/fuzz/fuzz_*.cpp, run by scripts/fuzz.sh). A broken promise prints what broke and aborts, which
// libFuzzer reports as a crash and saves the input that caused it:
//   - nothing throws: user errors are values (core/data/input_error.hpp, nn::SpecError);
//   - each InputError names a place in the text: line >= 1 and at most one past the last line, column >= 1
//     and at most one past the end of that line, its message "line L, column C: ..." with the same L and C;
//   - at most ErrorCollector::kLimit errors are listed, and more_errors only counts beyond a full list;
//   - a successful parse writes out and reads back the same (checked in each target where a writer exists).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/input_error.hpp"
#include "core/data/lines.hpp"
#include "core/spec/sequence.hpp"

namespace helix::fuzz {

[[noreturn]] inline void fail(const char* what, const std::string& detail = "")
{
    std::fprintf(stderr, "contract broken: %s %s\n", what, detail.c_str());
    std::abort();
}

#define FUZZ_CHECK(cond, detail)                                      \
    do {                                                              \
        if (!(cond)) ::helix::fuzz::fail(#cond, std::string(detail)); \
    } while (0)

// Runs one parse; an exception that escapes it breaks the contract (the page would lose the user's work).
template <class F>
void no_throw(const char* parser, F&& f)
{
    try {
        f();
    } catch (const std::exception& e) {
        fail("an exception escaped", std::string(parser) + ": " + e.what());
    } catch (...) {
        fail("an exception escaped", parser);
    }
}

// The lines of `text` as the parsers count them (LineReader: "\n", "\r\n" or "\r", a leading BOM dropped).
inline std::vector<std::string_view> text_lines(std::string_view text)
{
    std::vector<std::string_view> lines;
    data::LineReader reader(text);
    data::Line line;
    while (reader.next(line)) lines.push_back(line.text);
    return lines;
}

template <class T>
void check_errors(const data::Parsed<T>& parsed, std::string_view text)
{
    FUZZ_CHECK(parsed.errors.size() <= data::ErrorCollector::kLimit, std::to_string(parsed.errors.size()));
    FUZZ_CHECK(parsed.more_errors == 0 || parsed.errors.size() == data::ErrorCollector::kLimit,
               std::to_string(parsed.more_errors));
    const std::vector<std::string_view> lines = text_lines(text);
    for (const data::InputError& e : parsed.errors) {
        FUZZ_CHECK(e.line >= 1 && static_cast<std::size_t>(e.line) <= lines.size() + 1, e.message);
        FUZZ_CHECK(e.column >= 1, e.message);
        if (static_cast<std::size_t>(e.line) <= lines.size())
            FUZZ_CHECK(static_cast<std::size_t>(e.column) <= lines[e.line - 1].size() + 1, e.message);
        const std::string place =
            "line " + std::to_string(e.line) + ", column " + std::to_string(e.column) + ": ";
        FUZZ_CHECK(e.message.compare(0, place.size(), place) == 0 && e.message.size() > place.size(),
                   e.message);
    }
}

// Spec and model-file errors name a field (a JSON path, or "" for the document itself) and say what is wrong,
// the message starting with the field (core/spec/sequence.hpp).
inline void check_spec_errors(const std::vector<nn::SpecError>& errors)
{
    for (const nn::SpecError& e : errors) {
        FUZZ_CHECK(!e.message.empty(), e.field);
        FUZZ_CHECK(e.message.compare(0, e.field.size(), e.field) == 0, e.field + " | " + e.message);
    }
}

}  // namespace helix::fuzz
