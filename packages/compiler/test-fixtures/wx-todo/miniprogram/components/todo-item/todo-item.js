Component({
  options: { addGlobalClass: true },
  properties: { todo: Object, index: Number },
  methods: {
    toggle() {
      this.triggerEvent('toggle', { id: this.data.todo.id });
    },
  },
});
