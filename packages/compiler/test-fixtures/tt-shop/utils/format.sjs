var money = require('./money.sjs');
module.exports = { price: function (cents) { return money.yuan(cents); } };
