import { defineErrors } from '../../errors/index.ts';

export const searchErrors = defineErrors('SEARCH', {
  QUERY_INVALID: { status: 400, message: 'The query is empty or longer than 100 characters' },
  SEARCH_NOT_FOUND: {
    status: 404,
    message: 'No such search: a step must follow a search this server answered',
  },
  APP_NOT_FOUND: { status: 404, message: 'No such app' },
  ENTRY_PATH_INVALID: {
    status: 400,
    message: 'A service path must be a page of the mini program with an optional query',
  },
  WORD_INVALID: {
    status: 400,
    message: 'A dictionary word is 1 to 20 letters or digits, with no spaces or punctuation',
  },
  RESULT_NOT_FOUND: { status: 404, message: 'No such search result' },
});
