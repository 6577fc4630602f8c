module.exports = { yuan: function (cents) { return '¥' + (cents / 100).toFixed(2); } };
