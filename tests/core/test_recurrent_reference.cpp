// tests/core/test_recurrent_reference.cpp: ops::lstm, ops::gru and bidirectional against torch.nn.LSTM / GRU
// (batch_first=True, PyTorch 1.13), through tests/fixtures/recurrent.json, written by
// make_recurrent_fixtures.py (no torch needed here). Inputs are float32, references float64, so these judge
// Helix's float32 arithmetic against the exact answer, outputs and the gradients of sum(y * r) for every
// input and parameter:
//   |helix - torch| <= 1e-4 * |torch| + 1e-6
// (relative 1e-4; absolute floor 1e-6 for entries near 0, where a relative bound is meaningless: float32
// rounding of O(1) quantities carried through tens of steps is ~1e-6 absolute).
#include <string>
#include <vector>

#include "core/ops/recurrent.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

// One namespace for the whole file, tests included: the unity build (CMakeLists.txt) compiles test files
// together, where helpers of the same name in two files would clash.
namespace test_recurrent_reference {

constexpr float torch_rtol = 1e-4f, torch_atol = 1e-6f;

// Parameter names of one direction, in the op's argument order after x.
std::vector<std::string> param_names(const std::string& kind)
{
    if (kind == "lstm") return {"w_ih", "w_hh", "b"};
    return {"w_ih", "w_hh", "b_ih", "b_hh"};
}

Var layer(const std::string& kind, const Var& x, const std::vector<Var>& p, bool seq)
{
    return kind == "lstm" ? ops::lstm(x, p[0], p[1], p[2], seq) : ops::gru(x, p[0], p[1], p[2], p[3], seq);
}

// Runs case `name` of fixture `root` (e.g. "recurrent/lstm"), whose inputs are x and the parameters
// stored in `params_at`; compares y, then backpropagates sum(y * r) and compares dx and every d<param>.
void check_case(const std::string& kind, const std::string& params_at, const std::string& name, bool bidir,
                bool seq)
{
    const std::string root = "recurrent/" + kind, at = root + "/" + name;
    INFO(kind << " case " << name);
    Var x(fixture(params_at + "/x"), true);
    std::vector<std::string> names;
    for (const char* suffix : {"", "_reverse"}) {
        if (!bidir && std::string(suffix) == "_reverse") break;
        for (const auto& n : param_names(kind)) names.push_back(n + suffix);
    }
    std::vector<Var> p;
    for (const auto& n : names) p.emplace_back(fixture(params_at + "/" + n), true);
    const std::size_t per_dir = param_names(kind).size();
    const std::vector<Var> fwd(p.begin(), p.begin() + per_dir);
    Var y;
    if (bidir) {
        const std::vector<Var> bwd(p.begin() + per_dir, p.end());
        y = ops::bidirectional(
            x, [&](const Var& v, bool s) { return layer(kind, v, fwd, s); },
            [&](const Var& v, bool s) { return layer(kind, v, bwd, s); }, seq);
    } else {
        y = layer(kind, x, fwd, seq);
    }
    CHECK_ALLCLOSE(y.value(), fixture(at + "/y"), torch_rtol, torch_atol);
    backward(detail::weighted_sum(y, fixture(at + "/r")));  // seeds dL/dy = r, as the script's sum(y * r)
    CHECK_ALLCLOSE(x.grad(), fixture(at + "/dx"), torch_rtol, torch_atol);
    for (std::size_t i = 0; i < names.size(); ++i) {
        INFO("d" << names[i]);
        CHECK_ALLCLOSE(p[i].grad(), fixture(at + "/d" + names[i]), torch_rtol, torch_atol);
    }
}

TEST_CASE("torch reference: LSTM (B=2, L=6, C=4, H=5) sequences and last state: y, dx, dw_ih, dw_hh, db")
{
    check_case("lstm", "recurrent/lstm", "seq", /*bidir=*/false, /*seq=*/true);
    check_case("lstm", "recurrent/lstm", "last", false, false);
}

TEST_CASE(
    "torch reference: bidirectional LSTM, sequences and [h_n forward | h_n backward], both directions' grads")
{
    check_case("lstm", "recurrent/lstm", "bi_seq", true, true);
    check_case("lstm", "recurrent/lstm", "bi_last", true, false);
}

TEST_CASE(
    "torch reference: GRU (B=2, L=6, C=4, H=5) sequences and last state: y, dx, dw_ih, dw_hh, db_ih, db_hh")
{
    check_case("gru", "recurrent/gru", "seq", false, true);
    check_case("gru", "recurrent/gru", "last", false, false);
}

TEST_CASE("torch reference: bidirectional GRU, sequences and last states")
{
    check_case("gru", "recurrent/gru", "bi_seq", true, true);
    check_case("gru", "recurrent/gru", "bi_last", true, false);
}

TEST_CASE("torch reference: LSTM and GRU over 40 steps of one-hot DNA (H=3): errors do not grow through time")
{
    check_case("lstm", "recurrent/lstm/long", "long", false, true);
    check_case("gru", "recurrent/gru/long", "long", false, true);
}

}  // namespace test_recurrent_reference
