// core/train/early_stopping.cpp: see early_stopping.hpp.
#include "early_stopping.hpp"

#include <algorithm>

namespace helix::train {

EarlyStopping::EarlyStopping(std::vector<nn::Param*> params, std::string monitor, std::size_t patience,
                             std::size_t epochs)
    : params_(std::move(params)), monitor_(std::move(monitor)), patience_(patience), epochs_(epochs)
{
    best_weights_.reserve(params_.size());
    for (const nn::Param* p : params_) best_weights_.push_back(p->var.value());
}

bool EarlyStopping::improves(const std::string& monitor, const Monitored& s, const Monitored& best)
{
    if (monitor == "val_loss") return s.loss < best.loss;
    if (monitor == "val_accuracy")
        return s.accuracy > best.accuracy || (s.accuracy == best.accuracy && s.loss < best.loss);
    if (std::isnan(best.auroc)) return !std::isnan(s.auroc) || s.loss < best.loss;
    return s.auroc > best.auroc || (s.auroc == best.auroc && s.loss < best.loss);
}

void EarlyStopping::keep()
{
    // Same shapes as at construction (a parameter never changes shape), so the assignment copies in place.
    for (std::size_t i = 0; i < params_.size(); ++i)
        std::copy(params_[i]->var.value().begin(), params_[i]->var.value().end(), best_weights_[i].begin());
}

bool EarlyStopping::end_epoch(std::size_t epoch, const Monitored* validation)
{
    if (!validation) {  // nothing to choose on: the last epoch is the model
        best_epoch_ = epoch;
        keep();
        return true;
    }
    if (best_epoch_ == 0 || improves(monitor_, *validation, best_)) {
        best_ = *validation;
        best_epoch_ = epoch;
        since_best_ = 0;
        keep();
        return true;
    }
    if (patience_ > 0 && ++since_best_ >= patience_ && epoch < epochs_) stopped_early_ = true;
    return false;
}

void EarlyStopping::restore() const
{
    if (best_epoch_ == 0) return;
    for (std::size_t i = 0; i < params_.size(); ++i)
        std::copy(best_weights_[i].begin(), best_weights_[i].end(), params_[i]->var.value().begin());
}

}  // namespace helix::train
