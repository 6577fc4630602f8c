// Bundled into one script that a page frame in Chromium runs once (see agent-scripts.ts).
import { viewAgent } from './view-agent.ts';

const scope = globalThis as { __plaza_view_agent?: unknown };
scope.__plaza_view_agent ??= viewAgent;
