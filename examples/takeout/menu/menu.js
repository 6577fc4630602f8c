// The shop's menu. Prices are integer cents.
const categories = [
  { id: 'noodles', name: 'Noodles' },
  { id: 'rice', name: 'Rice bowls' },
  { id: 'sides', name: 'Sides' },
  { id: 'drinks', name: 'Drinks' },
];

const dishes = [
  {
    id: 'beef-noodles',
    categoryId: 'noodles',
    name: 'Braised beef noodles',
    priceCents: 2800,
    description: 'Slow-braised shank, hand-pulled noodles',
  },
  {
    id: 'dan-dan',
    categoryId: 'noodles',
    name: 'Dan dan noodles',
    priceCents: 1850,
    description: 'Sesame, chili oil, minced pork',
  },
  {
    id: 'zha-jiang',
    categoryId: 'noodles',
    name: 'Zha jiang noodles',
    priceCents: 1990,
    description: 'Fermented bean sauce, cucumber',
  },
  {
    id: 'mapo-rice',
    categoryId: 'rice',
    name: 'Mapo tofu rice',
    priceCents: 2250,
    description: 'Silken tofu, Sichuan pepper',
  },
  {
    id: 'chicken-rice',
    categoryId: 'rice',
    name: 'Kung pao chicken rice',
    priceCents: 2480,
    description: '',
  },
  {
    id: 'pork-rice',
    categoryId: 'rice',
    name: 'Twice-cooked pork rice',
    priceCents: 2600,
    description: 'Leek, bean paste',
    soldOut: true,
  },
  {
    id: 'cucumber',
    categoryId: 'sides',
    name: 'Smashed cucumber',
    priceCents: 890,
    description: 'Garlic, black vinegar',
  },
  { id: 'dumplings', categoryId: 'sides', name: 'Pork dumplings (8)', priceCents: 1500, description: '' },
  { id: 'plum-juice', categoryId: 'drinks', name: 'Sour plum juice', priceCents: 600, description: '' },
  { id: 'soy-milk', categoryId: 'drinks', name: 'Fresh soy milk', priceCents: 450, description: '' },
];

module.exports = { categories, dishes };
