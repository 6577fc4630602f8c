Component({
  externalClasses: ['slot-class'],
  options: { multipleSlots: true },
  properties: { dish: Object },
  methods: {
    onTap() {
      this.triggerEvent('add', { id: this.data.dish.id });
    },
  },
});
