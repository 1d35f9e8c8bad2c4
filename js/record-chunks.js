// js/record-chunks.js: cuts a large paste or file of sequences into pieces of whole records, so the
// engine predicts on one piece at a time: its memory then holds one piece (a 100 MB FASTA as one call needs
// more than the threaded build's 512 MB heap), and a reader can report progress between pieces.
// The three formats the engine reads (core/api/model_session.cpp format_of) are cut where a record starts:
//   FASTA: before a '>' line;  table (a first line with tabs or commas): between rows, the header row
//   repeated at the top of every piece;  one sequence per line: between lines.
// Each piece carries `lineOffset`: a piece's line n (n > 1 for a table piece after the first) is line
// n + lineOffset of the whole text, so errors name the line the user sees.
//   const chunker = new RecordChunker({ maxChars: 4e6 });
//   for (const piece of chunker.push(text)) ...;  for (const piece of chunker.end()) ...
//   recordChunks(text) is the same for one string.

export const CHUNK_CHARS = 4_000_000; // ≈ 40,000 records of 100 bases: a few tens of MB of engine memory

// A first line with a delimiter is a table's header: a DNA model's table names 'sequence', a model of numeric
// columns reads a table whatever its header says, and a line of bases has no delimiter.
const TABLE_HEADER = /[\t,]/;

export class RecordChunker {
  #maxChars;
  #format = null; // 'fasta' | 'table' | 'lines', from the first non-blank line
  #header = ''; // a table's header line (with its line end)
  #pending = ''; // text not yet in a piece (whole lines, then a partial last line)
  #pendingFirstLine = 1; // line number of #pending's first line
  #first = true; // the next piece is the first (it keeps the header and whatever precedes it)

  constructor({ maxChars = CHUNK_CHARS } = {}) {
    this.#maxChars = maxChars;
  }

  // Adds text; returns the pieces now complete ([{text, lineOffset}]).
  push(text) {
    this.#pending += text;
    if (this.#format === null && !this.#detect()) return [];
    const pieces = [];
    while (this.#pending.length > this.#maxChars) {
      const cut = this.#cutPoint();
      if (cut <= 0) break; // one record longer than a piece: it waits for the rest of its text
      pieces.push(this.#take(cut));
    }
    return pieces;
  }

  // The rest, as the last piece (none when nothing is left).
  end() {
    if (this.#format === null) this.#format = 'lines';
    if (!this.#pending.length && !this.#first) return [];
    return [this.#take(this.#pending.length)];
  }

  // Sets #format (and a table's #header) once the first non-blank line is whole; false until then.
  #detect() {
    let start = 0;
    for (;;) {
      const end = this.#pending.indexOf('\n', start);
      if (end < 0) return false;
      const line = this.#pending.slice(start, end).replace(/^\uFEFF/, '');
      if (line.trim()) {
        const first = line.trimStart()[0];
        this.#format = first === '>' ? 'fasta' : TABLE_HEADER.test(line) ? 'table' : 'lines';
        if (this.#format === 'table') this.#header = this.#pending.slice(start, end + 1);
        return true;
      }
      start = end + 1;
    }
  }

  // Where the last whole record within #maxChars ends in #pending (0: none does).
  #cutPoint() {
    const limit = this.#maxChars;
    if (this.#format === 'fasta') {
      // The start of the last '>' line at or before the limit, after the first record.
      const at = this.#pending.lastIndexOf('\n>', limit);
      return at > 0 && this.#pending.slice(0, at).trim() ? at + 1 : 0;
    }
    const at = this.#pending.lastIndexOf('\n', limit);
    return at > 0 ? at + 1 : 0;
  }

  // The piece of #pending up to `cut` (a table piece after the first gets the header on top).
  #take(cut) {
    const body = this.#pending.slice(0, cut);
    this.#pending = this.#pending.slice(cut);
    const lines = countLines(body);
    const withHeader = this.#format === 'table' && !this.#first;
    const piece = {
      text: withHeader ? this.#header + body : body,
      lineOffset: this.#pendingFirstLine - 1 - (withHeader ? 1 : 0),
    };
    this.#pendingFirstLine += lines;
    this.#first = false;
    return piece;
  }
}

// Line breaks in text (a text ending in '\n' has that many whole lines).
function countLines(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

// All the pieces of one string.
export function recordChunks(text, options) {
  const chunker = new RecordChunker(options);
  return [...chunker.push(text), ...chunker.end()];
}

// An engine error of a piece, renumbered to the whole text's lines ("line 3, column 7: ..." in the message too).
export function shiftErrorLine(error, lineOffset) {
  if (!lineOffset || !(error.line > 0)) return error;
  const line = error.line + lineOffset;
  return { ...error, line, message: String(error.message ?? '').replace(/^line \d+/, `line ${line}`) };
}
