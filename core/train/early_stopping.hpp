// core/train/early_stopping.hpp: which epoch's weights a training run keeps, and when it stops early. One
// rule for every model family (sequence models, graphs, autoencoders; a GAN has no validation and keeps its
// last step):
//   EarlyStopping stop(task.params(), "val_auroc", /*patience=*/5, /*epochs=*/20);
//   stop.end_epoch(epoch, &validation);   // after each epoch; null when there is no validation set
//   if (stop.stop()) ...                  // `patience` epochs without improvement, before the last epoch
//   stop.restore();                       // the best epoch's weights back (at the run's end, or on cancel)
// The rule: the first epoch is the best so far; later ones improve on it by the monitored figure ("val_loss":
// lower; "val_accuracy": higher, a tie broken by lower loss; anything else, "val_auroc": higher AUROC, a tie
// broken by lower loss, and while the best AUROC is undefined (one class) any defined AUROC or a lower loss).
// A stop is early only when it comes before the last epoch. Without validation the last epoch is the best.
// The best weights are copied into buffers sized once, at construction: no allocation per epoch.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "../nn/layer.hpp"

namespace helix::train {

// The validation figures the monitor chooses on; NaN where a family has no such figure.
struct Monitored {
    double loss = std::nan(""), accuracy = std::nan(""), auroc = std::nan("");
};

class EarlyStopping {
public:
    EarlyStopping(std::vector<nn::Param*> params, std::string monitor, std::size_t patience,
                  std::size_t epochs);

    // True when `s` is better than `best` under `monitor` (the tie rule above).
    static bool improves(const std::string& monitor, const Monitored& s, const Monitored& best);

    // Records the end of (1-based) `epoch`: its validation figures, or null when there is no validation set.
    // Returns true when this epoch is the new best (its weights are then copied).
    bool end_epoch(std::size_t epoch, const Monitored* validation);
    bool stop() const { return stopped_early_; }            // patience ran out before the last epoch
    std::size_t best_epoch() const { return best_epoch_; }  // 0 before an epoch has ended
    const std::string& monitor() const { return monitor_; }
    // Puts the best epoch's weights back; nothing before the first epoch ends (a cancelled run keeps what it
    // learnt).
    void restore() const;

private:
    void keep();  // copies the current weights into best_

    std::vector<nn::Param*> params_;
    std::string monitor_;
    std::size_t patience_ = 0, epochs_ = 0;
    std::vector<Tensor> best_weights_;  // one per parameter, shaped at construction
    Monitored best_;
    std::size_t best_epoch_ = 0, since_best_ = 0;
    bool stopped_early_ = false;
};

}  // namespace helix::train
