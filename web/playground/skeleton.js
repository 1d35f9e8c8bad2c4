// web/playground/skeleton.js: the playground's containers, which the views fill. The page gets landmarks
// (header, main) and the title; an embedded playground lives inside someone else's page, so it gets neither.
import { h } from '../views/dom.js';

// The panels, in order: [id, class, the `panels` name that shows it (see mountPlayground)].
const PANELS = [
  ['data-panel', 'panel panel-data', 'data'],
  ['model-panel', 'panel panel-model', 'model'],
  ['train-panel', 'panel panel-train', 'curves'],
  ['result-panel', 'panel panel-result', 'curves'],
  ['predict-panel', 'panel panel-predict', 'predictions'],
  ['explain-panel', 'panel panel-explain', 'explain'],
];
export const PANEL_NAMES = ['data', 'model', 'curves', 'predictions', 'explain'];

const TEST_IDS = { 'result-panel': 'result-panel', 'explain-panel': 'explain-section' };

// Builds the skeleton in `root`, showing only the `panels` named (null: all).
export function buildSkeleton(root, { page, panels }) {
  const section = ([id, className]) =>
    h('section', { id, className, dataset: TEST_IDS[id] ? { testid: TEST_IDS[id] } : {} });
  root.append(
    h(
      page ? 'header' : 'div',
      { className: page ? 'site-header' : 'site-header embedded' },
      page && h('div', { id: 'title' }),
      h('div', { id: 'status' }),
    ),
    h(page ? 'main' : 'div', { className: 'panels' }, PANELS.map(section)),
  );
  for (const [id, , name] of PANELS)
    if (panels && !panels.includes(name)) root.querySelector(`#${id}`).style.display = 'none';
}
