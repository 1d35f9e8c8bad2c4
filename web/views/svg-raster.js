// web/views/svg-raster.js: draws a figure's SVG on a canvas, element by element, for the PNG download.
// Loading the SVG as an <img> would need a blob: or data: URL, which the page's Content-Security-Policy
// (img-src falls back to default-src 'self') refuses. Figures draw with attributes only (figure-export.js), from
// a few elements: svg, g, rect, line, circle, path, text (title is skipped), with presentation attributes
// (fill, stroke, stroke-width, opacity, fill-opacity, fill-rule, font-*, text-anchor) inherited through <g>
// and transforms of translate / scale / rotate / matrix.

const INHERITED = [
  'fill',
  'stroke',
  'stroke-width',
  'fill-opacity',
  'stroke-opacity',
  'fill-rule',
  'font-size',
  'font-weight',
  'font-family',
  'text-anchor',
  'stroke-dasharray',
];
const ROOT_STYLE = {
  fill: '#000000',
  stroke: 'none',
  'stroke-width': '1',
  'fill-opacity': '1',
  'stroke-opacity': '1',
  'fill-rule': 'nonzero',
  'font-size': '16',
  'font-weight': '400',
  'font-family': 'sans-serif',
  'text-anchor': 'start',
  'stroke-dasharray': 'none',
};

const num = (node, name, fallback = 0) => {
  const value = parseFloat(node.getAttribute(name));
  return Number.isFinite(value) ? value : fallback;
};

// Applies an SVG transform list ("translate(3 4) rotate(-90) scale(.5 .5)") to the context.
function applyTransform(ctx, text) {
  for (const [, fn, args] of text.matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const v = args
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (fn === 'translate') ctx.translate(v[0] ?? 0, v[1] ?? 0);
    else if (fn === 'scale') ctx.scale(v[0] ?? 1, v[1] ?? v[0] ?? 1);
    else if (fn === 'rotate') {
      const [angle = 0, cx = 0, cy = 0] = v;
      ctx.translate(cx, cy);
      ctx.rotate((angle * Math.PI) / 180);
      ctx.translate(-cx, -cy);
    } else if (fn === 'matrix' && v.length === 6) ctx.transform(...v);
  }
}

// Fills then strokes the current shape (a Path2D, or the context's path when `path` is null).
function paint(ctx, style, path, opacity) {
  if (style.fill !== 'none') {
    ctx.globalAlpha = opacity * Number(style['fill-opacity']);
    ctx.fillStyle = style.fill;
    if (path) ctx.fill(path, style['fill-rule'] === 'evenodd' ? 'evenodd' : 'nonzero');
    else ctx.fill(style['fill-rule'] === 'evenodd' ? 'evenodd' : 'nonzero');
  }
  if (style.stroke !== 'none' && Number(style['stroke-width']) > 0) {
    ctx.globalAlpha = opacity * Number(style['stroke-opacity']);
    ctx.strokeStyle = style.stroke;
    ctx.lineWidth = Number(style['stroke-width']);
    ctx.setLineDash(style['stroke-dasharray'] === 'none' ? [] : style['stroke-dasharray'].split(/[\s,]+/).map(Number));
    if (path) ctx.stroke(path);
    else ctx.stroke();
  }
}

function drawNode(ctx, node, inherited, opacity) {
  const tag = node.localName;
  if (
    tag === 'title' ||
    tag === 'desc' ||
    node.getAttribute('display') === 'none' ||
    node.getAttribute('visibility') === 'hidden'
  )
    return;
  const style = { ...inherited };
  for (const name of INHERITED) if (node.hasAttribute(name)) style[name] = node.getAttribute(name);
  const alpha = opacity * num(node, 'opacity', 1);
  ctx.save();
  if (node.hasAttribute('transform')) applyTransform(ctx, node.getAttribute('transform'));
  if (tag === 'svg' || tag === 'g') {
    for (const child of node.children) drawNode(ctx, child, style, alpha);
  } else if (tag === 'rect') {
    ctx.beginPath();
    ctx.rect(num(node, 'x'), num(node, 'y'), num(node, 'width'), num(node, 'height'));
    paint(ctx, style, null, alpha);
  } else if (tag === 'circle') {
    ctx.beginPath();
    ctx.arc(num(node, 'cx'), num(node, 'cy'), num(node, 'r'), 0, 2 * Math.PI);
    paint(ctx, style, null, alpha);
  } else if (tag === 'line') {
    ctx.beginPath();
    ctx.moveTo(num(node, 'x1'), num(node, 'y1'));
    ctx.lineTo(num(node, 'x2'), num(node, 'y2'));
    paint(ctx, { ...style, fill: 'none' }, null, alpha);
  } else if (tag === 'path' && node.getAttribute('d')) {
    paint(ctx, style, new Path2D(node.getAttribute('d')), alpha);
  } else if (tag === 'text') {
    ctx.font = `${style['font-weight']} ${parseFloat(style['font-size'])}px ${style['font-family']}`;
    ctx.textAlign = { middle: 'center', end: 'right' }[style['text-anchor']] ?? 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.globalAlpha = alpha * Number(style['fill-opacity']);
    ctx.fillStyle = style.fill === 'none' ? 'transparent' : style.fill;
    ctx.fillText(node.textContent, num(node, 'x'), num(node, 'y'));
  }
  ctx.restore();
}

// Draws `figure` (an <svg> with a viewBox) onto ctx, scaled so the viewBox fills width × height.
export function drawSvg(ctx, figure, width, height) {
  const [minX = 0, minY = 0, boxWidth = width, boxHeight = height] = (figure.getAttribute('viewBox') ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  ctx.save();
  ctx.scale(width / boxWidth, height / boxHeight);
  ctx.translate(-minX, -minY);
  const style = { ...ROOT_STYLE };
  for (const name of INHERITED) if (figure.hasAttribute(name)) style[name] = figure.getAttribute(name);
  for (const child of figure.children) drawNode(ctx, child, style, 1);
  ctx.restore();
}
