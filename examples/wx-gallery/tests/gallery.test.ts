import { launch, type Simulator } from '@plaza/simulator';
import { afterEach, describe, expect, it } from 'vitest';

const project = new URL('..', import.meta.url).pathname;
let sim: Simulator;
afterEach(() => sim?.close());

describe('wx gallery', () => {
  it('renders the included header and the imported photo template with wxs-formatted numbers', async () => {
    sim = await launch(project);
    expect(sim.text('.header__title')).toBe('This week');
    expect(sim.text('.header__count')).toBe('4 photos');
    // Recent first; likes formatted by format.wxs in the view layer.
    expect(sim.texts('.tile__title')).toEqual([
      'Old town roofs',
      'Tea terraces',
      'Night market',
      'Harbour at dawn',
    ]);
    expect(sim.texts('.tile__meta')).toEqual([
      'by Wang · 42 likes',
      'by Zhou · 2.5w likes',
      'by Chen · 987 likes',
      'by Lin · 1.3k likes',
    ]);
    // The nested tag-list template renders only for photos with tags.
    expect(sim.texts('.tag')).toEqual(['#hills', '#city', '#food', '#sea', '#morning']);
    expect(sim.errors).toEqual([]);
  });

  it('re-sorts on tap', async () => {
    sim = await launch(project);
    await sim.tap('.sort[data-sort="popular"]');
    expect(sim.texts('.tile__title')).toEqual([
      'Tea terraces',
      'Harbour at dawn',
      'Night market',
      'Old town roofs',
    ]);
    expect(sim.text('.sort--active')).toBe('Popular');
  });

  it('opens a photo into the named slots of the card frame', async () => {
    sim = await launch(project);
    await sim.tap('.tile[data-id="p2"]');
    await sim.waitFor(() => sim.page.path === 'pages/photo/photo');
    expect(sim.page.query).toEqual({ id: 'p2' });
    expect(sim.text('.frame__header .photo__title')).toBe('Night market');
    expect(sim.text('.frame__body .photo__date')).toBe('taken 04/18/2026');
    expect(sim.text('.frame__footer .photo__likes')).toBe('987 likes');
    expect(sim.ui.navigationBarTitle).toBe('Night market');
    expect(sim.snapshot('.frame')).toMatchSnapshot();
  });

  it('likes a photo through a data path update and toggles the frame tone by a component event', async () => {
    sim = await launch(project, { path: 'pages/photo/photo', query: { id: 'p4' } });
    await sim.tap('.photo__like');
    expect(sim.text('.photo__likes')).toBe('43 likes');
    expect(sim.text('.photo__like')).toBe('Unlike');
    expect(sim.classes('.frame')).toEqual(['frame', 'frame--dark']);
    await sim.tap('.photo__title');
    expect(sim.exists('.frame.frame--light')).toBe(true);
  });

  it('goes back with a toast for an unknown photo', async () => {
    sim = await launch(project, { path: 'pages/gallery/gallery' });
    await sim.navigateTo('/pages/photo/photo?id=nope');
    await sim.waitFor(() => sim.page.path === 'pages/gallery/gallery');
    expect(sim.ui.toasts).toEqual(['Photo not found']);
  });

  it('starts at the gallery when a link opens an unknown photo directly', async () => {
    sim = await launch(project, { path: 'pages/photo/photo', query: { id: 'nope' } });
    await sim.waitFor(() => sim.page.path === 'pages/gallery/gallery');
    expect(sim.getCurrentPages().map((p) => p.path)).toEqual(['pages/gallery/gallery']);
    expect(sim.errors).toEqual([]);
  });
});
