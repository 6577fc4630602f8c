const photos = [
  {
    id: 'p1',
    title: 'Harbour at dawn',
    author: 'Lin',
    likes: 1280,
    takenAt: '2026-03-02',
    tags: ['sea', 'morning'],
  },
  {
    id: 'p2',
    title: 'Night market',
    author: 'Chen',
    likes: 987,
    takenAt: '2026-04-18',
    tags: ['city', 'food'],
  },
  { id: 'p3', title: 'Tea terraces', author: 'Zhou', likes: 25400, takenAt: '2026-05-09', tags: ['hills'] },
  { id: 'p4', title: 'Old town roofs', author: 'Wang', likes: 42, takenAt: '2026-06-21', tags: [] },
];

function findPhoto(id) {
  return photos.find((p) => p.id === id);
}

module.exports = { photos, findPhoto };
