import { launch } from './src/index.ts';

const times = [];
for (let i = 0; i < 12; i++) {
  const t = performance.now();
  const s = await launch('examples/takeout');
  times.push(Math.round(performance.now() - t));
  s.close();
}
console.log(times.join(' '));
