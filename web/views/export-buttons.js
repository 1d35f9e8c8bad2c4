// web/views/export-buttons.js: "Export for PyTorch", "Export for ONNX" and "Import weights", shown beside the
// model panel's Save / Load buttons. The view only offers the actions; app.js makes the files (js/export/).
import { h } from './dom.js';
import { t } from '../strings.js';

export class ExportButtons {
  // opset: the ONNX opset written; onPytorch() / onOnnx(): export the current model; onImport(bytes: Uint8Array, fileName): weights from a file.
  constructor(container, { opset, onPytorch, onOnnx, onImport }) {
    // The file picker is made on each click (not kept in the page: the panel's Load model input stays its only one).
    const chooseFile = () => {
      const input = h('input', { type: 'file', accept: '.safetensors,.npz,.pt,.pth' });
      input.onchange = async () => {
        const file = input.files[0];
        if (file) onImport(new Uint8Array(await file.arrayBuffer()), file.name);
      };
      input.click();
    };
    const button = (label, testid, onclick, title) =>
      h(
        'button',
        { type: 'button', className: 'secondary', disabled: true, title, dataset: { testid }, onclick },
        label,
      );
    this.buttons = [
      button(t('exportPytorch'), 'export-pytorch', () => onPytorch(), t('exportPytorchHint')),
      button(t('exportOnnx'), 'export-onnx', () => onOnnx(), t('exportOnnxHint', { opset })),
      button(t('importWeights'), 'import-weights', chooseFile, t('importWeightsHint')),
    ];
    this.element = h(
      'div',
      { className: 'button-row', role: 'group', 'aria-label': t('exportGroupLabel') },
      this.buttons,
    );
    container.append(this.element);
  }

  setEnabled(flag) {
    for (const b of this.buttons) b.disabled = !flag;
  }
}
