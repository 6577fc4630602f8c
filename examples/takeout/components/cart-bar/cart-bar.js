const cartBehavior = require('../../behaviors/cart.js');
const { formatYuan } = require('../../money/format.js');

Component({
  behaviors: [cartBehavior],
  properties: {
    // The shop's minimum order (起送价), in cents.
    minOrderCents: { type: Number, value: 0 },
  },
  data: {
    expanded: false,
    lines: [],
    shortfallText: '',
  },
  methods: {
    // Overrides the behaviour's sync to also derive the bar's own view of the cart.
    syncCart(s) {
      const shortfall = this.data.minOrderCents - s.totalCents;
      this.setData({
        cartCount: s.count,
        cartTotalCents: s.totalCents,
        cartTotalText: formatYuan(s.totalCents),
        cartQuantities: s.quantities,
        lines: s.items.map((item) => ({ ...item, subtotalText: formatYuan(item.subtotalCents) })),
        shortfallText: shortfall > 0 ? `${formatYuan(shortfall)} more to order` : '',
        expanded: s.count > 0 && this.data.expanded,
      });
    },
    onToggle() {
      if (this.data.cartCount === 0) return;
      this.setData({ expanded: !this.data.expanded });
    },
    onClear() {
      this.clearCart();
    },
    onLinePlus(e) {
      const id = e.currentTarget.dataset.id;
      const line = this.data.lines.find((l) => l.id === id);
      if (line) this.addToCart({ id: line.id, name: line.name, priceCents: line.priceCents });
    },
    onLineMinus(e) {
      this.removeFromCart(e.currentTarget.dataset.id);
    },
    onCheckout() {
      if (this.data.cartCount === 0 || this.data.shortfallText) return;
      this.triggerEvent('checkout', { totalCents: this.data.cartTotalCents, count: this.data.cartCount });
    },
  },
});
