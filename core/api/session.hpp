// core/api/session.hpp: what every model family's session shares, as the outside world (the wasm bindings,
// the CLI and the page's worker through js/session.js) uses it: text in, JSON text out, nothing thrown on
// user input (every problem comes back as {"errors": [{"field", "message", "line"?, "column"?}]}).
//   ok(), errors_json()             the spec or file was read (errors: [] when it was)
//   spec_json(), summary_json()     the family's spec and its layers
//   start_training(input, options)  input: the training data of a family that takes it here (sequence models:
//                                   labelled records; GANs: sequences), "" for one that loaded it before
//                                   (graphs, autoencoders: load()); options: a JSON object whose run fields
//                                   ({"epochs", "batchSize", "learningRate", "seed", "patience",
//                                   "validationFraction", "testFraction"}, core/spec/training_options) are
//                                   read here over the family's defaults, the family reading its own fields
//   train_step(), training_finished(), cancel_training(), training_summary()
//                                   the TrainingRun's events and summary (core/train/training_run.hpp)
//   save(metadata), metadata_json() the model file (core/io/model_file), with the session's metadata and the
//                                   caller's over it
//
// Adding a model family: derive core/api/<family>_session from Session. Its constructor reads the spec or the
// model file (text, kind "spec" | "file") into errors_ and metadata_; it implements spec_json(),
// summary_json(), run_defaults(), prepare_training() (checks the data, returns its TrainingTask,
// core/train/<family>_task, with the run's options, or the errors) and write_file(); it may add to the
// summary (complete_summary); and it adds only its extras (predict, encode, sample...).
// wasm/bind_<family>.cpp binds `class_<X, base<Session>>` with its constructor and those extras; Session
// itself is bound once (wasm/bind_session.cpp).
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "../spec/training_options.hpp"
#include "../train/training_run.hpp"
#include "../train/training_task.hpp"

namespace helix::api {

class Session {
public:
    virtual ~Session();

    virtual bool ok() const { return errors_.empty(); }  // the spec or file was read
    std::string errors_json() const { return errors_.dump(); }
    virtual std::string spec_json() const = 0;
    virtual std::string summary_json() const = 0;  // null before a model has weights

    // {"errors": [], ...the family's fields} when the run can start, else {"errors": [...], ...}. Any run
    // before is dropped first. A "seed" among the options gives fresh weights (same seed, same run); without
    // one training goes on from the current weights.
    std::string start_training(const std::string& input_text, const std::string& options_json);
    std::string train_step();  // one event (core/train/training_run.hpp)
    bool training_finished() const { return !run_ || run_->finished(); }
    void cancel_training();
    // The run's summary and the family's fields; before any run, untrained_summary().
    std::string training_summary();

    std::string save(const std::string& metadata_json) const;
    std::string metadata_json() const { return metadata_.dump(); }

protected:
    // A family's answer to start_training: the task (and the run's options) when training can start, and what
    // start_training returns (`result`: {"errors": []} and the family's fields, or {"errors": [...], ...}).
    struct Training {
        nlohmann::json result = {{"errors", nlohmann::json::array()}};
        std::unique_ptr<train::TrainingTask> task;
        train::RunOptions options;
    };
    static Training refused(nlohmann::json result);  // no run: `result` says why
    static Training refused(const std::string& field, const std::string& message);

    // The run options' defaults: the spec's training and optimizer sections (learning_rate 0: none given).
    virtual spec::RunOptions run_defaults() const = 0;
    // Called with the run options read (and valid) over run_defaults(); `options` is the whole options
    // object, for the family's own fields.
    virtual Training prepare_training(const std::string& input_text, const nlohmann::json& options,
                                      const spec::RunOptions& run) = 0;
    // The family's fields of the summary, and what the metadata keeps of it: by default "test" and
    // "bestEpoch".
    virtual void complete_summary(nlohmann::json& summary);
    // The summary before any run: {"epochsRun": 0, "cancelled": false, "history": []}.
    virtual nlohmann::json untrained_summary() const;
    virtual std::string write_file(const nlohmann::json& metadata) const = 0;
    // Drops the run and its task: before the weights or the data they refer to are replaced.
    void drop_training();

    nlohmann::json errors_ = nlohmann::json::array();
    nlohmann::json metadata_ = nlohmann::json::object();

private:
    std::unique_ptr<train::TrainingTask> task_;
    std::unique_ptr<train::TrainingRun> run_;  // drives task_
};

}  // namespace helix::api
