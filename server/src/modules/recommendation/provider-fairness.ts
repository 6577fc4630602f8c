import type { ProviderExposure } from './recommendation.model.ts';

/**
 * The provider-exposure regulator, after P-MMF (Xu et al., WWW 2023): their online dual
 * puts a price on each provider's exposure that rises while it is over its fair share and
 * falls while it is under, which pushes towards max-min fair exposure. Here the price is a
 * bounded multiplier: (fair share / share)^strength, clipped to [1/3, 3], so a provider
 * at a tenth of its share is lifted and one at ten times its share is held back, while
 * relevance still decides within that band.
 */
export function fairnessFactor(exposure: ProviderExposure, provider: string, strength: number): number {
  if (strength <= 0 || exposure.providers === 0) return 1;
  const fair = 1 / exposure.providers;
  const share = Math.max(exposure.shareOf(provider), fair / 20);
  return Math.min(3, Math.max(1 / 3, (fair / share) ** strength));
}
