// web/views/genome-source.js: "From genome files" in the data panel: a genome (with its index), peaks and an
// optional bigWig picked from disk are read by random access (File.slice: nothing is uploaded, a 3 GB genome is
// never read whole) and built into a training table by js/genome's buildDataset, the module `helix dataset`
// uses. The table lands in the data box as the user's own data, with counts per split, drops and the GC match.
// The genome readers load only when Build is pressed (web/vendor/helix-genome.mjs, bundled by scripts/build.sh).
import { h, uid } from './dom.js';
import { t } from '../strings.js';
import { MAX_TEXT_CHARS, MAX_TEXT_MB } from './input-limit.js';
import { GcHistogram } from './gc-histogram.js';

const GENOME_ACCEPT = '.fa,.fasta,.fna,.fai,.gz,.gzi,.2bit';
const PEAKS_ACCEPT = '.bed,.narrowPeak,.gz,.txt';

// The genome among picked files (not an index) and its .fai and .gzi, matched by name.
export function pickGenome(files) {
  const list = [...files];
  const genome = list.find((f) => !/\.(fai|gzi)$/i.test(f.name));
  if (!genome) return null;
  const named = (suffix) => list.find((f) => f.name === `${genome.name}${suffix}`);
  return { genome, fai: named('.fai'), gzi: named('.gzi') };
}

export class GenomeSource {
  // onBuilt(table) with the built table's text; the panel makes it the user's own data.
  constructor(container, { onBuilt }) {
    this.onBuilt = onBuilt;
    this.controller = null;
    const field = (label, input, hint = '') =>
      h(
        'div',
        { className: 'field' },
        h('label', { for: input.id }, label),
        input,
        hint && h('span', { className: 'hint' }, hint),
      );
    const fileInput = (testid, accept, multiple = false) =>
      h('input', { type: 'file', id: uid(testid), accept, multiple, dataset: { testid } });
    this.genomeInput = fileInput('genome-file', GENOME_ACCEPT, true);
    this.peaksInput = fileInput('peaks-file', PEAKS_ACCEPT);
    this.bigwigInput = fileInput('bigwig-file', '.bw,.bigWig,.bigwig');
    this.length = h('input', {
      type: 'number',
      id: uid('genome-length'),
      min: 10,
      max: 5000,
      value: 200,
      dataset: { testid: 'genome-length' },
    });
    this.negatives = h(
      'select',
      { id: uid('genome-negatives'), dataset: { testid: 'genome-negatives' } },
      h('option', { value: 'gc' }, t('genomeNegativesGc')),
      h('option', { value: 'shuffle' }, t('genomeNegativesShuffle')),
    );
    this.valid = h('input', {
      type: 'text',
      id: uid('genome-valid'),
      placeholder: 'chr8,chr9',
      dataset: { testid: 'genome-valid' },
    });
    this.test = h('input', {
      type: 'text',
      id: uid('genome-test'),
      placeholder: 'chr1,chr2',
      dataset: { testid: 'genome-test' },
    });
    this.button = h(
      'button',
      { type: 'button', dataset: { testid: 'build-dataset' }, onclick: () => this.build() },
      t('genomeBuild'),
    );
    this.cancelButton = h(
      'button',
      { type: 'button', className: 'secondary', hidden: true, onclick: () => this.controller?.abort() },
      t('genomeCancel'),
    );
    this.status = h('p', { className: 'summary', 'aria-live': 'polite', dataset: { testid: 'genome-summary' } });
    this.error = h('p', { className: 'error', role: 'alert', hidden: true, dataset: { testid: 'genome-error' } });
    this.element = h(
      'details',
      { className: 'genome-source', dataset: { testid: 'genome-source' } },
      h('summary', {}, t('genomeTitle')),
      h('p', { className: 'hint' }, t('genomeHint')),
      field(t('genomeFileLabel'), this.genomeInput, t('genomeFileHint')),
      field(t('genomePeaksLabel'), this.peaksInput),
      field(t('genomeBigwigLabel'), this.bigwigInput),
      field(t('genomeLength'), this.length),
      field(t('genomeNegatives'), this.negatives),
      field(t('genomeValid'), this.valid),
      field(t('genomeTest'), this.test),
      h('div', { className: 'file-row' }, this.button, this.cancelButton),
      this.status,
      this.error,
    );
    this.histogram = new GcHistogram(this.element);
    container.append(this.element);
  }

  set hidden(flag) {
    this.element.hidden = flag;
  }

  async build() {
    this.error.hidden = true;
    this.histogram.hidden = true;
    const picked = pickGenome(this.genomeInput.files);
    const peaks = this.peaksInput.files[0];
    if (!picked || !peaks) return this.#fail(t('genomeNeedFiles'));
    const list = (input) =>
      input.value.trim()
        ? input.value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined;
    this.controller = new AbortController();
    this.button.disabled = true;
    this.cancelButton.hidden = false;
    try {
      const { buildDataset } = await import('../vendor/helix-genome.mjs');
      const built = await buildDataset({
        genome: picked.genome,
        fai: picked.fai,
        gzi: picked.gzi,
        peaks,
        bigwig: this.bigwigInput.files[0],
        length: Number(this.length.value),
        negatives: this.negatives.value,
        valid: list(this.valid),
        test: list(this.test),
        checksums: false, // the page keeps no manifest file; hashing a 3 GB genome would take a minute
        signal: this.controller.signal,
        onProgress: (p) => {
          this.status.textContent = t('genomeProgress', {
            stage: t(`genomeStage_${p.stage}`),
            done: p.done,
            total: p.total,
          });
        },
      });
      const table = built.table;
      if (table.length > MAX_TEXT_CHARS) {
        return this.#fail(t('genomeTooBig', { size: (table.length / 1e6).toFixed(1), limit: MAX_TEXT_MB }));
      }
      const { counts: c, dropped, gc } = built.manifest;
      this.histogram.show(gc);
      const split = (s) => `${c[s].positives} + ${c[s].negatives}`;
      this.status.textContent = t('genomeBuilt', {
        rows: built.manifest.table.rows,
        train: split('train'),
        valid: split('valid'),
        test: split('test'),
        dropped: dropped.tooManyN.positives + dropped.tooManyN.negatives,
        ks: gc.ks.toFixed(3),
      });
      this.onBuilt(table);
    } catch (e) {
      if (e.name === 'AbortError') this.status.textContent = t('genomeCancelled');
      else
        this.#fail(
          e.errors ? e.errors.map((x) => `${e.file ?? ''}${e.file ? ': ' : ''}${x.message}`).join('\n') : e.message,
        );
    } finally {
      this.button.disabled = false;
      this.cancelButton.hidden = true;
      this.controller = null;
    }
  }

  #fail(message) {
    this.status.textContent = '';
    this.error.textContent = message;
    this.error.hidden = false;
  }
}
