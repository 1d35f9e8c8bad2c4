// core/api/gan_session.cpp: see gan_session.hpp.
#include "gan_session.hpp"

#include <cctype>
#include <cmath>

#include "../data/base_composition.hpp"
#include "../data/sequences.hpp"
#include "../io/gan_file.hpp"
#include "../motifs/motif_enrichment.hpp"
#include "../train/gan_task.hpp"
#include "json_errors.hpp"

namespace helix::api {

using nlohmann::json;

namespace {

constexpr int kMaxSamples = 100000;

// Reads the optional fields of an options object, an error per bad one.
struct Options {
    json opt;
    json errors = json::array();

    explicit Options(const std::string& text) : opt(json::parse(text, nullptr, false))
    {
        if (opt.is_discarded() || opt.is_null()) opt = json::object();
        if (!opt.is_object()) fail("options", "must be a JSON object");
    }
    bool has(const char* key) const { return opt.is_object() && opt.contains(key) && !opt[key].is_null(); }
    void fail(const std::string& field, const std::string& message)
    {
        errors.push_back({{"field", field}, {"message", field + ": " + message}});
    }
    template <class T>
    void integer(const char* key, T& out, long long lo, long long hi)
    {
        if (!has(key)) return;
        if (!opt[key].is_number_integer() || opt[key].get<long long>() < lo || opt[key].get<long long>() > hi)
            return fail(key, "must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
        out = static_cast<T>(opt[key].get<long long>());
    }
    void number(const char* key, float& out, double lo, double hi)
    {
        if (!has(key)) return;
        if (!opt[key].is_number() || !(opt[key].get<double>() >= lo && opt[key].get<double>() <= hi))
            return fail(key, "must be a number from " + json(lo).dump() + " to " + json(hi).dump());
        out = opt[key].get<float>();
    }
    // A motif of 1 to 50 bases A, C, G, T (either case), uppercased into `out`.
    void motif(const char* key, std::string& out)
    {
        if (!has(key)) return;
        std::string m = opt[key].is_string() ? opt[key].get<std::string>() : "";
        bool good = !m.empty() && m.size() <= 50;
        for (char& c : m) {
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            good = good && (c == 'A' || c == 'C' || c == 'G' || c == 'T');
        }
        if (!good) return fail(key, "must be 1 to 50 bases of A, C, G, T, got " + opt[key].dump());
        out = m;
    }
};

json composition_json(const std::vector<std::string>& sequences)
{
    json rows = json::array();
    for (const auto& r : data::base_composition(sequences)) rows.push_back({r[0], r[1], r[2], r[3]});
    return rows;
}

}  // namespace

GanSession::GanSession(const std::string& text, const std::string& kind)
{
    if (kind == "file") {
        io::LoadedGan loaded = io::load_gan(text);
        errors_ = spec_errors_to_json(loaded.errors);
        if (!loaded.gan) return;
        gan_ = std::move(loaded.gan);
        spec_ = gan_->spec();
        metadata_ = loaded.metadata;
        return;
    }
    nn::GanSpecResult spec = nn::parse_gan_spec_text(text);
    std::vector<nn::SpecError> errors = spec.errors;
    if (spec.ok()) gan_ = nn::Gan::build(spec.spec, errors);
    errors_ = spec_errors_to_json(errors);
    spec_ = spec.spec;
}

std::string GanSession::spec_json() const
{
    return nn::gan_spec_to_json(spec_).dump();
}

std::string GanSession::summary_json() const
{
    return gan_ ? gan_->summary_json().dump() : "null";
}

spec::RunOptions GanSession::run_defaults() const
{
    spec::RunOptions defaults;  // learning_rate 0: none given, the networks keep their own
    defaults.epochs = gan_->spec().training.epochs;
    defaults.batch_size = gan_->spec().training.batch_size;
    defaults.seed = gan_->spec().training.seed;
    return defaults;
}

Session::Training GanSession::prepare_training(const std::string& sequences_text, const json& options,
                                               const spec::RunOptions& run)
{
    Options o(options.dump());
    nn::GanSpec spec = gan_->spec();
    nn::GanTrainingSpec& t = spec.training;
    std::string motif;
    o.integer("steps", t.steps, 0, 100000000);
    o.integer("dSteps", t.d_steps, 1, 100);
    o.motif("motif", motif);
    if (!o.errors.empty()) return refused(json{{"errors", o.errors}});
    t.epochs = run.epochs;
    t.batch_size = run.batch_size;
    t.seed = run.seed;

    data::TableOptions topt;
    topt.require_labels = false;
    auto parsed = data::parse_sequences(sequences_text, topt);
    if (!parsed.ok())
        return refused(
            json{{"errors", input_errors_to_json(parsed.errors)}, {"moreErrors", parsed.more_errors}});
    const data::SequenceSet& set = parsed.value;
    data::ErrorCollector wrong;
    for (std::size_t i = 0; i < set.size(); ++i)
        if (set.sequences[i].size() != spec.length)
            wrong.add(set.lines[i], 1, "sequence",
                      "'" + set.ids[i] + "' has " + std::to_string(set.sequences[i].size()) +
                          " bases; this GAN " + "generates and learns from sequences of exactly " +
                          std::to_string(spec.length));
    if (wrong.total()) {
        data::Parsed<int> bad;
        wrong.move_into(bad);
        return refused(json{{"errors", input_errors_to_json(bad.errors)}, {"moreErrors", bad.more_errors}});
    }

    if (run.seed_given) {  // fresh weights from this seed
        nn::GanSpec fresh = gan_->spec();
        fresh.training.seed = t.seed;
        std::vector<nn::SpecError> errors;
        gan_ = nn::Gan::build(fresh, errors);
        HELIX_ASSERT(gan_);  // the same spec built before
    }
    // The optimizers come from the spec's, with the options' learning rate (both networks) over theirs.
    nn::OptimizerSpec d_optimizer = gan_->spec().discriminator.optimizer,
                      g_optimizer = gan_->spec().generator.optimizer;
    if (run.learning_rate > 0.0f) d_optimizer.learning_rate = g_optimizer.learning_rate = run.learning_rate;
    spec_ = gan_->spec();
    records_ = set.size();
    auto task = std::make_unique<train::GanTask>(*gan_, set.sequences, t, d_optimizer, g_optimizer, motif);
    Training training;
    training.options = task->run_options();
    training.result = {{"errors", json::array()}, {"records", records_}, {"steps", task->steps()}};
    training.task = std::move(task);
    return training;
}

json GanSession::untrained_summary() const
{
    return {{"stepsRun", 0}, {"cancelled", false}, {"history", json::array()}};
}

void GanSession::complete_summary(json& summary)
{
    summary["records"] = records_;
}

std::string GanSession::sample(int count, const std::string& options_json)
{
    HELIX_ASSERT(gan_);
    Options o(options_json);
    std::uint64_t seed = 1;
    float temperature = 1.0f;
    o.integer("seed", seed, 0, 9007199254740991LL);
    o.number("temperature", temperature, 0.0, 100.0);
    if (count < 1 || count > kMaxSamples)
        o.fail("count", "must be an integer from 1 to " + std::to_string(kMaxSamples) + ", got " +
                            std::to_string(count));
    if (!o.errors.empty()) return json{{"errors", o.errors}}.dump();
    const auto sequences = gan_->sample(static_cast<std::size_t>(count), seed, temperature);
    return json{
        {"errors", json::array()}, {"sequences", sequences}, {"composition", composition_json(sequences)}}
        .dump();
}

std::string GanSession::motif_enrichment(const std::string& motif, int count, const std::string& options_json)
{
    HELIX_ASSERT(gan_);
    Options o(options_json);
    std::uint64_t seed = 1;
    float temperature = 1.0f;
    std::size_t shuffles = 10;
    std::string strands = "forward", m;
    o.integer("seed", seed, 0, 9007199254740991LL);
    o.number("temperature", temperature, 0.0, 100.0);
    o.integer("shuffles", shuffles, 1, 1000);
    if (o.has("strands")) {
        strands = o.opt["strands"].is_string() ? o.opt["strands"].get<std::string>() : "";
        if (strands != "forward" && strands != "both") o.fail("strands", "must be \"forward\" or \"both\"");
    }
    o.opt["motif"] = motif;
    o.motif("motif", m);
    if (count < 1 || count > kMaxSamples)
        o.fail("count", "must be an integer from 1 to " + std::to_string(kMaxSamples) + ", got " +
                            std::to_string(count));
    if (!o.errors.empty()) return json{{"errors", o.errors}}.dump();
    const auto sequences = gan_->sample(static_cast<std::size_t>(count), seed, temperature);
    json e =
        motifs::enrichment_json(motifs::motif_enrichment(sequences, m, strands == "both", shuffles, seed), m);
    e["errors"] = json::array();
    return e.dump();
}

std::string GanSession::generate_from_noise(const std::string& noise_json)
{
    HELIX_ASSERT(gan_);
    const std::size_t Z = spec_.noise, L = spec_.length;
    json rows = json::parse(noise_json, nullptr, false);
    Options o("{}");
    if (!rows.is_array() || rows.empty() || rows.size() > static_cast<std::size_t>(kMaxSamples))
        o.fail("noise", "must be a JSON array of 1 to " + std::to_string(kMaxSamples) + " rows of " +
                            std::to_string(Z) + " numbers");
    else
        for (std::size_t i = 0; i < rows.size() && o.errors.size() < 20; ++i) {
            const std::string at = "noise[" + std::to_string(i) + "]";
            if (!rows[i].is_array() || rows[i].size() != Z) {
                o.fail(at, "must be " + std::to_string(Z) + " numbers (this GAN's noise size)");
                continue;
            }
            for (std::size_t j = 0; j < Z; ++j)
                if (!rows[i][j].is_number() || !std::isfinite(rows[i][j].get<double>()))
                    o.fail(at + "[" + std::to_string(j) + "]", "must be a finite number");
        }
    if (!o.errors.empty()) return json{{"errors", o.errors}}.dump();
    const std::size_t n = rows.size();
    Tensor z = Tensor::from_shape({n, Z});
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < Z; ++j) z(i, j) = rows[i][j].get<float>();
    Rng unused(0);  // the generator in inference mode draws nothing
    const Tensor p = gan_->generate(z, /*training=*/false, unused).value();
    json out = json::array();
    for (std::size_t i = 0; i < n; ++i) {
        json seq = json::array();
        for (std::size_t l = 0; l < L; ++l) {
            const float* row = p.data() + (i * L + l) * 4;
            seq.push_back({row[0], row[1], row[2], row[3]});
        }
        out.push_back(std::move(seq));
    }
    return json{{"errors", json::array()}, {"probabilities", std::move(out)}}.dump();
}

std::string GanSession::write_file(const json& metadata) const
{
    HELIX_ASSERT(gan_);
    return io::save_gan(*gan_, metadata);
}

}  // namespace helix::api
