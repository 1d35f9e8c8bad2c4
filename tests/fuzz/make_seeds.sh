#!/usr/bin/env bash
# tests/fuzz/make_seeds.sh: regenerates the seed corpora tests/fuzz/seeds/<target>/ from the repository's own
# inputs (small slices of web/data, tests/fixtures and the presets) and tiny models trained for one epoch by the
# CLI (needs the wasm build: bash scripts/build.sh). Targets whose input starts with an options byte (see each
# tests/fuzz/fuzz_*.cpp) get it prepended here. Crash regressions (seeds/<target>/regression-*) are kept.
set -euo pipefail
cd "$(dirname "$0")/../.."
seeds=tests/fuzz/seeds
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for t in fasta table graph motif model_file spec variants; do
  mkdir -p "$seeds/$t"
  find "$seeds/$t" -type f ! -name 'regression-*' -delete
done
byte() { printf "\\$(printf '%03o' "$1")"; }  # one raw byte, the options byte of a target
crlf() { sed 's/$/\r/'; }
gz_head() { { zcat "$1" || true; } | head -n "$2"; }  # zcat stops early on SIGPIPE: not an error here

# fasta: FASTA, plain lines, a table (parse_sequences detects the format)
cp web/data/gata-predict.fa "$seeds/fasta/gata-predict.fa"
head -n 8 web/data/gan-motif.fa > "$seeds/fasta/gan-motif-head.fa"
head -n 8 web/data/gan-motif.fa | crlf > "$seeds/fasta/gan-motif-crlf.fa"
{ printf '\xEF\xBB\xBF'; printf '>one first record\nACGTNRYSWK\nmbdhv\n\n>two\nacgtacgt\n'; } > "$seeds/fasta/bom-iupac.fa"
head -n 6 web/data/gan-motif.fa | grep -v '^>' > "$seeds/fasta/lines.txt"
head -n 6 web/data/gata-test.tsv > "$seeds/fasta/table.tsv"

# table: byte 0 = options (1 labels required, 2 three classes, 4 tasks gata1/tal1, 8 features accessibility/gc,
# 16 label column "class", 32 features only, 64 numeric tasks dev/hk (regression), 128 profile columns
# counts_plus/counts_minus of 3 positions, or of the first row's length with 16); then the table, or a matrix
# NUL its metadata table
{ byte 1; head -n 12 web/data/gata-example.tsv; } > "$seeds/table/gata-example.tsv"
{ byte 1; head -n 6 web/data/gata-example.tsv | crlf; } > "$seeds/table/gata-example-crlf.tsv"
{ byte 3; head -n 6 web/data/uci-splice.tsv; } > "$seeds/table/uci-splice.tsv"
{ byte 4; head -n 8 web/data/multitask.tsv; } > "$seeds/table/multitask.tsv"
{ byte 9; head -n 8 web/data/multimodal.tsv | sed '1s/conservation/gc/'; } > "$seeds/table/multimodal.tsv"
{ byte 40; printf 'accessibility,gc,label\n0.5,1e-3,1\n-2,0,0\n'; } \
  > "$seeds/table/features-only.csv"
{ byte 0; gz_head web/data/pbmc3k/expression-500.tsv.gz 6 | cut -f1-8; printf '\0';
  head -n 6 web/data/pbmc3k/cells.tsv | cut -f1,8 | sed '1s/classified/label/'; } > "$seeds/table/pbmc3k-matrix.tsv"
{ byte 0; printf 'cell,"A B",C\nc1,1.5,-2e3\n"c2",0,7\n'; } > "$seeds/table/matrix-quoted.csv"
{ byte 64; printf 'id\tsequence\tdev\thk\nr1\tACGTAC\t1.25\t-0.5\nr2\tGGCATT\t3e-1\t2\n'; } \
  > "$seeds/table/regression.tsv"
{ byte 128; printf 'id\tsequence\tcounts_plus\tcounts_minus\nr1\tACGTAC\t0,2,1\t1, 0 ,4\nr2\tGGCATT\t0,0,0\t3,0,1\n'; } \
  > "$seeds/table/profile.tsv"

# graph: byte 0 = feature count (0 = from the table, else 1..8); nodes table NUL edges table
cora_nodes=$(head -n 30 web/data/cora/nodes.tsv | cut -f1 | tail -n +2 | paste -sd'|')
{ byte 0; head -n 30 web/data/cora/nodes.tsv; printf '\0'; head -n 1 web/data/cora/edges.tsv;
  grep -E "^($cora_nodes)\s($cora_nodes)\s*$" web/data/cora/edges.tsv | head -n 20 || true; } > "$seeds/graph/cora.tsv"
gm_nodes=$(head -n 40 web/data/graph-motifs/nodes.tsv | cut -f1 | tail -n +2 | paste -sd'|')
{ byte 0; head -n 40 web/data/graph-motifs/nodes.tsv; printf '\0'; head -n 1 web/data/graph-motifs/edges.tsv;
  grep -E "^($gm_nodes)\s($gm_nodes)\s*$" web/data/graph-motifs/edges.tsv | head -n 60 || true; } > "$seeds/graph/graph-motifs.tsv"
{ byte 3; printf 'node,label,split,f0,f1,f2\na,0,train,1,0,0.5\nb,1,test,0,1,0\nc,-1,val,0,0,1\n\0source,target\na,b\nb,a\nc,c\n'; } \
  > "$seeds/graph/dense-features.csv"

# motif: JASPAR and MEME
cp web/data/jaspar/GATA1_TAL1.jaspar "$seeds/motif/GATA1_TAL1.jaspar"
awk '/^MOTIF/ { n++ } n <= 2' tests/fixtures/JASPAR2020_CORE_vertebrates_non-redundant_pfms.meme > "$seeds/motif/jaspar2020-head.meme"

# spec: byte 0 = kind (0 sequence model, 1 graph model, 2 autoencoder, 3 GAN); every preset's spec
node --input-type=module -e '
  import { writeFileSync } from "node:fs";
  import * as p from "./js/presets.js";
  const kinds = [["PRESETS", 0], ["GRAPH_PRESETS", 1], ["AUTOENCODER_PRESETS", 2], ["GAN_PRESETS", 3]];
  for (const [table, kind] of kinds)
    for (const [name, spec] of Object.entries(p[table]))
      writeFileSync(`'"$seeds"'/spec/${name}.json`, Buffer.concat([Buffer.from([kind]), Buffer.from(JSON.stringify(spec, null, 1))]));
'

# model_file: byte 0 = kind (as spec); tiny models of each kind trained for one epoch by the CLI
cat > "$tmp/seq.json" <<'JSON'
{"name": "tiny", "input": {"name": "dna", "length": null},
 "layers": [{"type": "conv1d", "name": "conv1", "filters": 3, "kernel_size": 4, "activation": "relu"},
            {"type": "global_max_pool"}, {"type": "dense", "name": "out", "units": 1}],
 "training": {"epochs": 1, "batch_size": 8, "seed": 1}}
JSON
cat > "$tmp/graph.json" <<'JSON'
{"name": "tiny-gcn", "task": "graph_classification", "structural_features": "degree",
 "layers": [{"type": "graph_conv", "name": "gc1", "units": 3, "activation": "relu"},
            {"type": "graph_readout", "name": "readout", "mode": "max"}, {"type": "dense", "name": "out"}],
 "loss": "softmax_cross_entropy", "training": {"epochs": 1, "batch_size": 4, "seed": 1}}
JSON
cat > "$tmp/ae.json" <<'JSON'
{"name": "tiny-ae", "type": "autoencoder", "encoder": [{"type": "dense", "name": "enc1", "units": 3, "activation": "relu"}],
 "latent": {"units": 2}, "decoder": [], "training": {"epochs": 1, "batch_size": 8, "seed": 1}}
JSON
cat > "$tmp/gan.json" <<'JSON'
{"name": "tiny-gan", "type": "gan", "length": 8, "noise": 2,
 "generator": {"layers": [{"type": "dense", "name": "project", "units": 16}, {"type": "reshape", "target_shape": [4, 4]},
                          {"type": "upsample1d", "size": 2}, {"type": "softmax", "name": "bases"}]},
 "discriminator": {"layers": [{"type": "conv1d", "name": "scan", "filters": 2, "kernel_size": 3},
                              {"type": "global_max_pool"}, {"type": "dense", "name": "real", "units": 1}]},
 "training": {"epochs": 1, "batch_size": 8, "seed": 1}}
JSON
head -n 41 web/data/gata-example.tsv > "$tmp/seq.tsv"
node bin/helix.mjs simulate --kind graph-motifs --count 12 --seed 1 --out "$tmp/graphs" 2>/dev/null
gz_head web/data/pbmc3k/expression-500.tsv.gz 41 | cut -f1-6 > "$tmp/matrix.tsv"
printf '>s\nACGTACGT\n%.0s' $(seq 24) > "$tmp/gan.fa"
node bin/helix.mjs train --spec "$tmp/seq.json" --data "$tmp/seq.tsv" --out "$tmp/seq.model" 2>/dev/null
node bin/helix.mjs train --spec "$tmp/graph.json" --nodes "$tmp/graphs/nodes.tsv" --edges "$tmp/graphs/edges.tsv" \
  --out "$tmp/graph.model" 2>/dev/null
node bin/helix.mjs train --spec "$tmp/ae.json" --matrix "$tmp/matrix.tsv" --out "$tmp/ae.model" 2>/dev/null
node bin/helix.mjs train --spec "$tmp/gan.json" --data "$tmp/gan.fa" --out "$tmp/gan.model" 2>/dev/null
for kind in seq:0 graph:1 ae:2 gan:3; do
  { byte "${kind#*:}"; cat "$tmp/${kind%:*}.model"; } > "$seeds/model_file/${kind%:*}.json"
done

# variants: byte 0 = numeric columns (1 accessibility, 2 gc); both layouts
{ byte 0; cat web/data/gata-variants.tsv; } > "$seeds/variants/gata-variants.tsv"
{ byte 3; printf 'id,ref_sequence,alt_sequence,accessibility,gc\nv1,ACGTTGATAAG,ACGTTGCTAAG,0.5,0.4\nv2,acgt,acgg,1,-1e-2\n'; } \
  > "$seeds/variants/pairs.csv"
du -sh "$seeds"
