// web/views/json-field-line.js: where a spec field ("layers[2].kernel_size") is in the JSON text the user edited,
// so an engine error that names a field marks its line in the spec box, as a paste error marks its line.
// A small scanner (strings, brackets, commas, colons) records the place of every key and array element by path.

// {line, column} (1-based) of `field` in `text`, or of its nearest enclosing field that is there (a missing
// "loss" is reported at the top-level object), or null when `text` holds none of it.
export function jsonFieldPlace(text, field) {
  const places = new Map();
  const stack = []; // open objects and arrays: {array, path, index, key}
  let expectKey = false;
  let line = 1;
  let column = 1;
  const childPath = (frame) =>
    frame.array ? `${frame.path}[${frame.index}]` : frame.path ? `${frame.path}.${frame.key}` : frame.key;
  for (let i = 0; i < text.length;) {
    const c = text[i];
    const top = stack[stack.length - 1];
    const here = { line, column };
    let end = i + 1; // the character after this token
    if (top?.array && !/[\s,\]]/.test(c) && !places.has(childPath(top))) places.set(childPath(top), here);
    if (c === '{' || c === '[') {
      const path = top ? childPath(top) : '';
      if (!places.has(path)) places.set(path, here);
      stack.push({ array: c === '[', path, index: 0, key: null });
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      if (top?.array) top.index++;
      else expectKey = true;
    } else if (c === '"') {
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      end = Math.min(end + 1, text.length);
      if (top && !top.array && expectKey) {
        top.key = text.slice(i + 1, end - 1);
        places.set(childPath(top), here);
        expectKey = false;
      }
    }
    for (; i < end; i++) {
      if (text[i] === '\n') {
        line++;
        column = 1;
      } else column++;
    }
  }
  for (let f = field; ;) {
    if (places.has(f)) return places.get(f);
    const parent = f.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
    if (parent === f) return places.get('') ?? null;
    f = parent;
  }
}
