/** The runtime's coded errors: what a mini-program developer sees when the framework refuses. */
export const runtimeErrors = {
  MODULE_NOT_FOUND: {
    code: 'PLAZA_RT_MODULE_NOT_FOUND',
    message: 'module "%s" is not defined (required from "%s")',
  },
  MODULE_DUPLICATE: { code: 'PLAZA_RT_MODULE_DUPLICATE', message: 'module "%s" is defined twice' },
  LOGIC_SOURCE: { code: 'PLAZA_RT_LOGIC_SOURCE', message: 'the logic bundle could not be evaluated: %s' },
  PAGE_NOT_REGISTERED: {
    code: 'PLAZA_RT_PAGE_NOT_REGISTERED',
    message: '"%s" did not call Page() or Component()',
  },
  COMPONENT_NOT_REGISTERED: {
    code: 'PLAZA_RT_COMPONENT_NOT_REGISTERED',
    message: '"%s" did not call Component()',
  },
  APP_TWICE: { code: 'PLAZA_RT_APP_TWICE', message: 'App() was called more than once' },
  HANDLER_MISSING: {
    code: 'PLAZA_RT_HANDLER_MISSING',
    message: 'instance "%s" has no method "%s" to handle the event',
  },
  NOT_LAUNCHED: { code: 'PLAZA_RT_NOT_LAUNCHED', message: 'the app has not been launched yet' },
  PLUGIN_UNAVAILABLE: {
    code: 'PLAZA_RT_PLUGIN_UNAVAILABLE',
    message: 'plugin "%s" comes from the platform\'s plugin marketplace, which Plaza cannot fetch',
  },
} as const;

export type RuntimeErrorName = keyof typeof runtimeErrors;

/** An error the runtime raises on purpose, with a stable code. */
export class RuntimeError extends Error {
  readonly code: string;
  constructor(name: RuntimeErrorName, ...args: string[]) {
    const entry = runtimeErrors[name];
    let i = 0;
    super(entry.message.replace(/%s/g, () => args[i++] ?? ''));
    this.code = entry.code;
    this.name = 'RuntimeError';
  }
}
