// core/api/session.cpp: see session.hpp.
#include "session.hpp"

#include "json_errors.hpp"

namespace helix::api {

using nlohmann::json;

Session::~Session() = default;

void Session::drop_training()
{
    run_.reset();  // it refers to the task
    task_.reset();
}

Session::Training Session::refused(json result)
{
    Training t;
    t.result = std::move(result);
    return t;
}

Session::Training Session::refused(const std::string& field, const std::string& message)
{
    return refused(json{{"errors", one_error(field, message)}});
}

std::string Session::start_training(const std::string& input_text, const std::string& options_json)
{
    HELIX_ASSERT(ok());
    drop_training();
    const json options = json::parse(options_json, nullptr, false);
    const spec::RunOptionsResult run = spec::parse_run_options(options, run_defaults());
    if (!run.ok()) return json{{"errors", spec_errors_to_json(run.errors)}}.dump();
    Training t = prepare_training(input_text, options, run.options);
    if (t.task) {
        task_ = std::move(t.task);
        run_ = std::make_unique<train::TrainingRun>(*task_, t.options);
    }
    return t.result.dump();
}

std::string Session::train_step()
{
    HELIX_ASSERT(run_ && !run_->finished());
    return run_->step().dump();
}

void Session::cancel_training()
{
    if (run_) run_->cancel();
}

std::string Session::training_summary()
{
    if (!run_) return untrained_summary().dump();
    json s = run_->summary();
    complete_summary(s);
    return s.dump();
}

json Session::untrained_summary() const
{
    return {{"epochsRun", 0}, {"cancelled", false}, {"history", json::array()}};
}

void Session::complete_summary(json& summary)
{
    metadata_["test"] = summary["test"];
    metadata_["bestEpoch"] = summary["bestEpoch"];
}

std::string Session::save(const std::string& metadata_json) const
{
    const json extra = json::parse(metadata_json, nullptr, false);
    json meta = metadata_;
    if (extra.is_object()) meta.update(extra);
    return write_file(meta);
}

}  // namespace helix::api
