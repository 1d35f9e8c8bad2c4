// Lets emscripten 3.1.6's ES6 output run under Node (it expects CommonJS `require` and `__dirname`);
// inert in browsers and workers.
const require = (typeof process == 'object' && process.versions && process.versions.node)
  ? (await import('module')).createRequire(import.meta.url) : undefined;
const __dirname = require ? require('path').dirname(require('url').fileURLToPath(import.meta.url)) : '';
