Page({
  data: { todos: [{ id: 1, title: 'Write tests', done: false }], draft: '' },
  onToggle() {
    wx.setStorageSync('todos', this.data.todos);
  },
  onAdd() {
    wx.showToast({ title: 'added' });
  },
});
