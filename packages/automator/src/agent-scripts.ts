import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const scripts = new Map<string, Promise<string>>();

/**
 * The agents as scripts for a realm the driver can only hand text to: `logic` defines
 * `__plaza_automator` over the program's logic, `view` defines `__plaza_view_agent` in a
 * page frame. Bundled once per process.
 */
export function agentScript(agent: 'logic' | 'view'): Promise<string> {
  const entry = agent === 'logic' ? 'logic-agent.ts' : 'view-agent-entry.ts';
  let script = scripts.get(entry);
  if (!script) {
    script = build({
      entryPoints: [`${here}${entry}`],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'neutral',
      target: 'es2022',
      logLevel: 'silent',
    }).then((result) => `${result.outputFiles[0]!.text}\nvoid 0;`);
    scripts.set(entry, script);
  }
  return script;
}
