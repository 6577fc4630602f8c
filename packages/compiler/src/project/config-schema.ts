import { z } from 'zod';

const pagePath = z.string().min(1, 'must be a page path');

export const usingComponentsSchema = z.record(z.string(), z.string().min(1, 'must be a component path'));

export const subpackageSchema = z.looseObject({
  root: z.string().min(1, 'must name the subpackage folder'),
  name: z.string().optional(),
  pages: z.array(pagePath),
  independent: z.boolean().optional(),
});

/** `app.json`, the fields Plaza reads; unknown fields are kept as written. */
export const appConfigSchema = z.looseObject({
  pages: z.array(pagePath).min(1, 'must list at least one page'),
  entryPagePath: z.string().optional(),
  window: z.record(z.string(), z.unknown()).optional(),
  tabBar: z
    .looseObject({
      list: z
        .array(
          z.looseObject({
            pagePath,
            text: z.string().optional(),
            iconPath: z.string().optional(),
            selectedIconPath: z.string().optional(),
          }),
        )
        .min(1, 'must list at least one tab'),
    })
    .optional(),
  subpackages: z.array(subpackageSchema).optional(),
  subPackages: z.array(subpackageSchema).optional(),
  usingComponents: usingComponentsSchema.optional(),
});

export type AppConfig = z.infer<typeof appConfigSchema>;

/** A page's or component's `.json`. */
export const componentConfigSchema = z.looseObject({
  component: z.boolean().optional(),
  usingComponents: usingComponentsSchema.optional(),
  styleIsolation: z
    .enum(['isolated', 'apply-shared', 'shared', 'page-isolated', 'page-apply-shared', 'page-shared'])
    .optional(),
  addGlobalClass: z.boolean().optional(),
});

export type ComponentConfig = z.infer<typeof componentConfigSchema>;

/** `project.config.json`: only where the program lives matters to the build. */
export const projectConfigSchema = z.looseObject({
  miniprogramRoot: z.string().optional(),
  // Read leniently (the devtools ignore what they do not understand): a malformed value of
  // these must not stop a build that never needed them.
  /** Where the sources are when compiler plugins (TypeScript, Less, Sass) build them. */
  srcMiniprogramRoot: z.unknown().optional(),
  /** The devtools' settings; only `useCompilerPlugins` matters to the build. */
  setting: z.unknown().optional(),
  packOptions: z
    .looseObject({
      ignore: z
        .array(
          z.looseObject({
            type: z.enum(['file', 'folder', 'suffix', 'prefix', 'regexp', 'glob']),
            value: z.string(),
          }),
        )
        .optional(),
    })
    .optional(),
});

export type PackIgnore = NonNullable<
  NonNullable<z.infer<typeof projectConfigSchema>['packOptions']>['ignore']
>;
