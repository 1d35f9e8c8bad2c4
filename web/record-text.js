// web/record-text.js: the text of one record of a predict paste, so one prediction row can be explained without
// explaining every sequence. FASTA: the record's header and lines. A table (a header naming a sequence column):
// the header and the row. One sequence per line: the line, as FASTA named `id`. Returns null when the paste
// has no such record. app.js checks the engine's answer names the same id and otherwise explains the whole paste,
// so a paste read differently here than by the engine costs time, never a wrong answer.
const lines = (text) => text.split(/\r?\n/);
const isBlank = (line) => line.trim() === '';

export function recordText(text, index, id) {
  const all = lines(text);
  const first = all.findIndex((line) => !isBlank(line));
  if (first < 0) return null;
  if (all[first].startsWith('>')) {
    const starts = all.flatMap((line, i) => (line.startsWith('>') ? [i] : []));
    if (index >= starts.length) return null;
    return all.slice(starts[index], starts[index + 1] ?? all.length).join('\n') + '\n';
  }
  const header = all[first].split(/[\t,]/).map((cell) => cell.trim().toLowerCase());
  if (header.includes('sequence')) {
    const rows = all.slice(first + 1).filter((line) => !isBlank(line));
    return index < rows.length ? `${all[first]}\n${rows[index]}\n` : null;
  }
  const rows = all.filter((line) => !isBlank(line));
  return index < rows.length ? `>${id ?? `seq${index + 1}`}\n${rows[index].trim()}\n` : null;
}
