interface Dish {
  id: number;
  name: string;
  price: number;
}
const dishes: Dish[] = [{ id: 1, name: 'Noodles', price: 1200 }];
Page({
  data: { shop: { name: 'Lanzhou' }, dishes, total: 12, cart: { count: 0 } },
  onAdd(event: { detail: { id: number } }) {
    tt.showToast({ title: `added ${event.detail.id}` });
  },
  goDetail() {
    tt.navigateTo({ url: '/pages/detail/detail' });
  },
});
