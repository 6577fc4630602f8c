import * as z from 'zod/mini';

/**
 * The one protocol between the logic layer, the view layer and the host.
 * Every message carries `v: 1`; a change that breaks a reader bumps it.
 */
export const PROTOCOL_VERSION = 1;

const v = z.literal(PROTOCOL_VERSION);
const instanceId = z.string().check(z.minLength(1));
const dataRecord = z.record(z.string(), z.unknown());
const stringRecord = z.record(z.string(), z.string());

/** Options a component declares that change how the view renders it. */
export const componentOptionsSchema = z.object({
  multipleSlots: z.optional(z.boolean()),
  styleIsolation: z.optional(
    z.enum(['isolated', 'apply-shared', 'shared', 'page-isolated', 'page-apply-shared', 'page-shared']),
  ),
  addGlobalClass: z.optional(z.boolean()),
  virtualHost: z.optional(z.boolean()),
});

const pageEntry = z.object({ instanceId, path: z.string() });

// ── logic → view ─────────────────────────────────────────────────────────────

/** A page instance exists: the view renders `path`'s template with `data`. */
export const pageCreateSchema = z.object({
  v,
  type: z.literal('page.create'),
  instanceId,
  path: z.string(),
  query: stringRecord,
  data: dataRecord,
  renderId: z.int(),
  options: z.optional(componentOptionsSchema),
});
export const pageDestroySchema = z.object({ v, type: z.literal('page.destroy'), instanceId });
/** The page stack changed; the last entry is the visible page. */
export const pageNavigateSchema = z.object({
  v,
  type: z.literal('page.navigate'),
  action: z.enum(['launch', 'navigateTo', 'redirectTo', 'navigateBack', 'switchTab', 'reLaunch']),
  stack: z.array(pageEntry),
});
/** Minimal data changes of one instance, keys are normalised paths (`list[3].price`). */
export const patchSchema = z.object({
  v,
  type: z.literal('patch'),
  instanceId,
  renderId: z.int(),
  changes: dataRecord,
});
/** Answer to `component.attach`: the component's first data, so the view can render it. */
export const componentInitSchema = z.object({
  v,
  type: z.literal('component.init'),
  instanceId,
  renderId: z.int(),
  data: dataRecord,
  options: componentOptionsSchema,
  externalClasses: z.array(z.string()),
});
export const triggerOptionsSchema = z.object({
  bubbles: z.optional(z.boolean()),
  composed: z.optional(z.boolean()),
  capturePhase: z.optional(z.boolean()),
});
/** `this.triggerEvent` from a component; the view routes it through its component tree. */
export const componentTriggerSchema = z.object({
  v,
  type: z.literal('component.trigger'),
  instanceId,
  name: z.string().check(z.minLength(1)),
  detail: z.unknown(),
  options: triggerOptionsSchema,
});
export const queryFieldsSchema = z.object({
  id: z.optional(z.boolean()),
  dataset: z.optional(z.boolean()),
  rect: z.optional(z.boolean()),
  size: z.optional(z.boolean()),
  scrollOffset: z.optional(z.boolean()),
  properties: z.optional(z.array(z.string())),
  computedStyle: z.optional(z.array(z.string())),
  mark: z.optional(z.boolean()),
  /** A canvas node (`<canvas type="2d">`, handed over as an OffscreenCanvas) or null. */
  node: z.optional(z.boolean()),
  /** A handle the logic's context object calls the component's element by. */
  context: z.optional(z.boolean()),
});
/** A `SelectorQuery.exec`: each request selects in the scope of `scopeId` (or the viewport). */
export const queryRequestSchema = z.object({
  v,
  type: z.literal('query.request'),
  queryId: z.int(),
  requests: z.array(
    z.object({
      scopeId: z.optional(z.string()),
      selector: z.string(),
      all: z.boolean(),
      viewport: z.optional(z.boolean()),
      fields: queryFieldsSchema,
    }),
  ),
});

// ── view → logic ─────────────────────────────────────────────────────────────

const eventTargetSchema = z.looseObject({
  id: z.string(),
  dataset: dataRecord,
  offsetLeft: z.optional(z.number()),
  offsetTop: z.optional(z.number()),
});
const touchSchema = z.looseObject({
  identifier: z.optional(z.number()),
  pageX: z.number(),
  pageY: z.number(),
  clientX: z.number(),
  clientY: z.number(),
});
/** The event object handed to a handler, as the dialects shape it. */
export const eventObjectSchema = z.looseObject({
  type: z.string(),
  timeStamp: z.number(),
  target: eventTargetSchema,
  currentTarget: eventTargetSchema,
  detail: z.unknown(),
  touches: z.optional(z.array(touchSchema)),
  changedTouches: z.optional(z.array(touchSchema)),
  mark: z.optional(dataRecord),
});
export const eventSchema = z.object({
  v,
  type: z.literal('event'),
  instanceId,
  handler: z.string().check(z.minLength(1)),
  event: eventObjectSchema,
  /** Set for buttons with `open-type`: the logic asks the host before calling the handler. */
  openType: z.optional(z.string()),
});
export const componentAttachSchema = z.object({
  v,
  type: z.literal('component.attach'),
  instanceId,
  /** The instance whose template wrote the tag (it receives the component's events). */
  ownerId: instanceId,
  /** The nearest component or page above it in the composed tree (slots included): relations use it. */
  parentId: instanceId,
  path: z.string().check(z.minLength(1)),
  tag: z.string(),
  properties: dataRecord,
  id: z.string(),
  classes: z.array(z.string()),
  dataset: dataRecord,
  /** `model:prop="{{path}}"`: component property → owner data path. */
  models: z.optional(stringRecord),
});
export const componentDetachSchema = z.object({ v, type: z.literal('component.detach'), instanceId });
export const componentPropsSchema = z.object({
  v,
  type: z.literal('component.props'),
  instanceId,
  properties: dataRecord,
  id: z.optional(z.string()),
  classes: z.optional(z.array(z.string())),
  dataset: z.optional(dataRecord),
});
export const renderDoneSchema = z.object({
  v,
  type: z.literal('render.done'),
  instanceId,
  renderId: z.int(),
});
/** `model:value="{{path}}"` on a built-in component: write the owner's data. */
export const modelUpdateSchema = z.object({
  v,
  type: z.literal('model.update'),
  instanceId,
  path: z.string().check(z.minLength(1)),
  value: z.unknown(),
});
export const queryResultSchema = z.object({
  v,
  type: z.literal('query.result'),
  queryId: z.int(),
  results: z.array(z.unknown()),
});
/** Page-level happenings the view or the host chrome observes. */
export const pageEventSchema = z.object({
  v,
  type: z.literal('page.event'),
  instanceId,
  name: z.enum([
    'pageScroll',
    'reachBottom',
    'pullDownRefresh',
    'resize',
    'tabItemTap',
    'shareAppMessage',
    'keyDown',
    'keyUp',
  ]),
  payload: z.optional(z.unknown()),
  /** Set by `shareAppMessage`: the logic answers with `page.event.result`. */
  requestId: z.optional(z.int()),
});
/** A `<navigator>` tap: navigation belongs to the logic's page stack. */
export const viewNavigateSchema = z.object({
  v,
  type: z.literal('view.navigate'),
  openType: z.enum(['navigate', 'redirect', 'switchTab', 'reLaunch', 'navigateBack', 'exit']),
  url: z.optional(z.string()),
  delta: z.optional(z.int()),
});

/**
 * A `<button open-type="contact">` tap: the logic asks the host to open the customer-service
 * chat, with the card the button names (or the page it is on).
 */
export const viewContactSchema = z.object({
  v,
  type: z.literal('view.contact'),
  path: z.optional(z.string()),
  title: z.optional(z.string()),
  showCard: z.boolean(),
});

// ── host ↔ logic ─────────────────────────────────────────────────────────────

export const launchOptionsSchema = z.object({
  path: z.optional(z.string()),
  query: z.optional(stringRecord),
  scene: z.optional(z.int()),
  referrerInfo: z.optional(
    z.looseObject({ appId: z.optional(z.string()), extraData: z.optional(z.unknown()) }),
  ),
});
export const appLaunchSchema = z.object({
  v,
  type: z.literal('app.launch'),
  options: launchOptionsSchema,
  /** Built-in components the view renders (the container's registry), so `canIUse` can answer. */
  components: z.optional(z.array(z.string())),
});
/** Something the host saw that the program may listen to (`wx.onNetworkStatusChange`, `wx.onThemeChange`). */
export const hostEventSchema = z.object({
  v,
  type: z.literal('host.event'),
  event: z.enum([
    'NetworkStatusChange',
    'ThemeChange',
    'Socket',
    'Intersection',
    'Audio',
    'Sensor',
    'Battery',
    'WindowResize',
    'KeyboardHeightChange',
    'Recorder',
    'LocationChange',
    'LocationChangeError',
    'NetworkWeakChange',
    'CopyUrl',
    'PictureInPicture',
  ]),
  payload: z.looseObject({}),
});
export const appShowSchema = z.object({
  v,
  type: z.literal('app.show'),
  options: z.optional(launchOptionsSchema),
});
export const appHideSchema = z.object({ v, type: z.literal('app.hide') });
/** The host asks for navigation (an anchor opened at a path, the tab bar, the back button). */
export const hostNavigateSchema = z.object({
  v,
  type: z.literal('host.navigate'),
  action: z.enum(['navigateTo', 'redirectTo', 'navigateBack', 'switchTab', 'reLaunch']),
  url: z.optional(z.string()),
  delta: z.optional(z.int()),
});
/** The user chose Share in the host's menu: the page on top answers with its `onShareAppMessage`. */
export const hostShareSchema = z.object({ v, type: z.literal('host.share'), requestId: z.int() });
export const hostCallSchema = z.object({
  v,
  type: z.literal('host.call'),
  callId: z.int(),
  method: z.string().check(z.minLength(1)),
  args: z.array(z.unknown()),
});
export const hostResultSchema = z.object({
  v,
  type: z.literal('host.result'),
  callId: z.int(),
  ok: z.boolean(),
  value: z.optional(z.unknown()),
  /** The reason after `<api>:fail `, e.g. `cancel` or `domain not allowed`. */
  error: z.optional(z.string()),
});
/** A script error in the mini program, reported with its file and line when known. */
export const errorSchema = z.object({
  v,
  type: z.literal('error'),
  source: z.enum(['load', 'lifecycle', 'handler', 'timer', 'api', 'protocol']),
  message: z.string(),
  stack: z.optional(z.string()),
  file: z.optional(z.string()),
  line: z.optional(z.int()),
  column: z.optional(z.int()),
});
/** Warnings the developer should see (a missing handler, a dropped message). */
export const logSchema = z.object({
  v,
  type: z.literal('log'),
  level: z.enum(['info', 'warn']),
  message: z.string(),
});
export const pageEventResultSchema = z.object({
  v,
  type: z.literal('page.event.result'),
  requestId: z.int(),
  value: z.unknown(),
});

/** Each direction's messages, as lists: what the readers pick a schema from by `type`. */
export const logicToViewMessages = [
  pageCreateSchema,
  pageDestroySchema,
  pageNavigateSchema,
  patchSchema,
  componentInitSchema,
  componentTriggerSchema,
  queryRequestSchema,
] as const;
export const viewToLogicMessages = [
  eventSchema,
  componentAttachSchema,
  componentDetachSchema,
  componentPropsSchema,
  renderDoneSchema,
  modelUpdateSchema,
  queryResultSchema,
  pageEventSchema,
  viewNavigateSchema,
  viewContactSchema,
] as const;
export const hostToLogicMessages = [
  appLaunchSchema,
  appShowSchema,
  appHideSchema,
  hostNavigateSchema,
  hostShareSchema,
  hostResultSchema,
  hostEventSchema,
] as const;
export const logicToHostMessages = [hostCallSchema, errorSchema, logSchema, pageEventResultSchema] as const;

export const logicToViewSchema = z.discriminatedUnion('type', logicToViewMessages);
export const viewToLogicSchema = z.discriminatedUnion('type', viewToLogicMessages);
export const hostToLogicSchema = z.discriminatedUnion('type', hostToLogicMessages);
export const logicToHostSchema = z.discriminatedUnion('type', logicToHostMessages);
export const messageSchema = z.discriminatedUnion('type', [
  ...logicToViewMessages,
  ...viewToLogicMessages,
  ...hostToLogicMessages,
  ...logicToHostMessages,
]);

export type LogicToViewMessage = z.infer<typeof logicToViewSchema>;
export type ViewToLogicMessage = z.infer<typeof viewToLogicSchema>;
export type HostToLogicMessage = z.infer<typeof hostToLogicSchema>;
export type LogicToHostMessage = z.infer<typeof logicToHostSchema>;
/** What the logic layer receives: from the view or from the host. */
export type LogicInboundMessage = ViewToLogicMessage | HostToLogicMessage;
/** What the logic layer sends: to the view or to the host. */
export type LogicOutboundMessage = LogicToViewMessage | LogicToHostMessage;
export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];
export type EventObject = z.infer<typeof eventObjectSchema>;
export type ComponentOptions = z.infer<typeof componentOptionsSchema>;
export type QueryFields = z.infer<typeof queryFieldsSchema>;
export type QueryRequest = z.infer<typeof queryRequestSchema>['requests'][number];
export type LaunchOptions = z.infer<typeof launchOptionsSchema>;
export type TriggerOptions = z.infer<typeof triggerOptionsSchema>;
/** A message body without the version, as senders build it. */
export type Unversioned<M> = M extends unknown ? Omit<M, 'v'> : never;
