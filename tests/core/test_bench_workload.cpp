// tests/core/test_bench_workload.cpp: the benchmark workloads (bench/workloads/bench_workload.hpp) have the
// suite's shapes (their parameter counts equal the TF.js/Keras models' of bench/tfjs-workloads.js) and really
// train.
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "bench/workloads/bench_workload.hpp"

using helix::bench::BenchWorkload;
using nlohmann::json;

TEST_CASE("bench workloads: the suite's shapes, as parameter counts of the reference Keras models")
{
    // W1 conv 24*4*16+16, dense 16*32+32, dense 33. W2 conv 19*4*300+300, 11*300*200+200, 7*200*200+200,
    // dense 2400*1000+1000 (12 positions x 200 after the pools), 1000*164+164. W3 conv 26*4*32+32, two LSTM
    // directions of 4*32*(32+32)+4*32 (one bias, as Keras), dense 64+1. W4 1433*16+16+16*7+7. W5
    // 2000*256+256, 256*32+32, 32*256+256, 256*2000+2000. W6 G 64*256+256, 256*200+200; D 8*4*32+32, 32+1.
    const std::pair<const char*, std::size_t> expected[] = {{"W1", 2129},  {"W2", 3528664}, {"W3", 20065},
                                                            {"W4", 23063}, {"W5", 1042928}, {"W6", 69129}};
    for (const auto& entry : expected) {
        // Not a structured binding: CAPTURE is a lambda, and C++17 clang cannot capture one.
        const char* id = entry.first;
        const std::size_t params = entry.second;
        CAPTURE(id);
        BenchWorkload w(id, /*smoke=*/false);
        REQUIRE(w.ok());
        const json info = json::parse(w.info_json());
        CHECK(info["params"].get<std::size_t>() == params);
    }
    const json b = json::parse(BenchWorkload("W3", false).info_json());
    CHECK(b["trainBatch"] == 64);
    CHECK(b["inferBatch"] == 256);
}

TEST_CASE(
    "bench workloads (smoke shapes): every step gives a finite loss; the supervised ones fit their batch")
{
    for (const char* id : {"W1", "W2", "W3", "W4", "W5", "W6"}) {
        CAPTURE(id);
        BenchWorkload w(id, /*smoke=*/true);
        REQUIRE(w.ok());
        const double first = json::parse(w.train_steps(1))["loss"].get<double>();
        const json later = json::parse(w.train_steps(40));
        CHECK(std::isfinite(first));
        CHECK(std::isfinite(later["loss"].get<double>()));
        CHECK(later["seconds"].get<double>() >= 0.0);
        if (std::string(id) != "W6")
            CHECK(later["loss"].get<double>() < first);  // a GAN's loss need not fall
        CHECK(std::isfinite(json::parse(w.infer_steps(2))["loss"].get<double>()));
    }
}

TEST_CASE("bench workloads: an unknown id is an error naming it, and its steps report it")
{
    BenchWorkload w("W7", false);
    CHECK_FALSE(w.ok());
    CHECK(w.errors_json().find("W7") != std::string::npos);
    CHECK(json::parse(w.train_steps(1)).contains("errors"));
}

TEST_CASE("bench kernels (smoke): positive GFLOP/s for every GEMM and conv1d case")
{
    const json k = json::parse(helix::bench::bench_kernels_json(/*smoke=*/true));
    REQUIRE(!k["gemm"].empty());
    REQUIRE(!k["conv1d"].empty());
    for (const auto& g : k["gemm"]) CHECK(g["gflops"].get<double>() > 0.0);
    for (const auto& c : k["conv1d"]) {
        CHECK(c["forwardGflops"].get<double>() > 0.0);
        CHECK(c["backwardGflops"].get<double>() > 0.0);
    }
}
