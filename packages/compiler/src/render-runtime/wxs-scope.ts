/**
 * The scope a wxs/sjs module's free names resolve in (its factory runs the code inside
 * `with (scope)`). Only the language's own built-ins and the module's parameters fall
 * through to the real global; every other name (`window`, `self`, `globalThis`, `document`,
 * `location`, `setTimeout`, `Image`, `Function`, `eval`, `RTCPeerConnection`…) reads as
 * undefined, and an assignment to an undeclared name stays in the module's own scope.
 * Together with strict mode, this leaves a module no path to the frame's global object but
 * the constructors of its own values, where the frame's CSP (no `unsafe-eval`) holds.
 */
const PASS_THROUGH: ReadonlySet<string> = new Set([
  // The factory's parameters.
  'module',
  'exports',
  'require',
  'getRegExp',
  'getDate',
  // ECMAScript's global values and functions.
  'undefined',
  'NaN',
  'Infinity',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'encodeURI',
  'encodeURIComponent',
  'decodeURI',
  'decodeURIComponent',
  'escape',
  'unescape',
  'Object',
  'Array',
  'String',
  'Number',
  'Boolean',
  'Symbol',
  'BigInt',
  'Math',
  'JSON',
  'Date',
  'RegExp',
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Promise',
  'Reflect',
  'Intl',
  'ArrayBuffer',
  'DataView',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
  // The dialects offer `console` to wxs/sjs.
  'console',
]);

/**
 * A fresh scope for one module instance.
 * @example factory(module, module.exports, require, getRegExp, getDate, wxsScope());
 */
export function wxsScope(): object {
  const own: Record<PropertyKey, unknown> = Object.create(null);
  return new Proxy(own, {
    has: (_, name) => typeof name !== 'string' || !PASS_THROUGH.has(name),
    // `with` asks for Symbol.unscopables first: there are none.
    get: (target, name) => (name === Symbol.unscopables ? undefined : target[name]),
    set: (target, name, value) => {
      target[name] = value;
      return true;
    },
  });
}
