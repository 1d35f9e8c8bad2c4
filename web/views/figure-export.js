// web/views/figure-export.js: PNG and SVG downloads of an SVG figure, and the button row that offers them (and
// the figure's numbers as TSV). Figures draw with attributes only (no stylesheet), so the file looks as the
// page does; the PNG is the same SVG rasterised at PNG_SCALE × on a white background.
import { h, svg, downloadBlob, downloadText } from './dom.js';
import { t } from '../strings.js';
import { drawSvg } from './svg-raster.js';

const PNG_SCALE = 2;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';

// The figure as a standalone SVG document.
export function svgText(figure) {
  const copy = figure.cloneNode(true);
  const [, , width, height] = (figure.getAttribute('viewBox') ?? '0 0 0 0').split(/\s+/).map(Number);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('font-family', FONT);
  copy.removeAttribute('class');
  copy.removeAttribute('tabindex');
  copy.prepend(svg('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

export function downloadSvg(figure, name) {
  downloadText(svgText(figure), `${name}.svg`, 'image/svg+xml');
}

// Resolves once the PNG has been offered for download. The figure is drawn on the canvas element by element
// (svg-raster.js): loading its SVG as an image would need a blob: URL, which the page's CSP refuses.
export async function downloadPng(figure, name) {
  const [, , width, height] = figure.getAttribute('viewBox').split(/\s+/).map(Number);
  const canvas = h('canvas', { width: Math.round(width * PNG_SCALE), height: Math.round(height * PNG_SCALE) });
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const copy = figure.cloneNode(true);
  copy.setAttribute('font-family', FONT);
  drawSvg(ctx, copy, canvas.width, canvas.height);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  downloadBlob(blob, `${name}.png`);
}

// Buttons "PNG", "SVG" (of figure()) and optionally "TSV" (of tsv()); `what` names the figure for screen
// readers ("PNG of the attribution track"); `name()` is the file name without extension.
export function exportButtons({ figure, tsv, name, what, testid }) {
  const button = (kind, onclick) =>
    h(
      'button',
      {
        type: 'button',
        className: 'secondary small',
        dataset: { testid: `${testid}-${kind.toLowerCase()}` },
        'aria-label': t('exportAria', { kind, what }),
        onclick,
      },
      kind,
    );
  const buttons = [
    button('PNG', () => downloadPng(figure(), name())),
    button('SVG', () => downloadSvg(figure(), name())),
  ];
  if (tsv) buttons.push(button('TSV', () => downloadText(tsv(), `${name()}.tsv`, 'text/tab-separated-values')));
  return h('div', { className: 'button-row export-row' }, h('span', { className: 'hint' }, t('exportLabel')), buttons);
}
