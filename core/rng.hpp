// core/rng.hpp: the one seeded random number generator (xoshiro256**, seeded by splitmix64).
// std:: distributions differ between libstdc++ (native) and libc++ (Emscripten), so every draw is
// computed here: the same seed gives the same run natively and in the browser.
#pragma once

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace helix {

class Rng {
public:
    explicit Rng(std::uint64_t seed = 0) { reseed(seed); }

    void reseed(std::uint64_t seed)
    {
        std::uint64_t x = seed;
        for (auto& s : s_) {
            x += 0x9e3779b97f4a7c15ull;
            std::uint64_t z = x;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
            s = z ^ (z >> 31);
        }
        has_spare_ = false;
    }

    std::uint64_t next_u64()
    {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform in [0, 1) with 24 random bits: exactly representable as float.
    float uniform() { return static_cast<float>(next_u64() >> 40) * (1.0f / 16777216.0f); }
    float uniform(float lo, float hi) { return lo + (hi - lo) * uniform(); }

    // Standard normal by Box-Muller, computed in double so both platforms round alike.
    float normal()
    {
        if (has_spare_) {
            has_spare_ = false;
            return spare_;
        }
        double u1 = (static_cast<double>(next_u64() >> 11) + 1.0) * (1.0 / 9007199254740992.0);
        double u2 = static_cast<double>(next_u64() >> 11) * (1.0 / 9007199254740992.0);
        double r = std::sqrt(-2.0 * std::log(u1));
        spare_ = static_cast<float>(r * std::sin(6.283185307179586 * u2));
        has_spare_ = true;
        return static_cast<float>(r * std::cos(6.283185307179586 * u2));
    }

    // Uniform integer in [0, n), n > 0 (Lemire's multiply-shift; bias < 2^-32 for our sizes).
    std::size_t below(std::size_t n)
    {
        return static_cast<std::size_t>(((next_u64() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }

    template <class T>
    void shuffle(std::vector<T>& v)
    {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
    float spare_ = 0.0f;
    bool has_spare_ = false;
};

}  // namespace helix
