const { categories, dishes } = require('../../menu/menu.js');
const { formatYuan } = require('../../money/format.js');

const app = getApp();

function dishesOf(categoryId) {
  return dishes
    .filter((d) => d.categoryId === categoryId)
    .map((d) => ({ ...d, priceText: formatYuan(d.priceCents) }));
}

Page({
  data: {
    shopName: '',
    categories: [],
    activeCategoryId: '',
    dishes: [],
    minOrderCents: 0,
  },

  onLoad(query) {
    const first = categories[0].id;
    const activeCategoryId = categories.some((c) => c.id === query.category) ? query.category : first;
    this.setData({
      shopName: app.globalData.shopName,
      minOrderCents: app.globalData.minOrderCents,
      categories: categories.map((c) => ({
        ...c,
        count: dishes.filter((d) => d.categoryId === c.id).length,
      })),
      activeCategoryId,
      dishes: dishesOf(activeCategoryId),
    });
  },

  onSelectCategory(e) {
    const id = e.currentTarget.dataset.id;
    if (id === this.data.activeCategoryId) return;
    this.setData({ activeCategoryId: id, dishes: dishesOf(id) });
  },

  onSoldOut(e) {
    tt.showToast({ title: `${e.detail.name} is sold out`, icon: 'none' });
  },

  onCheckout() {
    tt.navigateTo({ url: '/pages/confirm/confirm' });
  },

  onShareAppMessage() {
    return {
      title: `Order from ${this.data.shopName}`,
      path: `/pages/shop/shop?category=${this.data.activeCategoryId}`,
    };
  },
});
