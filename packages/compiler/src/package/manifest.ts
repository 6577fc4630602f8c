import { z } from 'zod';

const styleScopeSchema = z.object({ prefix: z.string(), keepGlobal: z.boolean(), hostClass: z.string() });

/** What the manifest says about one custom component. */
export const componentManifestSchema = z.object({
  usingComponents: z.record(z.string(), z.string()),
  options: z.looseObject({
    addGlobalClass: z.boolean().optional(),
    styleIsolation: z.string().optional(),
    multipleSlots: z.boolean().optional(),
  }),
  externalClasses: z.array(z.string()),
  styleIsolation: z.enum(['isolated', 'apply-shared', 'shared']),
  styleScope: styleScopeSchema,
});

/** A custom component a template always renders, with its literal id and classes. */
export const staticChildSchema = z.object({
  /** Package path of the component. */
  path: z.string(),
  tag: z.string(),
  id: z.string(),
  classes: z.array(z.string()),
  /** `wx:if="{{ field }}"` conditions on the way: created only when these owner fields are truthy. */
  when: z.array(z.string()).optional(),
});

/** `manifest.json` of a built package: read by the runtime, the simulator and the upload check. */
export const manifestSchema = z.object({
  format: z.literal(1),
  dialect: z.enum(['tt', 'wx']),
  appConfig: z.looseObject({ pages: z.array(z.string()) }),
  entryPage: z.string(),
  pages: z.array(z.string()),
  subpackages: z.array(
    z.object({
      root: z.string(),
      name: z.string().optional(),
      pages: z.array(z.string()),
      independent: z.boolean().optional(),
    }),
  ),
  components: z.record(z.string(), componentManifestSchema),
  /**
   * Page or component path → the custom components its template always renders: the logic
   * creates them before the owner's `attached`/`onLoad`, as the platforms do.
   */
  staticChildren: z.record(z.string(), z.array(staticChildSchema)).optional(),
  /** Page path → its `.json` (window overrides, usingComponents as written). */
  pageConfigs: z.record(z.string(), z.record(z.string(), z.unknown())),
  /** Package file → sha256 (hex) of its content. */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  /** Package file → size in bytes. */
  sizes: z.record(z.string(), z.number().int().nonnegative()),
  /** Total bytes of all files. */
  size: z.number().int().nonnegative(),
  /** What the program uses, for the migration report (`plaza check`). */
  usage: z.object({ apis: z.array(z.string()), components: z.array(z.string()) }),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ComponentManifest = z.infer<typeof componentManifestSchema>;
export type StaticChild = z.infer<typeof staticChildSchema>;
