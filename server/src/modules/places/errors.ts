import { defineErrors } from '../../errors/index.ts';

export const placeErrors = defineErrors('PLACE', {
  NOT_FOUND: { status: 404, message: 'No such place' },
  NOT_YOURS: { status: 403, message: 'Only the operator or the org that runs this place may edit it' },
  CLAIM_NOT_FOUND: { status: 404, message: 'No such claim' },
  CLAIM_PENDING: { status: 409, message: 'This org already has a claim on this place waiting for review' },
  ALREADY_YOURS: { status: 409, message: 'This org already runs this place' },
  CLAIM_REVIEWED: { status: 409, message: 'The claim was already reviewed' },
  HOURS_INVALID: {
    status: 400,
    message: 'Opening hours are days 1–7 with HH:MM times, opening before closing',
  },
  SERVICE_PATH_INVALID: {
    status: 400,
    message: 'A service path must be a page of the mini program, its params letters, digits and -_.',
  },
  APP_NOT_MOUNTABLE: {
    status: 422,
    message: 'The syncing app is not released or not active, so its services cannot be mounted',
  },
});
