/**
 * The logic layer of a mini program. Runs in a Web Worker or in Node: no DOM, no Node APIs.
 */

export { absentMember, type DeclaredShape, INERT } from './api/absent-member.ts';
export { ABSENT_MEMBERS } from './api/absent-members.ts';
export { type ApiResult, asyncApi } from './api/api-conventions.ts';
export { API_EVENTS, type ApiEventName } from './api/api-events.ts';
export { CANVAS_PROPERTIES, type CanvasAction, type CanvasPaint } from './api/canvas/canvas-context.ts';
export { encodePng } from './api/canvas/png-encoding.ts';
export { type ApiContext, createApi, type NavigationAction } from './api/create-api.ts';
export {
  type AnimateCommand,
  type AudioEvent,
  type AudioProps,
  type BatteryInfo,
  type CalendarEvent,
  type CanvasCommand,
  type ContextCommand,
  DEFAULT_SYSTEM_INFO,
  HOST_METHODS,
  type HostCapabilities,
  type HostMethod,
  HostRefusal,
  type HostRequest,
  type HostResponse,
  type IntersectionEntry,
  type Location,
  type ModalOptions,
  type RecorderEvent,
  type Rect,
  type SensorKind,
  type SensorReading,
  type SocketEvent,
  type SoterAssertion,
  type SystemInfo,
  type TabBarChange,
  type UserProfile,
  type ViewCommand,
} from './api/host-capabilities.ts';
export { MEMBER_NOTES } from './api/member-notes.ts';
export {
  type Availability,
  IMPLEMENTED_MEMBERS,
  isImplemented,
  unavailableReason,
} from './api/member-registry.ts';
export { remoteHost, serveHost } from './api/remote-host.ts';
export { NodesRef, SelectorQuery } from './api/selector-query.ts';
export { STORAGE_FULL, STORAGE_LIMIT_BYTES, StorageQuota, storedBytes } from './api/storage-quota.ts';
export { SUPPORTED_APIS, SUPPORTED_GLOBALS, unsupportedUsage } from './api/supported-apis.ts';
export {
  formatDataPath,
  type PathSegment,
  parseDataPath,
  readPath,
  replacePath,
  writePath,
} from './data/data-path.ts';
export { RenderBatch } from './data/render-batch.ts';
export { RuntimeError, runtimeErrors } from './errors.ts';
export { MODULE_GLOBALS, type ModuleFactory, ModuleLoader } from './loader/module-loader.ts';
export {
  type CreateLogicOptions,
  createLogic,
  type Logic,
  type ModuleFactoryDefine,
} from './logic/create-logic.ts';
export { LOGIC_SOURCE_URL } from './logic/error-locator.ts';
export { declaredPages, type LogicManifest } from './logic/manifest.ts';
export { PAGE_STACK_LIMIT } from './page/page-router.ts';
export { type PageRoute, parsePageUrl } from './page/page-url.ts';
export * from './protocol/index.ts';
