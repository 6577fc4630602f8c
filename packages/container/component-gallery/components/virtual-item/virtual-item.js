Component({ options: { virtualHost: true }, properties: { name: String } });
