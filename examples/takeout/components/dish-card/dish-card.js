const cartBehavior = require('../../behaviors/cart.js');

Component({
  behaviors: [cartBehavior],
  properties: {
    // { id, name, description, priceCents, priceText, soldOut }
    dish: { type: Object, value: {} },
  },
  methods: {
    onPlus() {
      const dish = this.data.dish;
      if (dish.soldOut) {
        this.triggerEvent('soldout', { id: dish.id, name: dish.name });
        return;
      }
      this.addToCart(dish);
      this.triggerEvent('change', { id: dish.id, quantity: this.data.cartQuantities[dish.id] || 0 });
    },
    onMinus() {
      const dish = this.data.dish;
      this.removeFromCart(dish.id);
      this.triggerEvent('change', { id: dish.id, quantity: this.data.cartQuantities[dish.id] || 0 });
    },
  },
});
