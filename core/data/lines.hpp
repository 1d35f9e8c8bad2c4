// core/data/lines.hpp: splitting pasted text into lines, and columns as an editor counts them.
// Line ends may be "\n" (Unix), "\r\n" (Windows) or a lone "\r" (old Mac), mixed in one text;
// a UTF-8 byte order mark at the very start is not part of line 1.
#pragma once

#include <cstddef>
#include <string_view>

namespace helix::data {

struct Line {
    std::string_view text;  // without its line end
    int number = 0;         // 1-based
};

class LineReader {
public:
    explicit LineReader(std::string_view text) : text_(text)
    {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
    }

    // The next line, or false at the end. A text ending in a line end has no empty last line.
    bool next(Line& line)
    {
        if (pos_ >= text_.size()) return false;
        std::size_t end = pos_;
        while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
        line.text = text_.substr(pos_, end - pos_);
        line.number = ++number_;
        if (end < text_.size() && text_[end] == '\r' && end + 1 < text_.size() && text_[end + 1] == '\n')
            ++end;
        pos_ = end + 1;
        return true;
    }

    // The next line holding more than spaces and tabs, or false at the end.
    bool next_non_blank(Line& line);

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    int number_ = 0;
};

inline bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

// Index of the first character that is not a space or tab, or npos for a blank line.
inline std::size_t first_non_space(std::string_view s)
{
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!is_space(s[i])) return i;
    return std::string_view::npos;
}

inline std::string_view trim(std::string_view s)
{
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// 1-based column of byte `offset` of `line`, counting UTF-8 code points (continuation bytes
// 10xxxxxx do not start a character), so "é" is one column as in an editor.
inline int column_of(std::string_view line, std::size_t offset)
{
    int column = 1;
    for (std::size_t i = 0; i < offset && i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
    return column;
}

// 1-based line and column (as column_of counts) of byte `offset` of `text`, lines split as LineReader
// splits them; an offset at or past the end is the place just after the last character.
struct TextPlace {
    int line = 1;
    int column = 1;
};
inline TextPlace place_of(std::string_view text, std::size_t offset);

inline bool LineReader::next_non_blank(Line& line)
{
    while (next(line))
        if (first_non_space(line.text) != std::string_view::npos) return true;
    return false;
}

inline TextPlace place_of(std::string_view text, std::size_t offset)
{
    TextPlace place;
    LineReader reader(text);
    for (Line line; reader.next(line);) {
        const std::size_t begin = static_cast<std::size_t>(line.text.data() - text.data());
        place = {line.number, column_of(line.text, offset > begin ? offset - begin : 0)};
        if (offset <= begin + line.text.size()) break;
    }
    return place;
}

}  // namespace helix::data
