// Test machinery of the runtime (`@plaza/runtime/testing`): probe programs, a memory host, a
// logic harness. Kept out of the package's main surface so no frame bundle carries it.
export { DEVICE_PROBE_ROUTES, deviceProbeFiles } from './device-probe.ts';
export { bundleLogic, logicHarness, type ProgramApi, type ProgramFiles } from './logic-harness.ts';
export { MEMBER_PROBE_BASICS, MEMBER_PROBE_FILES, PROBE_PNG_BASE64 } from './member-probe.ts';
export { createMemoryHost, type HostCallLog } from './memory-host.ts';
export { VENDOR_SERVICES_PROBE_OUT, vendorServicesProbeFiles } from './vendor-services-probe.ts';
