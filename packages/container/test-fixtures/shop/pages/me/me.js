Page({ data: { name: 'Guest' } });
