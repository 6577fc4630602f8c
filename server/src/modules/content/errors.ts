import { defineErrors } from '../../errors/index.ts';

export const contentErrors = defineErrors('CONTENT', {
  NOT_CREATOR: { status: 403, message: 'Only creators may publish videos' },
  VIDEO_NOT_FOUND: { status: 404, message: 'No such video' },
  VIDEO_NOT_PUBLISHED: { status: 409, message: 'Only a published video can be taken down' },
  VIDEO_NOT_TAKEN_DOWN: { status: 409, message: 'Only a video an operator took down can be reinstated' },
  POI_NOT_FOUND: { status: 404, message: 'No such point of interest' },
  NOT_A_VIDEO: { status: 415, message: 'The video file is not an MP4 or WebM video' },
  NOT_AN_IMAGE: { status: 415, message: 'The cover is not a JPEG, PNG or WebP image' },
  UPLOAD_INCOMPLETE: {
    status: 400,
    message: 'A video upload needs the video file, a cover image and the fields',
  },
  FILE_TOO_LARGE: { status: 413, message: 'The file is larger than allowed' },
  ANCHOR_APP_NOT_MOUNTABLE: {
    status: 422,
    message:
      'The anchor points to an app that is unknown, not released, taken down or does not allow mounting',
  },
  ANCHOR_PATH_INVALID: {
    status: 400,
    message: 'The anchor path must be a page of the mini program with an optional query',
  },
  CREATOR_NOT_AUTHORISED: {
    status: 403,
    message:
      'The app lets only its own accounts and the creators it authorised mount it (influencer mounting), and this creator is neither',
  },
  CREATOR_NOT_OWN_ACCOUNT: {
    status: 403,
    message:
      "The app lets only its own org's confirmed creator accounts mount it (self-operated mounting), and this creator is not one",
  },
  CREATOR_NOT_FOUND: { status: 404, message: 'No such creator' },
  ORG_ACCOUNT_NOT_FOUND: {
    status: 404,
    message: 'This org did not name this creator as one of its own accounts',
  },
  MOUNTING_CREATOR_UNKNOWN: {
    status: 422,
    message: 'A creator in the list is not a creator on the platform',
  },
  BAD_CURSOR: { status: 400, message: 'The feed cursor is malformed or was not issued by this server' },
  EVENT_INVALID: { status: 400, message: 'An event in the batch is invalid; nothing was stored' },
});
