// js/export/torch-pickle.js: a torch.save'd state_dict (.pt) read without Python. The file is a ZIP
// <archive>/data.pkl (a pickle), <archive>/data/<key> (each storage's raw bytes, little-endian) and
// <archive>/byteorder (newer torch). The pickle is read by a small, strict machine that knows exactly what
// torch.save writes for a state_dict: an OrderedDict (or dict) of names to tensors, each
//   torch._utils._rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks)
// whose storage comes from persistent_load(('storage', torch.FloatStorage | torch.LongStorage, key, device,
// numel)), and the OrderedDict's _metadata (set by BUILD; not used). Any other global, opcode or value is an
// error naming what was found. float32 tensors are read as they are; int64 ones (batch norm's
// num_batches_tracked) as numbers.

const ALLOWED_GLOBALS = new Set([
  'collections.OrderedDict',
  'torch._utils._rebuild_tensor_v2',
  'torch.FloatStorage',
  'torch.LongStorage',
  'torch._utils._rebuild_parameter',
]);
const STORAGES = {
  'torch.FloatStorage': { bytes: 4, read: 'getFloat32', dtype: 'F32' },
  'torch.LongStorage': { bytes: 8, read: 'getBigInt64', dtype: 'I64' },
};

class Global {
  // a class or function named by GLOBAL / STACK_GLOBAL
  constructor(name) {
    this.name = name;
  }
}
class Call {
  // the result of REDUCE: what was called, with which arguments
  constructor(fn, args) {
    this.fn = fn;
    this.args = args;
  }
}
class PersistentId {
  // BINPERSID's operand: a storage reference
  constructor(pid) {
    this.pid = pid;
  }
}
const MARK = Symbol('mark');

const describe = (v) =>
  v instanceof Global
    ? `global ${v.name}`
    : v instanceof Call
      ? `a call of ${v.fn.name}`
      : v instanceof PersistentId
        ? 'a storage'
        : v === null
          ? 'None'
          : Array.isArray(v)
            ? 'a tuple/list'
            : v instanceof Map
              ? 'a dict'
              : typeof v;

/** The objects of a pickle (protocols 2 to 5, the opcodes torch.save uses), with GLOBALs kept as names. */
export function unpickle(bytes, what = 'data.pkl') {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  const stack = [],
    memo = new Map();
  let at = 0;
  const fail = (message) => {
    throw new Error(`${what}: ${message} (at byte ${at})`);
  };
  const allowed = (name) => {
    if (!ALLOWED_GLOBALS.has(name) && !/^torch\.\w+Storage$/.test(name))
      fail(
        `found global ${name}; a state_dict of tensors holds only ${[...ALLOWED_GLOBALS].join(', ')} (storage types are checked per tensor)`,
      );
    return new Global(name);
  };
  const popMark = () => {
    const m = stack.lastIndexOf(MARK);
    if (m < 0) fail('a pickle opcode needs a MARK that is not there');
    const items = stack.splice(m);
    items.shift();
    return items;
  };
  const text = (n) => {
    const s = decoder.decode(bytes.subarray(at, at + n));
    at += n;
    return s;
  };
  const line = () => {
    const end = bytes.indexOf(10, at);
    if (end < 0) fail('unterminated line');
    const s = text(end - at);
    at++;
    return s;
  };
  const setItems = (dict, items) => {
    if (!(dict instanceof Map)) fail(`SETITEM(S) on ${describe(dict)}, not a dict`);
    for (let i = 0; i + 1 < items.length; i += 2) dict.set(items[i], items[i + 1]);
  };
  while (at < bytes.length) {
    const op = bytes[at++];
    switch (op) {
      case 0x80:
        at++;
        break; // PROTO
      case 0x95:
        at += 8;
        break; // FRAME
      case 0x2e:
        return stack.pop(); // STOP
      case 0x63: {
        const module = line();
        stack.push(allowed(`${module}.${line()}`));
        break;
      } // GLOBAL
      case 0x93: {
        const name = stack.pop();
        stack.push(allowed(`${stack.pop()}.${name}`));
        break;
      } // STACK_GLOBAL
      case 0x28:
        stack.push(MARK);
        break;
      case 0x29:
        stack.push([]);
        break; // EMPTY_TUPLE
      case 0x5d:
        stack.push([]);
        break; // EMPTY_LIST
      case 0x7d:
        stack.push(new Map());
        break; // EMPTY_DICT
      case 0x74:
        stack.push(popMark());
        break; // TUPLE
      case 0x85:
        stack.push([stack.pop()]);
        break; // TUPLE1
      case 0x86: {
        const b = stack.pop();
        stack.push([stack.pop(), b]);
        break;
      } // TUPLE2
      case 0x87: {
        const c = stack.pop(),
          b = stack.pop();
        stack.push([stack.pop(), b, c]);
        break;
      } // TUPLE3
      case 0x61: {
        const v = stack.pop();
        stack[stack.length - 1].push(v);
        break;
      } // APPEND
      case 0x65: {
        const items = popMark();
        stack[stack.length - 1].push(...items);
        break;
      } // APPENDS
      case 0x73: {
        const v = stack.pop(),
          k = stack.pop();
        setItems(stack[stack.length - 1], [k, v]);
        break;
      } // SETITEM
      case 0x75: {
        const items = popMark();
        setItems(stack[stack.length - 1], items);
        break;
      } // SETITEMS
      case 0x52: {
        // REDUCE; OrderedDict() is made here so that SETITEMS can fill it
        const args = stack.pop(),
          fn = stack.pop();
        stack.push(fn?.name === 'collections.OrderedDict' && args.length === 0 ? new Map() : new Call(fn, args));
        break;
      }
      case 0x62:
        stack.pop();
        break; // BUILD: the state (an OrderedDict's _metadata) is not used
      case 0x51:
        stack.push(new PersistentId(stack.pop()));
        break; // BINPERSID
      case 0x4e:
        stack.push(null);
        break; // NONE
      case 0x88:
        stack.push(true);
        break; // NEWTRUE
      case 0x89:
        stack.push(false);
        break; // NEWFALSE
      case 0x4b:
        stack.push(bytes[at++]);
        break; // BININT1
      case 0x4d:
        stack.push(view.getUint16(at, true));
        at += 2;
        break; // BININT2
      case 0x4a:
        stack.push(view.getInt32(at, true));
        at += 4;
        break; // BININT
      case 0x8a: {
        // LONG1: a little-endian two's-complement integer of n bytes
        const n = bytes[at++];
        let v = 0n;
        for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[at + i]);
        if (n && bytes[at + n - 1] & 0x80) v -= 1n << BigInt(8 * n);
        at += n;
        stack.push(Number(v));
        break;
      }
      case 0x47:
        stack.push(view.getFloat64(at, false));
        at += 8;
        break; // BINFLOAT (big-endian)
      case 0x58: {
        const n = view.getUint32(at, true);
        at += 4;
        stack.push(text(n));
        break;
      } // BINUNICODE
      case 0x8c: {
        const n = bytes[at++];
        stack.push(text(n));
        break;
      } // SHORT_BINUNICODE
      case 0x55: {
        const n = bytes[at++];
        stack.push(text(n));
        break;
      } // SHORT_BINSTRING
      case 0x71:
        memo.set(bytes[at++], stack[stack.length - 1]);
        break; // BINPUT
      case 0x72:
        memo.set(view.getUint32(at, true), stack[stack.length - 1]);
        at += 4;
        break; // LONG_BINPUT
      case 0x94:
        memo.set(memo.size, stack[stack.length - 1]);
        break; // MEMOIZE
      case 0x68:
        stack.push(memo.get(bytes[at++]));
        break; // BINGET
      case 0x6a:
        stack.push(memo.get(view.getUint32(at, true)));
        at += 4;
        break; // LONG_BINGET
      default:
        at--;
        fail(
          `pickle opcode 0x${op.toString(16)} ('${String.fromCharCode(op)}') is not one torch.save writes for a state_dict`,
        );
    }
  }
  return fail('the pickle has no STOP');
}

const isInt = (v) => Number.isInteger(v) && v >= 0;

/**
 * The tensors of a torch.save'd state_dict: Map name -> {shape, data: Float32Array, dtype: 'F32' | 'I64'}.
 * `entries` are the ZIP's entries (zip.js readZip). Throws Error naming what was found that is not a
 * state_dict of float32 (or int64) tensors.
 */
export function readTorchStateDict(entries) {
  const pkl = [...entries.keys()].find((n) => n === 'data.pkl' || n.endsWith('/data.pkl'));
  if (!pkl) throw new Error('not a torch.save file: no data.pkl in the ZIP');
  const base = pkl.slice(0, -'data.pkl'.length);
  const order = entries.get(`${base}byteorder`);
  if (order && new TextDecoder().decode(order).trim() !== 'little')
    throw new Error('the file was saved big-endian (byteorder); only little-endian is read');
  const root = unpickle(entries.get(pkl));
  if (!(root instanceof Map))
    throw new Error(
      `data.pkl holds ${describe(root)}, not a state_dict (an OrderedDict of tensors); save model.state_dict()`,
    );
  const out = new Map();
  for (const [name, value] of root) {
    if (typeof name !== 'string') throw new Error(`state_dict key ${String(name)} is not a string`);
    out.set(name, tensorOf(name, value, entries, base));
  }
  return out;
}

function tensorOf(name, value, entries, base) {
  let v = value;
  if (v instanceof Call && v.fn?.name === 'torch._utils._rebuild_parameter') v = v.args[0];
  if (!(v instanceof Call) || v.fn?.name !== 'torch._utils._rebuild_tensor_v2') {
    throw new Error(`${name}: holds ${describe(v)}, not a tensor (torch._utils._rebuild_tensor_v2)`);
  }
  const [storage, offset, size, stride] = v.args;
  const pid = storage instanceof PersistentId ? storage.pid : null;
  if (!Array.isArray(pid) || pid[0] !== 'storage' || !(pid[1] instanceof Global) || typeof pid[2] !== 'string') {
    throw new Error(`${name}: its storage is ${describe(pid ?? storage)}, not ('storage', <type>, key, device, numel)`);
  }
  const type = STORAGES[pid[1].name];
  if (!type)
    throw new Error(
      `${name}: storage type ${pid[1].name}; only torch.FloatStorage (float32) is read (and torch.LongStorage for counters): convert with .float()`,
    );
  if (
    !isInt(offset) ||
    !Array.isArray(size) ||
    !size.every(isInt) ||
    !Array.isArray(stride) ||
    !stride.every(isInt) ||
    size.length !== stride.length
  ) {
    throw new Error(`${name}: storage offset, size and stride are not integers of equal rank`);
  }
  const raw = entries.get(`${base}data/${pid[2]}`);
  if (!raw) throw new Error(`${name}: its storage data/${pid[2]} is missing from the ZIP`);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const count = size.reduce((a, b) => a * b, 1);
  const data = new Float32Array(count);
  const idx = new Array(size.length).fill(0);
  for (let i = 0; i < count; i++) {
    let src = offset;
    for (let d = 0; d < size.length; d++) src += idx[d] * stride[d];
    if ((src + 1) * type.bytes > raw.length)
      throw new Error(
        `${name}: size ${JSON.stringify(size)} and stride ${JSON.stringify(stride)} reach past its storage`,
      );
    data[i] = Number(view[type.read](src * type.bytes, true));
    for (let d = size.length - 1; d >= 0; d--) {
      if (++idx[d] < size[d]) break;
      idx[d] = 0;
    }
  }
  return { shape: [...size], data, dtype: type.dtype };
}
