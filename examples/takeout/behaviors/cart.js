// Shared by the dish card (its stepper) and the cart bar: both read the same cart store
// and write to it through the same methods.
const cart = require('../store/cart.js');
const { formatYuan } = require('../money/format.js');

module.exports = Behavior({
  data: {
    cartCount: 0,
    cartTotalCents: 0,
    cartTotalText: formatYuan(0),
    cartQuantities: {},
  },
  lifetimes: {
    attached() {
      this._stopCart = cart.subscribe((s) => this.syncCart(s));
      this.syncCart(cart.summary());
    },
    detached() {
      if (this._stopCart) this._stopCart();
    },
  },
  methods: {
    syncCart(s) {
      this.setData({
        cartCount: s.count,
        cartTotalCents: s.totalCents,
        cartTotalText: formatYuan(s.totalCents),
        cartQuantities: s.quantities,
      });
    },
    addToCart(dish) {
      cart.add(dish);
    },
    removeFromCart(dishId) {
      cart.remove(dishId);
    },
    clearCart() {
      cart.clear();
    },
  },
});
