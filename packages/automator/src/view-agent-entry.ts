// Bundled into one script that a page frame in Chromium runs once (see agent-scripts.ts).
import { viewAgent } from './view-agent.ts';

const scope = globalThis as {
  __plaza_view_agent?: unknown;
  __plaza_view_changes?: () => number;
};
if (!scope.__plaza_view_agent) {
  scope.__plaza_view_agent = viewAgent;
  // How often the frame's document changed (renders of patches): the driver waits until it stops.
  let changes = 0;
  new MutationObserver((records) => {
    changes += records.length;
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  scope.__plaza_view_changes = () => changes;
}
