// web/views/filter-logos.js: what the first convolution layer learnt, one sequence logo per filter. Each
// filter's position frequency matrix comes from the windows that activate it most (the engine's motifs());
// a letter's height is its frequency times the position's information content (bits, at most 2), and the
// best matches in a motif database (JASPAR CORE vertebrates unless the user opens a JASPAR or MEME file) are
// listed under it. Filters are sorted by their best match's score. A "Learned motifs" button asks app.js to
// compute; nothing is computed here.
import { h, svg, downloadText } from './dom.js';
import { t } from '../strings.js';
import { ErrorBox } from './error-box.js';
import { letter } from './logo-glyphs.js';
import { exportButtons } from './figure-export.js';
import { bytesToText } from '../examples.js';
import { BASES } from './palette.js';

const COLUMN = 24;
const HEIGHT = 110;
const MARGIN = { left: 34, right: 6, top: 8, bottom: 22 };
const MAX_BITS = 2;
const MATCHES_SHOWN = 3;
const SHOWN_FIRST = 12; // logos shown before "Show all"
const MIN_LETTER = 1.5; // px: a flatter letter is a smear, not a letter

// Information content (bits) of one PFM column [pA, pC, pG, pT].
export const informationContent = (column) =>
  MAX_BITS + column.reduce((sum, p) => sum + (p > 0 ? p * Math.log2(p) : 0), 0);

// Letter heights (bits) per position, smallest first (drawn from the bottom, so the commonest base is on top).
export function logoColumns(pfm, ic) {
  return pfm.map((column, i) => {
    const bits = Number.isFinite(ic?.[i]) ? ic[i] : informationContent(column);
    return BASES.map((base, k) => ({ base, bits: Math.max(0, column[k] * bits) })).sort((a, b) => a.bits - b.bits);
  });
}

const bestScore = (filter) => (filter.matches?.length ? Math.max(...filter.matches.map((m) => m.score)) : -Infinity);

// Filters with the best-matching first; unmatched ones after, the most informative first.
export const sortFilters = (filters) =>
  [...filters].sort(
    (a, b) =>
      bestScore(b) - bestScore(a) || (b.informationContent ?? 0) - (a.informationContent ?? 0) || a.index - b.index,
  );

// The logo of one filter as an SVG.
function logoSvg(filter) {
  const columns = logoColumns(filter.pfm, filter.ic);
  const width = MARGIN.left + MARGIN.right + columns.length * COLUMN;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (bits) => MARGIN.top + plotH - (bits / MAX_BITS) * plotH;
  const letters = columns.flatMap((stack, i) => {
    let bottom = 0;
    return stack.map(({ base, bits }) => {
      const height = (bits / MAX_BITS) * plotH;
      const glyph =
        height >= MIN_LETTER ? letter(base, MARGIN.left + i * COLUMN + 1, y(bottom + bits), COLUMN - 2, height) : null;
      bottom += bits;
      return glyph;
    });
  });
  const axis = svg(
    'g',
    { 'font-size': 10, fill: '#1b1f24' },
    svg('line', { x1: MARGIN.left - 3, x2: MARGIN.left - 3, y1: y(MAX_BITS), y2: y(0), stroke: '#4f5965' }),
    [0, 1, 2].map((b) => svg('text', { x: MARGIN.left - 6, y: y(b) + 3, 'text-anchor': 'end' }, String(b))),
    svg(
      'text',
      { transform: `translate(9 ${MARGIN.top + plotH / 2}) rotate(-90)`, 'text-anchor': 'middle' },
      t('logoBits'),
    ),
    columns.map((_, i) =>
      svg('text', { x: MARGIN.left + (i + 0.5) * COLUMN, y: HEIGHT - 8, 'text-anchor': 'middle' }, String(i + 1)),
    ),
  );
  return svg(
    'svg',
    {
      viewBox: `0 0 ${width} ${HEIGHT}`,
      width,
      height: HEIGHT,
      role: 'img',
      class: 'logo-svg',
      'font-family': 'system-ui, sans-serif',
      'aria-label': t('logoAria', { name: filter.name, consensus: filter.consensus ?? '', width: columns.length }),
    },
    axis,
    ...letters.filter(Boolean),
  );
}

// The PFM and information content of one filter as TSV.
const pfmTsv = (filter) =>
  [
    'position\tA\tC\tG\tT\tic',
    ...filter.pfm.map((c, i) => `${i + 1}\t${c.join('\t')}\t${filter.ic?.[i] ?? informationContent(c)}`),
  ].join('\n') + '\n';

// Every filter's matches as TSV (one row per match; a filter without a match has one row with empty cells).
export function matchesTsv(filters) {
  const rows = ['filter\tconsensus\tsites\tinformation_content\trank\tmotif_id\tmotif_name\tscore\tstrand\toffset'];
  for (const f of filters) {
    const head = [f.name, f.consensus ?? '', f.sites ?? '', f.informationContent ?? ''].map((v) =>
      String(v).replace(/[\t\r\n]+/g, ' '),
    );
    if (!f.matches?.length) rows.push([...head, '', '', '', '', '', ''].join('\t'));
    f.matches?.forEach((m, k) =>
      rows.push(
        [...head, k + 1, m.id, m.name, m.score, m.strand, m.offset ?? '']
          .map((v) => String(v).replace(/[\t\r\n]+/g, ' '))
          .join('\t'),
      ),
    );
  }
  return rows.join('\n') + '\n';
}

export class FilterLogos {
  // onCompute({db, dbName}): db is the text of the user's motif file, or undefined for the shipped JASPAR set.
  constructor(container, { onCompute = () => {} } = {}) {
    this.database = null; // {text, name} of a motif file the user opened
    this.button = h(
      'button',
      {
        type: 'button',
        className: 'primary',
        disabled: true,
        dataset: { testid: 'motifs-button' },
        onclick: () => onCompute(this.#dbOptions()),
      },
      t('motifsButton'),
    );
    const fileInput = h('input', {
      type: 'file',
      hidden: true,
      accept: '.jaspar,.meme,.txt,.pfm,text/plain',
      onchange: () => {
        if (fileInput.files[0]) this.#readDatabase(fileInput.files[0]);
        fileInput.value = '';
      },
    });
    this.dbButton = h(
      'button',
      { type: 'button', className: 'secondary', onclick: () => fileInput.click() },
      t('motifsOpenDb'),
    );
    this.dbReset = h(
      'button',
      { type: 'button', className: 'link', hidden: true, onclick: () => this.#setDatabase(null) },
      t('motifsShippedDb'),
    );
    this.dbText = h('span', { className: 'hint', dataset: { testid: 'motifs-db' } }, t('motifsDbShipped'));
    this.busy = h('progress', { hidden: true, 'aria-label': t('motifsBusy') });
    this.status = h('p', { className: 'explain-status', role: 'status', 'aria-live': 'polite' });
    this.list = h('div', { className: 'filter-logos' });
    this.moreButton = h('button', {
      type: 'button',
      className: 'secondary',
      hidden: true,
      dataset: { testid: 'motifs-more' },
      onclick: () => this.#showAll(),
    });
    this.exportButton = h(
      'button',
      {
        type: 'button',
        className: 'secondary',
        hidden: true,
        dataset: { testid: 'motifs-export' },
        onclick: () => downloadText(matchesTsv(this.filters), 'helix-filter-matches.tsv', 'text/tab-separated-values'),
      },
      t('motifsExport'),
    );
    this.element = h(
      'div',
      { className: 'motifs-panel', dataset: { testid: 'motifs-panel' } },
      h('h3', {}, t('motifsTitle')),
      h('p', { className: 'hint' }, t('motifsIntro')),
      h('div', { className: 'button-row' }, this.button, this.dbButton, fileInput, this.dbText, this.dbReset),
      this.status,
      this.busy,
    );
    this.errors = new ErrorBox(this.element, { testid: 'motifs-error' });
    this.element.append(this.list, h('div', { className: 'button-row' }, this.moreButton, this.exportButton));
    container.append(this.element);
    this.filters = [];
  }

  setEnabled(flag) {
    this.button.disabled = !flag || !this.busy.hidden;
  }

  start() {
    this.errors.clear();
    this.busy.hidden = false;
    this.button.disabled = true;
    this.element.setAttribute('aria-busy', 'true');
    this.status.textContent = t('motifsRunning');
  }

  // result: the engine's motifs() answer.
  show(result) {
    this.#done();
    this.filters = sortFilters(result.filters ?? []);
    const matched = this.filters.filter((f) => f.matches?.length).length;
    this.status.textContent = t('motifsSummary', {
      filters: this.filters.length,
      layer: result.layer ?? '',
      sequences: result.sequencesUsed ?? 0,
      database: result.database?.name ?? '',
      motifs: result.database?.motifs ?? 0,
      matched,
    });
    this.list.replaceChildren(...this.filters.slice(0, SHOWN_FIRST).map((f) => this.#figure(f)));
    this.moreButton.textContent = t('motifsShowAll', { count: this.filters.length });
    this.moreButton.hidden = this.filters.length <= SHOWN_FIRST;
    this.exportButton.hidden = this.filters.length === 0;
  }

  showError(err) {
    this.#done();
    const inDatabase = this.database && err.errors?.some((e) => e.field === 'db');
    this.status.textContent = inDatabase ? t('motifsDbErrors', { name: this.database.name }) : '';
    this.errors.show(err.errors?.length ? err.errors : err.message, { moreErrors: err.moreErrors ?? 0 });
  }

  clear() {
    this.filters = [];
    this.list.replaceChildren();
    this.moreButton.hidden = true;
    this.status.textContent = '';
    this.errors.clear();
    this.exportButton.hidden = true;
  }

  #done() {
    this.busy.hidden = true;
    this.button.disabled = false;
    this.element.setAttribute('aria-busy', 'false');
  }

  #figure(filter) {
    const logo = logoSvg(filter);
    const best = filter.matches?.[0];
    const matches = (filter.matches ?? []).slice(0, MATCHES_SHOWN).map((m) =>
      h(
        'li',
        { dataset: { testid: 'filter-match' } },
        h('strong', {}, m.name),
        ' ',
        h('span', { className: 'hint' }, m.id),
        ' ',
        t('logoMatch', {
          score: Number(m.score).toFixed(3),
          strand: m.strand === '-' ? t('logoStrandMinus') : t('logoStrandPlus'),
        }),
      ),
    );
    return h(
      'figure',
      {
        className: 'filter-logo',
        dataset: {
          testid: 'filter-logo',
          filter: filter.name,
          bestMatch: best?.name ?? '',
          bestScore: best ? String(best.score) : '',
        },
      },
      h(
        'figcaption',
        {},
        h('span', { className: 'filter-name' }, filter.name),
        ' ',
        h('code', {}, filter.consensus ?? ''),
        h(
          'span',
          { className: 'hint' },
          ' ',
          t('logoSites', { count: filter.sites ?? 0, ic: Number(filter.informationContent ?? 0).toFixed(1) }),
        ),
      ),
      h('div', { className: 'table-scroll' }, logo),
      matches.length ? h('ol', { className: 'matches' }, matches) : h('p', { className: 'hint' }, t('logoNoMatch')),
      exportButtons({
        figure: () => logo,
        tsv: () => pfmTsv(filter),
        name: () => `helix-filter-${filter.name.replace(/[^\w.-]+/g, '_')}`,
        what: t('logoWhat', { name: filter.name }),
        testid: 'logo-export',
      }),
    );
  }

  #showAll() {
    const next = this.list.children.length;
    this.list.append(...this.filters.slice(next).map((f) => this.#figure(f)));
    this.moreButton.hidden = true;
    this.list.children[next]?.querySelector('button')?.focus(); // keyboard users land on the first new logo
  }

  #dbOptions() {
    return this.database ? { db: this.database.text, dbName: this.database.name } : {};
  }

  #setDatabase(database) {
    this.database = database;
    this.dbText.textContent = database ? t('motifsDbFile', { name: database.name }) : t('motifsDbShipped');
    this.dbReset.hidden = !database;
  }

  async #readDatabase(file) {
    try {
      this.#setDatabase({ text: await bytesToText(new Uint8Array(await file.arrayBuffer())), name: file.name });
      this.errors.clear();
    } catch (err) {
      this.errors.show(t('fileReadFailed', { name: file.name, message: err.message }));
    }
  }
}
