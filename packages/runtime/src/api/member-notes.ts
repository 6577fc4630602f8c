const NO_AD_NETWORK =
  'partial: Plaza has no ad network: the ad never fills, `load` and `show` reject and `onError` hears errCode 1004, as when no ad is served';

/**
 * What an implemented member leaves out where it runs, shown beside its status in
 * docs/api-matrix.md. Kept apart from the registry so the logic worker does not carry it.
 */
export const MEMBER_NOTES: Readonly<Record<string, string>> = {
  cloud:
    'partial: Plaza has no cloud backend: `init` succeeds, every service call and database request fails with `"cloud.<name>:fail not supported"`',
  createInterstitialAd: NO_AD_NETWORK,
  createRewardedVideoAd: NO_AD_NETWORK,
  getVideoInfo:
    'partial: `fps` is 0, a browser does not tell the frame rate; `bitrate` is the mean over the file',
  editImage: 'partial: the editor crops, freely or to a ratio; it does not draw or add text',
  startSoterAuthentication:
    "WebAuthn's platform authenticator signs; `authMode` is the mode asked, as the browser does not say which it used",
};
