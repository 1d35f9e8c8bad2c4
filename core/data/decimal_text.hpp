// core/data/decimal_text.hpp: numbers as the simulators write them: rounded once, so the value a rule
// was applied to is the value in the table, and printed the same natively and in wasm.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>

namespace helix::data {

inline double round_to(double v, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

inline std::string fixed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

}  // namespace helix::data
