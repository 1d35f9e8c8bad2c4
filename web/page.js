// web/page.js: the playground page: the same app an embedded <helix-playground> runs, mounted in the body; and
// the service worker that keeps it working offline (offline.js).
import { mountPlayground } from './app.js';
import './offline.js';

mountPlayground(document.body, { page: true });
