// tests/core/test_torch_reference.cpp: Helix against PyTorch 1.13, through the committed fixtures written by
// tests/fixtures/make_fixtures.py (no torch needed here). Inputs are float32, references float64, so these
// check Helix's float32 arithmetic against the exact answer:
//   |helix - torch| <= 1e-4 * |torch| + 1e-6   (relative 1e-4, absolute floor 1e-6 for entries near 0,
//   where a relative bound is meaningless; float32 sums of ~100 O(1) terms round at ~1e-6 absolute)
#include <functional>
#include <map>
#include <string>

#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

// One namespace for the whole file, tests included: the unity build (CMakeLists.txt) compiles test files
// together, where helpers of the same name in two files would clash.
namespace test_torch_reference {

constexpr float torch_rtol = 1e-4f, torch_atol = 1e-6f;

// Runs op on the fixture's inputs, compares y, then backpropagates sum(y * r) and compares d<input>.
void check_op(const std::string& name, const std::vector<std::string>& inputs,
              const std::function<Var(const std::vector<Var>&)>& op)
{
    INFO("op " << name);
    std::vector<Var> vars;
    for (const auto& in : inputs) vars.emplace_back(fixture("ops/" + name + "/" + in), true);
    Var y = op(vars);
    CHECK_ALLCLOSE(y.value(), fixture("ops/" + name + "/y"), torch_rtol, torch_atol);
    const Tensor r = fixture("ops/" + name + "/r");
    backward(detail::weighted_sum(y, r));  // seeds dL/dy = r, as the script's sum(y * r) does
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        INFO("d" << inputs[i]);
        CHECK_ALLCLOSE(vars[i].grad(), fixture("ops/" + name + "/d" + inputs[i]), torch_rtol, torch_atol);
    }
}

TEST_CASE("torch reference: conv1d valid (K=5) and same (K=4, even) forward and dx, dw, db")
{
    check_op("conv1d_valid", {"x", "w", "b"},
             [](const std::vector<Var>& v) { return ops::conv1d(v[0], v[1], v[2], ops::Padding::valid); });
    check_op("conv1d_same", {"x", "w", "b"},
             [](const std::vector<Var>& v) { return ops::conv1d(v[0], v[1], v[2], ops::Padding::same); });
}

TEST_CASE("torch reference: pooling (windowed size 3 stride 2, and global)")
{
    check_op("max_pool1d", {"x"}, [](const std::vector<Var>& v) { return ops::max_pool1d(v[0], 3, 2); });
    check_op("avg_pool1d", {"x"}, [](const std::vector<Var>& v) { return ops::avg_pool1d(v[0], 3, 2); });
    check_op("global_max_pool", {"x"}, [](const std::vector<Var>& v) { return ops::global_max_pool(v[0]); });
    check_op("global_avg_pool", {"x"}, [](const std::vector<Var>& v) { return ops::global_avg_pool(v[0]); });
}

TEST_CASE("torch reference: activations, softmax, matmul and add_bias")
{
    check_op("relu", {"x"}, [](const std::vector<Var>& v) { return ops::relu(v[0]); });
    check_op("sigmoid", {"x"}, [](const std::vector<Var>& v) { return ops::sigmoid(v[0]); });
    check_op("tanh", {"x"}, [](const std::vector<Var>& v) { return ops::tanh(v[0]); });
    check_op("softmax", {"x"}, [](const std::vector<Var>& v) { return ops::softmax(v[0]); });
    check_op("matmul", {"x", "w"}, [](const std::vector<Var>& v) { return ops::matmul(v[0], v[1]); });
    check_op("add_bias", {"x", "b"}, [](const std::vector<Var>& v) { return ops::add_bias(v[0], v[1]); });
}

TEST_CASE("torch reference: losses with masks")
{
    check_op("bce_with_logits", {"z"}, [](const std::vector<Var>& v) {
        return ops::bce_with_logits(v[0], fixture("ops/bce_with_logits/targets"),
                                    fixture("ops/bce_with_logits/mask"));
    });
    check_op("softmax_cross_entropy", {"z"}, [](const std::vector<Var>& v) {
        return ops::softmax_cross_entropy(v[0], fixture("ops/softmax_cross_entropy/classes"),
                                          fixture("ops/softmax_cross_entropy/mask"));
    });
    check_op("mse", {"p"}, [](const std::vector<Var>& v) {
        return ops::mse(v[0], fixture("ops/mse/targets"), fixture("ops/mse/mask"));
    });
}

TEST_CASE(
    "torch reference: a small CNN (conv1d, relu, max pool, flatten, two dense, masked BCE): loss, dx, "
    "every parameter gradient")
{
    std::map<std::string, Var> p;
    for (const char* k : {"conv_w", "conv_b", "w1", "b1", "w2", "b2"})
        p[k] = Var(fixture(std::string("cnn/") + k), true);
    Var x(fixture("cnn/x"), true);
    Var h = ops::relu(ops::conv1d(x, p["conv_w"], p["conv_b"], ops::Padding::valid));  // (3, 17, 5)
    h = ops::flatten(ops::max_pool1d(h, 2, 2));                                        // (3, 8*5)
    h = ops::relu(ops::add_bias(ops::matmul(h, p["w1"]), p["b1"]));                    // (3, 3)
    Var z = ops::add_bias(ops::matmul(h, p["w2"]), p["b2"]);                           // (3, 1)
    CHECK_ALLCLOSE(z.value(), fixture("cnn/logits"), torch_rtol, torch_atol);
    Var loss = ops::bce_with_logits(z, fixture("cnn/targets"), fixture("cnn/mask"));
    CHECK_ALLCLOSE(loss.value(), fixture("cnn/loss"), torch_rtol, torch_atol);
    backward(loss);
    CHECK_ALLCLOSE(x.grad(), fixture("cnn/dx"), torch_rtol, torch_atol);
    for (auto& entry : p) {
        const std::string& name = entry.first;  // not a structured binding: INFO captures it (clang)
        INFO("d" << name);
        CHECK_ALLCLOSE(entry.second.grad(), fixture("cnn/d" + name), torch_rtol, torch_atol);
    }
}

TEST_CASE(
    "torch reference: a small MLP (tanh, sigmoid, dense) with masked softmax cross-entropy, and with mse")
{
    for (const std::string loss_name : {"softmax_cross_entropy", "mse"}) {
        INFO("loss " << loss_name);
        std::map<std::string, Var> p;
        for (const char* k : {"w1", "b1", "w2", "b2", "w3", "b3"})
            p[k] = Var(fixture(std::string("mlp/") + k), true);
        Var x(fixture("mlp/x"), true);
        Var h = ops::tanh(ops::add_bias(ops::matmul(x, p["w1"]), p["b1"]));  // (4, 8)
        h = ops::sigmoid(ops::add_bias(ops::matmul(h, p["w2"]), p["b2"]));   // (4, 6)
        Var z = ops::add_bias(ops::matmul(h, p["w3"]), p["b3"]);             // (4, 3)
        Var loss = loss_name == "mse"
                       ? ops::mse(z, fixture("mlp/targets"))
                       : ops::softmax_cross_entropy(z, fixture("mlp/classes"), fixture("mlp/mask"));
        CHECK_ALLCLOSE(loss.value(), fixture("mlp/" + loss_name + "/loss"), torch_rtol, torch_atol);
        backward(loss);
        CHECK_ALLCLOSE(x.grad(), fixture("mlp/" + loss_name + "/dx"), torch_rtol, torch_atol);
        for (auto& entry : p) {
            const std::string& name = entry.first;  // not a structured binding: INFO captures it (clang)
            INFO("d" << name);
            CHECK_ALLCLOSE(entry.second.grad(), fixture("mlp/" + loss_name + "/d" + name), torch_rtol,
                           torch_atol);
        }
    }
}

}  // namespace test_torch_reference
