// js/genome/index.js: genome files read locally, by random access (README "Genome files"): a genome (FASTA+fai,
// bgzip FASTA+fai+gzi, 2bit), regions (BED, narrowPeak), signal (bigWig), and the dataset built from them.
export { openGenome, Genome } from './genome.js';
export { buildFastaIndex } from './fai.js';
export { readRegions } from './regions.js';
export { openBigWig } from './signal.js';
export { vcfAllelePairs } from './vcf-variants.js';
export { buildDataset, SPLITS, DEFAULTS } from './dataset.js';
export { chromosomeSplits, DEFAULT_VALID, DEFAULT_TEST } from './chrom-splits.js';
export { dinucleotideShuffle } from './dinucleotide-shuffle.js';
export { gcHistogram, ksStatistic, GC_BINS } from './gc-histogram.js';
export { nearMisses } from './chrom-names.js';
export { openSource } from './file-source.js';
