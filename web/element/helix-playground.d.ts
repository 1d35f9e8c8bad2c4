// web/element/helix-playground.d.ts: the types of <helix-playground> (helix-playground.js): its attributes,
// its JS API and its events, for TypeScript and editors (import 'helix-genomics/element'). Checked by tsc in
// `npm test` (tsconfig.json).
import type { TrainingSummary, SequencePrediction } from '../../js/helix.js';

/** A panel the `panels` attribute can show. */
export type PanelName = 'data' | 'model' | 'curves' | 'predictions' | 'explain';

/**
 * The element's attributes (all strings in HTML; read when it starts). For JSX and framework typings, and for
 * `setAttribute` calls that want their names checked.
 */
export interface HelixPlaygroundAttributes {
  /** A preset's name (`helix presets`); its shipped example is the data unless data are given. */
  preset?: string;
  /** A URL (relative to the page) of the training table. */
  'data-src'?: string;
  /** A URL of the second text: a graph's edges, or an expression matrix's cell labels. */
  'data-second-src'?: string;
  /** Which panels to show, space- or comma-separated PanelNames (default: all). */
  panels?: string;
  /** The starting number of epochs. */
  epochs?: number | string;
  /** The starting seed: the same seed gives the same run. */
  seed?: number | string;
  /** Present: train as soon as it is ready. */
  autostart?: boolean | '';
  /** The interface language (one per page: every playground on it follows). */
  lang?: 'en' | 'zh';
  /** Default: the reader's prefers-color-scheme. */
  theme?: 'light' | 'dark';
}

/** helix-trained's detail. */
export interface TrainedDetail {
  preset: string;
  family: string;
  trained: boolean;
  summary: TrainingSummary;
}

export interface HelixPlaygroundEventMap extends HTMLElementEventMap {
  /** Each epoch's figures. */
  'helix-epoch': CustomEvent<{ epoch: number; loss?: number; valLoss?: number | null; [figure: string]: unknown }>;
  'helix-trained': CustomEvent<TrainedDetail>;
  'helix-predicted': CustomEvent<{ rows: SequencePrediction[] }>;
}

export class HelixPlayground extends HTMLElement {
  /** Resolves once the engine is up and the data are in place (starting it now if it has not started). */
  readonly ready: Promise<void>;
  /** Whether it has started (it starts when scrolled into view, or when its JS API is used). */
  readonly started: boolean;
  /** The preset chosen in it (its `preset` attribute before it starts). */
  readonly preset: string | null;
  /** Trains with the settings shown; resolves to the run's summary. */
  train(): Promise<TrainingSummary>;
  /** Predicts a paste (FASTA, a table, or one sequence per line) with the trained model. */
  predict(text: string): Promise<SequencePrediction[]>;
  /** The model file (JSON text). */
  saveModel(): Promise<string>;
  addEventListener<K extends keyof HelixPlaygroundEventMap>(
    type: K,
    listener: (this: HelixPlayground, event: HelixPlaygroundEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HelixPlaygroundEventMap>(
    type: K,
    listener: (this: HelixPlayground, event: HelixPlaygroundEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'helix-playground': HelixPlayground;
  }
}
