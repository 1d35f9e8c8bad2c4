// web/families/columns.js: models of numeric table columns (no DNA): Predict takes rows; the result is a
// decision map over two of the columns, the training rows drawn on it.
import { t } from '../strings.js';
import { tableColumns } from '../table-columns.js';
import { DecisionMapView } from '../views/decision-map.js';
import { defineFamily, inputTypes } from './family.js';

const MAP_SIZE = 40; // decision map grid: MAP_SIZE × MAP_SIZE predictions

// Numbers of a column (NaN where a cell is not one).
const numbers = (values = []) => values.map((v) => (v === '' ? NaN : Number(v)));

const columns = defineFamily({
  key: 'columns',
  result: 'decision-map',
  predictFrom: 'rows',
  matches: (spec, table) => table === 'sequence' && inputTypes(spec).size > 0 && !inputTypes(spec).has('dna'),
  examples: { 'single-layer': 'splice-features', mlp: 'splice-features' },
  describeModel: (d, vars) => t('modelTakesColumns', vars),
  results(element, ctx) {
    // What the model predicts over a grid of columns x and y, under the training rows.
    const draw = async (x, y) => {
      const text = ctx.data.values.main;
      const map = await ctx.engine.call(columns.key, 'decisionMap', text, { x, y, size: MAP_SIZE });
      const cols = tableColumns(text, [x, y, 'label']);
      view.show(map, { x: numbers(cols[x]), y: numbers(cols[y]), label: numbers(cols.label) });
    };
    const view = new DecisionMapView(element, { onAxes: (x, y) => draw(x, y) });
    return {
      async show() {
        const names = (ctx.currentSpec()?.inputs ?? []).find((i) => i.type === 'features')?.columns ?? [];
        view.setColumns(names, names[0], names[1]);
        await draw(names[0], names[1]);
      },
    };
  },
});

export default columns;
