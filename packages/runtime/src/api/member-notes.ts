/**
 * What an implemented member leaves out where it runs, shown beside its status in
 * docs/api-matrix.md. Kept apart from the registry so the logic worker does not carry it.
 */
export const MEMBER_NOTES: Readonly<Record<string, string>> = {
  getVideoInfo:
    'partial: `fps` is 0, a browser does not tell the frame rate; `bitrate` is the mean over the file',
  editImage: 'partial: the editor crops, freely or to a ratio; it does not draw or add text',
  startSoterAuthentication:
    "WebAuthn's platform authenticator signs; `authMode` is the mode asked, as the browser does not say which it used",
};
