// Turns a callback-style tt API into a promise, so the checkout reads top to bottom.
function call(api, options) {
  return new Promise((resolve, reject) => {
    api({ ...options, success: resolve, fail: reject });
  });
}

module.exports = { call };
