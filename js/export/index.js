// js/export/index.js: what the CLI and the page call to leave Helix and to come back:
// exportPytorch(fileText) -> {files}, exportOnnx(fileText) -> {bytes, opset}, importWeights(fileText, bytes, name).
export { exportPytorch } from './pytorch.js';
export { exportOnnx, OPSET } from './onnx.js';
export { importWeights } from './import-weights.js';
export { ExportError } from './helix-file.js';
