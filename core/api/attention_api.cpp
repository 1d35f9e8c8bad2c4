// core/api/attention_api.cpp: see attention_api.hpp.
#include "attention_api.hpp"

#include "../infer/prepared_input.hpp"
#include "../nn/head_kind.hpp"
#include "../nn/transformer_layers.hpp"
#include "json_errors.hpp"

namespace helix::api {

using nlohmann::json;

namespace {

// The model's transformer blocks, in spec order.
std::vector<nn::TransformerBlock*> transformer_blocks(nn::Model& model)
{
    std::vector<nn::TransformerBlock*> blocks;
    for (const auto& l : model.spec().layers)
        if (l.type == "transformer_block")
            if (auto* b = dynamic_cast<nn::TransformerBlock*>(model.layer(l.name))) blocks.push_back(b);
    return blocks;
}

}  // namespace

std::string attention_session_json(ModelSession& session, const std::string& text,
                                   const std::string& options_json)
{
    if (!session.ok())
        return error_result(one_error("model", "model: the model was not built (see its spec errors)"))
            .dump();
    nn::Model& model = *session.model();
    const std::vector<nn::TransformerBlock*> blocks = transformer_blocks(model);
    if (blocks.empty() || model.dna_input() < 0)
        return error_result(one_error("model",
                                      "model: it has no transformer_block layer over DNA; attention maps "
                                      "show what a transformer's heads attend to"))
            .dump();

    json errors = json::array();
    const json opt = read_options(options_json, {"record"}, errors);
    if (!errors.empty()) return error_result(errors).dump();

    infer::Prepared p =
        infer::prepare(model, text, infer::table_options(model, "", /*require_labels=*/false));
    if (!p.errors.is_null()) {
        json out = {{"errors", json::array()}, {"moreErrors", 0}};
        return out.update(p.errors), out.dump();
    }
    if (p.ex.size() == 0)
        return error_result(one_error("text", "text: no sequence to read the attention of")).dump();
    std::size_t record = 0;
    if (opt.contains("record")) {
        const json& r = opt["record"];
        if (!r.is_number_integer() || r.get<long long>() < 0 ||
            r.get<long long>() >= static_cast<long long>(p.ex.size()))
            return error_result(one_error("record", "record: " + r.dump() + " is not a record index (0.." +
                                                        std::to_string(p.ex.size() - 1) + ")"))
                .dump();
        record = r.get<std::size_t>();
    }

    for (auto* b : blocks) b->keep_attention(true);
    Rng rng(1);
    const std::vector<Var> logits =
        model.forward_heads(infer::encode_inputs(model, p.ex, {record}), /*training=*/false, rng);
    for (auto* b : blocks) b->keep_attention(false);

    const nn::HeadKind& kind = nn::head_kind(model.spec().heads[0].loss);
    const std::size_t K = model.head_outputs(0);
    std::vector<float> prediction(K);
    const std::size_t L = model.head_positions(0);  // a profile head: positions × strands
    kind.predict(logits[0].value().data(), L, K / L, prediction.data());

    json out = {{"errors", json::array()},
                {"moreErrors", 0},
                {"id", p.set.ids[record]},
                {"sequence", p.ex.sequences[record]}};
    out["score"] = K == 1 ? json(prediction[0]) : json(prediction);
    out["layers"] = json::array();
    for (auto* b : blocks) {
        const Tensor& a = b->attention();  // (1, H, L, L)
        const std::size_t H = a.shape()[1], L = a.shape()[2];
        json heads = json::array();
        for (std::size_t h = 0; h < H; ++h) {
            json rows = json::array();
            for (std::size_t i = 0; i < L; ++i) {
                const float* row = a.data() + (h * L + i) * L;
                rows.push_back(std::vector<float>(row, row + L));
            }
            heads.push_back(std::move(rows));
        }
        out["layers"].push_back(
            {{"name", b->name()}, {"heads", H}, {"length", L}, {"weights", std::move(heads)}});
    }
    return out.dump();
}

}  // namespace helix::api
