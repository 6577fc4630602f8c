Component({
  options: { multipleSlots: true },
  properties: {
    tone: { type: String, value: 'dark' },
  },
  methods: {
    onHeaderTap() {
      this.triggerEvent('headertap', { tone: this.data.tone });
    },
  },
});
