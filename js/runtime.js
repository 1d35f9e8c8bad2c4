// js/runtime.js: where the JS API runs: Node (the CLI, tests, benchmarks) or a browser (the page's worker).
export const isNode =
  typeof process === 'object' &&
  !!process.versions?.node &&
  typeof window === 'undefined' &&
  typeof importScripts === 'undefined';
