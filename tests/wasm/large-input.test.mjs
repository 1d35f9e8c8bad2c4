// tests/wasm/large-input.test.mjs: input of any size. record-chunks.js cuts FASTA, tables and plain lines
// into pieces of whole records whose line numbers map back to the whole text; predicting piece by piece gives
// the same rows as one call, with a bad record's error naming its line in the whole text; the JS API predicts
// a 100 MB FASTA string (more than one call fits in the threaded build's heap) with progress; `helix predict`
// streams a file larger than a piece, writing the same rows and its progress on stderr.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, existsSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engine, root, dataText } from './helpers.mjs';
import { RecordChunker, recordChunks, CHUNK_CHARS } from '../../js/record-chunks.js';
import { HelixInputError } from '../../js/helix.js';

const helixCli = fileURLToPath(new URL('bin/helix.mjs', root));
const dir = mkdtempSync(join(tmpdir(), 'helix-large-'));
const fasta = (n, from = 0) =>
  Array.from({ length: n }, (_, i) => `>r${from + i} desc\nACGTGATAAG\nGCTAGCTTAC${'ACGT'[(from + i) % 4]}\n`).join('');

// The whole text back from its pieces (a table piece after the first starts with the repeated header).
const rejoin = (pieces, header = '') =>
  pieces.map((p, i) => (i > 0 && header ? p.text.slice(header.length) : p.text)).join('');

test('FASTA pieces are whole records, rejoin to the text, and map their lines back', () => {
  const text = fasta(50);
  const pieces = recordChunks(text, { maxChars: 200 });
  assert.ok(pieces.length > 5);
  assert.equal(rejoin(pieces), text);
  const lines = text.split('\n');
  for (const p of pieces) {
    assert.match(p.text, /^>r\d+ desc\n/);
    p.text
      .split('\n')
      .slice(0, -1)
      .forEach((line, i) => assert.equal(line, lines[i + p.lineOffset], `line ${i + 1} of a piece`));
  }
});

test('table pieces repeat the header; plain lines cut anywhere; pushed in small bits, the same pieces', () => {
  const header = 'id\tsequence\tlabel\n';
  const text = header + Array.from({ length: 40 }, (_, i) => `s${i}\tACGTACGTAC\t${i % 2}\n`).join('');
  const pieces = recordChunks(text, { maxChars: 100 });
  assert.ok(pieces.length > 5);
  for (const p of pieces) assert.ok(p.text.startsWith(header));
  assert.equal(rejoin(pieces, header), text);
  const lines = text.split('\n');
  for (const p of pieces.slice(1)) assert.equal(p.text.split('\n')[1], lines[1 + p.lineOffset]); // piece line 2
  const plain = Array.from({ length: 30 }, () => 'ACGTACGTAC\n').join('');
  assert.equal(rejoin(recordChunks(plain, { maxChars: 50 })), plain);
  const chunker = new RecordChunker({ maxChars: 100 });
  const bits = [];
  for (let i = 0; i < text.length; i += 7) bits.push(...chunker.push(text.slice(i, i + 7)));
  bits.push(...chunker.end());
  assert.equal(rejoin(bits, header), text);
});

test("predicting piece by piece gives the rows of one call; an error names the whole text's line", async () => {
  const helix = await engine();
  const model = helix.createModel('cnn-binding');
  try {
    const text = dataText('gata-predict.fa') + fasta(300);
    const whole = model.predict(text);
    const pieces = recordChunks(text, { maxChars: 2_000 });
    assert.ok(pieces.length > 3);
    const rows = pieces.flatMap((p) => model.predictPiece(p));
    assert.deepEqual(rows, whole);
    // A bad base on the 2nd line of record r250: line 250 * 3 + 2 of the synthetic part.
    const offset = dataText('gata-predict.fa').split('\n').length - 1;
    const bad = text.replace('>r250 desc\nACGTGATAAG', '>r250 desc\nACGTGJTAAG');
    const err = (() => {
      try {
        recordChunks(bad, { maxChars: 2_000 }).forEach((p) => model.predictPiece(p));
      } catch (e) {
        return e;
      }
    })();
    assert.ok(err instanceof HelixInputError);
    assert.equal(err.errors[0].line, offset + 250 * 3 + 2);
    assert.match(err.errors[0].message, new RegExp(`^line ${offset + 250 * 3 + 2}, column 6:`));
  } finally {
    model.dispose();
  }
});

test('the JS API predicts a 100 MB FASTA string in pieces, with progress', { timeout: 600_000 }, async (t) => {
  const helix = await engine();
  const model = helix.createModel('cnn-binding');
  try {
    const record = (i) => `>s${i}\nACGTGATAAGGCTAGCTTAC${'ACGTGATAAGGCTAGCTTAC'.repeat(4)}\n`;
    const parts = [];
    let length = 0;
    for (let i = 0; length < 100e6; i++) {
      parts.push(record(i));
      length += parts[i].length;
    }
    const text = parts.join('');
    const progress = [];
    const t0 = performance.now();
    const rows = model.predict(text, { onProgress: (p) => progress.push(p) });
    const seconds = (performance.now() - t0) / 1000;
    t.diagnostic(
      `100 MB FASTA (${parts.length} records) predicted in ${seconds.toFixed(1)} s, ${progress.length} pieces of up to ${CHUNK_CHARS / 1e6} M characters`,
    );
    assert.equal(rows.length, parts.length);
    assert.equal(rows.at(-1).id, `s${parts.length - 1}`);
    assert.ok(rows.every((r) => r.probability >= 0 && r.probability <= 1));
    assert.ok(progress.length >= 25);
    assert.deepEqual(progress.at(-1), { records: parts.length, chars: text.length, totalChars: text.length });
  } finally {
    model.dispose();
  }
});

test(
  'helix predict streams a file of several pieces: the rows of one call, progress on stderr, --out whole',
  { timeout: 300_000 },
  () => {
    const model = join(dir, 'model.json');
    const trained = spawnSync(
      process.execPath,
      [
        helixCli,
        'train',
        '--preset',
        'cnn-binding',
        '--data',
        fileURLToPath(new URL('web/data/primer-motif.tsv', root)),
        '--epochs',
        '1',
        '--out',
        model,
        '-q',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(trained.status, 0, trained.stderr);
    const input = join(dir, 'many.fa');
    const text = fasta(Math.ceil((2.5 * CHUNK_CHARS) / 30));
    writeFileSync(input, text);
    const out = join(dir, 'many.tsv');
    const r = spawnSync(process.execPath, [helixCli, 'predict', '--model', model, '--input', input, '--out', out], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    assert.equal(lines[0], 'id\tprobability');
    assert.equal(lines.length - 1, (text.match(/^>/gm) ?? []).length, 'one row per record, one header');
    assert.equal(lines.filter((l) => l.startsWith('id\t')).length, 1);
    assert.match(r.stderr, /predicted [\d,]+ sequences · [\d.]+ of [\d.]+ MB/);
    // The same rows as the whole file predicted at once (a small file: one piece).
    const head = fasta(50);
    writeFileSync(join(dir, 'head.fa'), head);
    const small = spawnSync(
      process.execPath,
      [helixCli, 'predict', '--model', model, '--input', join(dir, 'head.fa')],
      { encoding: 'utf8' },
    );
    assert.deepEqual(lines.slice(0, 51), small.stdout.trim().split('\n'));
    // A bad record far into the file: exit 1, its line named, and no --out file (nor a temporary one) left.
    const badInput = join(dir, 'bad.fa');
    writeFileSync(badInput, text.replace(/>r300000 desc\nACGTGATAAG/, '>r300000 desc\nACGTGATAJG'));
    const badOut = join(dir, 'bad.tsv');
    const bad = spawnSync(
      process.execPath,
      [helixCli, 'predict', '--model', model, '--input', badInput, '--out', badOut],
      { encoding: 'utf8' },
    );
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, new RegExp(`bad\\.fa: line ${300000 * 3 + 2}, column 9:`));
    assert.equal(existsSync(badOut), false);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.startsWith('bad.tsv')),
      [],
    );
  },
);

test('helix train and evaluate refuse a table over 100 MB before reading it, with the limit', () => {
  const big = join(dir, 'huge.tsv');
  writeFileSync(big, 'id\tsequence\tlabel\n');
  truncateSync(big, 160e6); // (a sparse file: only its size is looked at)
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [helixCli, 'train', '--preset', 'cnn-binding', '--data', big, '--out', join(dir, 'never.json')],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 1);
  assert.match(r.stderr, /huge\.tsv: 160\.0 MB is more than the 100 MB that training and evaluation hold in memory/);
  assert.ok(performance.now() - t0 < 20_000);
  assert.equal(existsSync(join(dir, 'never.json')), false);
});
