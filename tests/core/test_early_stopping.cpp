// tests/core/test_early_stopping.cpp: the one early-stopping rule of every family: the monitor and its tie
// rule, patience (a stop is early only before the last epoch), the best weights and their restore.
#include <doctest/doctest.h>

#include <cmath>

#include "core/train/early_stopping.hpp"

using namespace helix;
using train::EarlyStopping;
using train::Monitored;

namespace {

const double kNaN = std::nan("");

// One parameter of one float, set to `v`.
struct OneWeight {
    nn::Param p{"w", Var(Tensor(xt::zeros<float>({std::size_t{1}})), true)};
    void set(float v) { p.var.value()(0) = v; }
    float get() const { return p.var.value()(0); }
};

}  // namespace

TEST_CASE("early stopping: val_loss needs a strictly lower loss")
{
    CHECK(EarlyStopping::improves("val_loss", {0.4, kNaN, kNaN}, {0.5, kNaN, kNaN}));
    CHECK_FALSE(EarlyStopping::improves("val_loss", {0.5, kNaN, kNaN}, {0.5, kNaN, kNaN}));
    CHECK_FALSE(
        EarlyStopping::improves("val_loss", {0.6, 0.99, 0.99}, {0.5, 0.5, 0.5}));  // other figures ignored
}

TEST_CASE("early stopping: a tie on accuracy or AUROC is broken by the validation loss")
{
    CHECK(EarlyStopping::improves("val_accuracy", {0.9, 0.8, kNaN}, {0.1, 0.7, kNaN}));
    CHECK(EarlyStopping::improves("val_accuracy", {0.4, 0.8, kNaN}, {0.5, 0.8, kNaN}));  // tie, lower loss
    CHECK_FALSE(EarlyStopping::improves("val_accuracy", {0.5, 0.8, kNaN}, {0.5, 0.8, kNaN}));  // a full tie
    CHECK(EarlyStopping::improves("val_auroc", {0.4, 0.5, 1.0}, {0.5, 0.5, 1.0}));  // AUROC saturated at 1
    CHECK_FALSE(EarlyStopping::improves("val_auroc", {0.1, 0.5, 0.8}, {0.5, 0.5, 0.9}));
    // While the best AUROC is undefined (one class in the validation set), a defined one or a lower loss
    // wins.
    CHECK(EarlyStopping::improves("val_auroc", {0.9, 0.5, 0.6}, {0.5, 0.5, kNaN}));
    CHECK(EarlyStopping::improves("val_auroc", {0.4, 0.5, kNaN}, {0.5, 0.5, kNaN}));
    CHECK_FALSE(EarlyStopping::improves("val_auroc", {0.6, 0.5, kNaN}, {0.5, 0.5, kNaN}));
}

TEST_CASE("early stopping: patience counts epochs without improvement; a stop on the last epoch is not early")
{
    OneWeight w;
    EarlyStopping a({&w.p}, "val_loss", /*patience=*/2, /*epochs=*/10);
    const Monitored first{1.0, kNaN, kNaN};
    CHECK(a.end_epoch(1, &first));  // the first epoch is always the best so far
    const Monitored worse{2.0, kNaN, kNaN}, better{0.5, kNaN, kNaN};
    CHECK_FALSE(a.end_epoch(2, &worse));
    CHECK_FALSE(a.stop());
    CHECK(a.end_epoch(3, &better));  // an improvement resets the count
    CHECK_FALSE(a.end_epoch(4, &worse));
    CHECK_FALSE(a.stop());
    CHECK_FALSE(a.end_epoch(5, &worse));
    CHECK(a.stop());
    CHECK(a.best_epoch() == 3);

    EarlyStopping last({&w.p}, "val_loss", /*patience=*/1, /*epochs=*/2);
    last.end_epoch(1, &better);
    last.end_epoch(2, &worse);
    CHECK_FALSE(last.stop());  // patience ran out on the last epoch: the run ends anyway

    EarlyStopping never({&w.p}, "val_loss", /*patience=*/0, /*epochs=*/5);
    never.end_epoch(1, &better);
    for (std::size_t e = 2; e <= 5; ++e) never.end_epoch(e, &worse);
    CHECK_FALSE(never.stop());
}

TEST_CASE(
    "early stopping: restore puts back the best epoch's weights; without validation the last epoch is best")
{
    OneWeight w;
    EarlyStopping s({&w.p}, "val_loss", 0, 10);
    w.set(7.0f);
    s.restore();  // before any epoch: nothing to restore, the weights stay
    CHECK(w.get() == 7.0f);
    const Monitored good{0.1, kNaN, kNaN}, bad{0.9, kNaN, kNaN};
    w.set(1.0f);
    s.end_epoch(1, &bad);
    w.set(2.0f);
    s.end_epoch(2, &good);
    w.set(3.0f);
    s.end_epoch(3, &bad);
    s.restore();
    CHECK(w.get() == 2.0f);
    CHECK(s.best_epoch() == 2);

    EarlyStopping none({&w.p}, "val_loss", 3, 10);
    w.set(4.0f);
    none.end_epoch(1, nullptr);
    w.set(5.0f);
    none.end_epoch(2, nullptr);
    w.set(6.0f);
    none.restore();
    CHECK(w.get() == 5.0f);
    CHECK(none.best_epoch() == 2);
}
