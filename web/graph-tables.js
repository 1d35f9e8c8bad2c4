// web/graph-tables.js: what the graph result views need from the nodes and edges tables the model trained on:
// node ids, true classes, splits, edges, and (with a `graph` column: graph classification) the graphs they
// form. A light reading for pictures; the engine parses the tables for training and reports their errors.
import { tableColumns } from './table-columns.js';

// A label cell as a class index; '', -1 and missing mean unlabelled (undefined).
const classOf = (cell) => (cell === undefined || cell === '' || cell === '-1' ? undefined : Number(cell));

/**
 * {ids, edges: [[a, b]], labels: Map id -> class, splits: Map id -> split, graphs: [{id, nodes, edges, label}] |
 * null}. `graphs` is null for node classification (no `graph` column).
 */
export function readGraphTables(nodesText, edgesText) {
  const nodes = tableColumns(nodesText, ['node', 'id', 'graph', 'label', 'split']);
  const ids = nodes.node ?? nodes.id ?? [];
  const cols = tableColumns(edgesText, ['source', 'target']);
  const edges = (cols.source ?? []).map((source, i) => [source, cols.target[i]]);
  const labels = new Map(ids.map((id, i) => [id, classOf(nodes.label?.[i])]));
  const splits = new Map(ids.map((id, i) => [id, nodes.split?.[i] ?? 'all']));
  if (!nodes.graph) return { ids, edges, labels, splits, graphs: null };
  const graphs = new Map();
  const graphOf = new Map();
  ids.forEach((id, i) => {
    const g = nodes.graph[i];
    graphOf.set(id, g);
    if (!graphs.has(g)) graphs.set(g, { id: g, nodes: [], edges: [], label: classOf(nodes.label?.[i]) });
    graphs.get(g).nodes.push(id);
  });
  for (const [a, b] of edges) graphs.get(graphOf.get(a))?.edges.push([a, b]);
  return { ids, edges, labels, splits, graphs: [...graphs.values()] };
}
