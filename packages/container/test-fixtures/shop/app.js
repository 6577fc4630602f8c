App({ globalData: { shopName: 'Noodle Bar' } });
